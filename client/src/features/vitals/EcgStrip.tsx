import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EcgBuffer } from './vitals-feed';

interface EcgStripProps {
  ecg: EcgBuffer;
  /** Seconds across the strip (25 mm/s paper would be ~5 s on a panel). */
  seconds?: number;
  /** Millivolts from the centre line to the top. */
  halfRangeMv?: number;
}

/**
 * The ECG as a monitor draws it: a trace sweeping left to right over the previous sweep, with a
 * short erased band ahead of the pen. Redrawn every animation frame from the feed's ring buffer.
 */
export function EcgStrip({ ecg, seconds = 5, halfRangeMv = 1.5 }: EcgStripProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    let frame = 0;
    const draw = () => {
      frame = requestAnimationFrame(draw);
      const dpr = window.devicePixelRatio || 1;
      const w = Math.max(1, Math.round(canvas.clientWidth * dpr));
      const h = Math.max(1, Math.round(canvas.clientHeight * dpr));
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      ctx.fillStyle = '#061a12';
      ctx.fillRect(0, 0, w, h);
      drawGrid(ctx, w, h, seconds);
      const span = Math.round(ecg.sampleRate * seconds);
      const head = ecg.written;
      if (head === 0) return;
      const sweepStart = head - (head % span); // the current sweep began here
      const gap = Math.round(span * 0.04);
      ctx.strokeStyle = '#39ff8f';
      ctx.lineWidth = 1.6 * dpr;
      ctx.beginPath();
      let pen = false;
      for (let x = 0; x < span; x += 1) {
        // Left of the pen: this sweep; right of it (after the erased band): the previous one.
        const index = sweepStart + x < head ? sweepStart + x : sweepStart + x - span;
        if (sweepStart + x >= head && sweepStart + x < head + gap) {
          pen = false;
          continue;
        }
        const v = ecg.at(index);
        if (Number.isNaN(v)) {
          pen = false;
          continue;
        }
        const px = (x / span) * w;
        const py = h / 2 - (v / halfRangeMv) * (h / 2);
        if (pen) ctx.lineTo(px, py);
        else ctx.moveTo(px, py);
        pen = true;
      }
      ctx.stroke();
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [ecg, seconds, halfRangeMv]);

  return <canvas ref={ref} className="vitals-ecg" data-testid="vitals-ecg" role="img" aria-label={t('vitals.ecgLabel')} />;
}

function drawGrid(ctx: CanvasRenderingContext2D, w: number, h: number, seconds: number): void {
  ctx.strokeStyle = 'rgba(57, 255, 143, 0.12)';
  ctx.lineWidth = 1;
  ctx.beginPath();
  const perSecond = w / seconds;
  for (let s = 0; s <= seconds * 5; s += 1) {
    const x = Math.round((s * perSecond) / 5) + 0.5;
    ctx.moveTo(x, 0);
    ctx.lineTo(x, h);
  }
  for (let y = 0; y <= 4; y += 1) {
    const py = Math.round((y * h) / 4) + 0.5;
    ctx.moveTo(0, py);
    ctx.lineTo(w, py);
  }
  ctx.stroke();
}
