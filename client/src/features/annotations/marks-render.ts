import type { Mark } from '@cloudclinic/shared';
import { toPixels, type Rect } from './video-geometry';

/**
 * Draws marks onto a canvas whose pixels match `rect`'s coordinate space (overlay or snapshot).
 * Line width and text size follow the picture's size, so a mark looks alike on every screen.
 */
export function drawMarks(ctx: CanvasRenderingContext2D, marks: readonly Mark[], rect: Rect): void {
  const unit = Math.max(1, Math.min(rect.width, rect.height) / 120);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  for (const m of marks) {
    ctx.strokeStyle = m.color;
    ctx.fillStyle = m.color;
    ctx.lineWidth = unit;
    ctx.shadowColor = 'rgba(0, 0, 0, 0.6)';
    ctx.shadowBlur = unit;
    switch (m.kind) {
      case 'arrow': {
        const [x1, y1] = toPixels(rect, m.from);
        const [x2, y2] = toPixels(rect, m.to);
        const angle = Math.atan2(y2 - y1, x2 - x1);
        const head = unit * 5;
        ctx.beginPath();
        ctx.moveTo(x1, y1);
        ctx.lineTo(x2, y2);
        ctx.stroke();
        ctx.beginPath();
        ctx.moveTo(x2, y2);
        ctx.lineTo(x2 - head * Math.cos(angle - Math.PI / 7), y2 - head * Math.sin(angle - Math.PI / 7));
        ctx.lineTo(x2 - head * Math.cos(angle + Math.PI / 7), y2 - head * Math.sin(angle + Math.PI / 7));
        ctx.closePath();
        ctx.fill();
        break;
      }
      case 'circle': {
        const [cx, cy] = toPixels(rect, m.center);
        const [rx, ry] = toPixels(rect, m.rim);
        ctx.beginPath();
        ctx.arc(cx, cy, Math.max(unit, Math.hypot(rx - cx, ry - cy)), 0, Math.PI * 2);
        ctx.stroke();
        break;
      }
      case 'freehand': {
        ctx.beginPath();
        m.points.forEach((p, i) => {
          const [x, y] = toPixels(rect, p);
          if (i === 0) ctx.moveTo(x, y);
          else ctx.lineTo(x, y);
        });
        ctx.stroke();
        break;
      }
      case 'text': {
        const [x, y] = toPixels(rect, m.at);
        ctx.font = `600 ${Math.round(unit * 7)}px system-ui, "PingFang SC", "Noto Sans CJK SC", sans-serif`;
        ctx.textBaseline = 'middle';
        ctx.lineWidth = unit * 1.2;
        ctx.strokeStyle = 'rgba(0, 0, 0, 0.75)';
        ctx.strokeText(m.text, x, y);
        ctx.fillText(m.text, x, y);
        break;
      }
    }
  }
  ctx.shadowBlur = 0;
}
