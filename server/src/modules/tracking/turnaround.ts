import type { Turnaround } from '@cloudclinic/shared';

/** A row of an aggregate query: how many durations, and their median and 90th percentile in seconds. */
export interface DurationRow {
  n: number;
  median: number | null;
  p90: number | null;
}

const minutes = (seconds: number | null): number | null => (seconds === null ? null : Math.round(seconds / 6) / 10);

/** The figures in minutes (one decimal), null when nothing was measured. */
export function turnaround(row: DurationRow | undefined): Turnaround {
  if (!row || row.n === 0) return { count: 0, medianMinutes: null, p90Minutes: null };
  return { count: row.n, medianMinutes: minutes(row.median), p90Minutes: minutes(row.p90) };
}

/** part / whole, null when the whole is zero. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}
