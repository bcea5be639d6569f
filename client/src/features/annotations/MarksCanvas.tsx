import type { Mark, MarkKind, NormPoint } from '@cloudclinic/shared';
import { useEffect, useRef, useState, type PointerEvent, type RefObject } from 'react';
import { drawMarks } from './marks-render';
import { newMarkId, simplifyStroke } from './marks-model';
import { contentRect, toNormalized, type Rect } from './video-geometry';

export interface DrawingTool {
  kind: MarkKind;
  color: Mark['color'];
  /** For `text`: asks for the words at the chosen point (null: cancelled). */
  askText?: (at: NormPoint) => void;
}

interface MarksCanvasProps {
  marks: readonly Mark[];
  video: RefObject<HTMLVideoElement | null>;
  fit?: 'contain' | 'cover';
  /** Set to draw with the pointer (the expert); absent: a display-only overlay (the field view). */
  tool?: DrawingTool | null;
  onMark?: (mark: Mark) => void;
  testId?: string;
  label?: string;
  /** Extra data-* attributes (e.g. the revision shown), for tests. */
  dataRev?: number;
}

function rectOf(canvas: HTMLCanvasElement, video: HTMLVideoElement | null, fit: 'contain' | 'cover'): Rect {
  return contentRect({ width: canvas.clientWidth, height: canvas.clientHeight }, { width: video?.videoWidth ?? 0, height: video?.videoHeight ?? 0 }, fit);
}

/**
 * Marks drawn over a `<video>` in normalised frame coordinates: the same canvas shows them on the
 * field doctor's own view (what the AR display would show) and lets the expert draw on the field
 * video. Redrawn when the marks, the element's size or the video's resolution change.
 */
export function MarksCanvas({ marks, video, fit = 'contain', tool, onMark, testId, label, dataRev }: MarksCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  const [draft, setDraft] = useState<Mark | null>(null);
  const [size, setSize] = useState(0);

  useEffect(() => {
    const canvas = ref.current;
    const v = video.current;
    if (!canvas) return;
    const bump = () => setSize((n) => n + 1);
    const observer = new ResizeObserver(bump);
    observer.observe(canvas);
    v?.addEventListener('resize', bump);
    v?.addEventListener('loadedmetadata', bump);
    return () => {
      observer.disconnect();
      v?.removeEventListener('resize', bump);
      v?.removeEventListener('loadedmetadata', bump);
    };
  }, [video]);

  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.max(1, Math.round(canvas.clientWidth * dpr));
    canvas.height = Math.max(1, Math.round(canvas.clientHeight * dpr));
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    const r = rectOf(canvas, video.current, fit);
    const scaled = { x: r.x * dpr, y: r.y * dpr, width: r.width * dpr, height: r.height * dpr };
    drawMarks(ctx, draft ? [...marks, draft] : marks, scaled);
  }, [marks, draft, size, video, fit]);

  const point = (e: PointerEvent<HTMLCanvasElement>): NormPoint => {
    const canvas = e.currentTarget;
    const box = canvas.getBoundingClientRect();
    return toNormalized(rectOf(canvas, video.current, fit), e.clientX - box.left, e.clientY - box.top);
  };

  const drawing = tool && onMark;
  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing || e.button !== 0) return;
    const p = point(e);
    if (tool.kind === 'text') {
      tool.askText?.(p);
      return;
    }
    e.currentTarget.setPointerCapture(e.pointerId);
    const base = { id: newMarkId(), color: tool.color };
    if (tool.kind === 'arrow') setDraft({ ...base, kind: 'arrow', from: p, to: p });
    else if (tool.kind === 'circle') setDraft({ ...base, kind: 'circle', center: p, rim: p });
    else setDraft({ ...base, kind: 'freehand', points: [p, p] });
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    if (!draft) return;
    const p = point(e);
    if (draft.kind === 'arrow') setDraft({ ...draft, to: p });
    else if (draft.kind === 'circle') setDraft({ ...draft, rim: p });
    else if (draft.kind === 'freehand' && draft.points.length < 4096) setDraft({ ...draft, points: [...draft.points, p] });
  };
  const onPointerUp = () => {
    if (!draft || !onMark) return;
    setDraft(null);
    if (draft.kind === 'freehand') {
      const points = simplifyStroke(draft.points);
      if (points.length >= 2) onMark({ ...draft, points });
      return;
    }
    const [a, b] = draft.kind === 'arrow' ? [draft.from, draft.to] : draft.kind === 'circle' ? [draft.center, draft.rim] : [null, null];
    if (a && b && Math.hypot(a[0] - b[0], a[1] - b[1]) > 0.01) onMark(draft); // a click is not a mark
  };

  return (
    <canvas
      ref={ref}
      className={`marks-canvas${drawing ? ' marks-canvas--drawing' : ''}`}
      data-testid={testId}
      data-marks={marks.length}
      data-rev={dataRev}
      aria-label={label}
      role={label ? 'img' : undefined}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDraft(null)}
    />
  );
}
