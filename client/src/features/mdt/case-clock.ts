import type { MdtCaseView } from '@cloudclinic/shared';

export interface CaseClock {
  /** Milliseconds left in the case's time box; negative once over time. */
  remainingMs: number;
  overtime: boolean;
  /** `mm:ss` of the time left, or of the time over (the sign is `overtime`). */
  label: string;
}

/**
 * The time box of a case as a countdown. `skewMs` is the server's clock minus the browser's (from
 * the sitting's `serverTime`), so every participant sees the same figure whatever their clock says.
 * Null for a case that has not started.
 */
export function caseClock(c: Pick<MdtCaseView, 'startedAt' | 'minutes' | 'doneAt'>, nowMs: number, skewMs: number): CaseClock | null {
  if (!c.startedAt) return null;
  const end = Date.parse(c.startedAt) + c.minutes * 60_000;
  const at = c.doneAt ? Date.parse(c.doneAt) : nowMs + skewMs;
  const remainingMs = end - at;
  const overtime = remainingMs < 0;
  const total = Math.floor(Math.abs(remainingMs) / 1000);
  const label = `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
  return { remainingMs, overtime, label };
}

/** The case being discussed now, if any. */
export function currentCase<C extends Pick<MdtCaseView, 'status'>>(cases: readonly C[]): C | null {
  return cases.find((c) => c.status === 'current') ?? null;
}

/** The queued cases' ids after moving one up (-1) or down (+1) among them; null when it cannot move. */
export function movedOrder(cases: readonly Pick<MdtCaseView, 'id' | 'status'>[], id: string, delta: -1 | 1): string[] | null {
  const queued = cases.filter((c) => c.status === 'queued').map((c) => c.id);
  const i = queued.indexOf(id);
  const j = i + delta;
  if (i < 0 || j < 0 || j >= queued.length) return null;
  const out = [...queued];
  [out[i], out[j]] = [out[j] ?? id, out[i] ?? id];
  return out;
}
