/**
 * The patient's wait in words they can trust: never "0 分钟" while the expert is still with someone.
 * Based on how long the current visit has run and the expert's usual visit length; "即将" only when
 * the patient is next and the expert is free.
 */
export interface WaitInput {
  /** Place in line (1 = next); null when not waiting. */
  position: number | null;
  typicalVisitMinutes: number;
  /** ISO start of the visit the expert is in now, or null when free. */
  currentVisitStartedAt: string | null;
  nowMs: number;
}

export type WaitEstimate = { kind: 'none' } | { kind: 'soon' } | { kind: 'minutes'; minutes: number };

export function estimateWait(w: WaitInput): WaitEstimate {
  if (w.position === null || w.position < 1) return { kind: 'none' };
  const typical = Math.max(1, w.typicalVisitMinutes);
  const ahead = w.position - 1;
  const startedMs = w.currentVisitStartedAt ? Date.parse(w.currentVisitStartedAt) : NaN;
  const busy = Number.isFinite(startedMs);
  if (!busy && ahead === 0) return { kind: 'soon' };
  const elapsed = busy ? Math.max(0, (w.nowMs - startedMs) / 60_000) : 0;
  // A visit running over its usual length may end any minute, but it has not ended: at least 1 minute.
  const current = busy ? Math.max(1, typical - elapsed) : 0;
  return { kind: 'minutes', minutes: Math.max(1, Math.ceil(current + ahead * typical)) };
}
