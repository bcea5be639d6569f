import { MAX_MARKS, type Mark, type NormPoint } from '@cloudclinic/shared';

export interface MarksState {
  /** Increases with every change (what receivers order by). */
  rev: number;
  marks: readonly Mark[];
}

export type MarksAction = { type: 'add'; mark: Mark } | { type: 'undo' } | { type: 'clear' };

export const EMPTY_MARKS: MarksState = { rev: 0, marks: [] };

/** The expert's marks: add, undo the last one, clear all. At most MAX_MARKS (the oldest go first). */
export function reduceMarks(s: MarksState, a: MarksAction): MarksState {
  switch (a.type) {
    case 'add': {
      const marks = [...s.marks, a.mark];
      return { rev: s.rev + 1, marks: marks.length > MAX_MARKS ? marks.slice(marks.length - MAX_MARKS) : marks };
    }
    case 'undo':
      return s.marks.length === 0 ? s : { rev: s.rev + 1, marks: s.marks.slice(0, -1) };
    case 'clear':
      return s.marks.length === 0 ? s : { rev: s.rev + 1, marks: [] };
  }
}

/** Freehand strokes: drop points closer than `minDistance` (normalised) to the last kept one; at most 512. */
export function simplifyStroke(points: readonly NormPoint[], minDistance = 0.004): NormPoint[] {
  const out: NormPoint[] = [];
  for (const p of points) {
    const last = out[out.length - 1];
    if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= minDistance) out.push(p);
  }
  const end = points[points.length - 1];
  if (end && out[out.length - 1] !== end && out.length < 512) out.push(end);
  if (out.length <= 512) return out;
  const step = out.length / 512;
  return Array.from({ length: 512 }, (_, i) => out[Math.min(out.length - 1, Math.floor(i * step))] as NormPoint);
}

let counter = 0;
export function newMarkId(): string {
  counter += 1;
  return `${Date.now().toString(36)}-${counter.toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
