import type { MachineInfo } from './machine';

/** What every scenario writes (bench/results/<id>.json) and what BENCHMARKS.md is rendered from. */

export type Mode = 'smoke' | 'full';

export interface Goal {
  /** What is asked, e.g. "consumers per worker (video) ≥ 400". */
  goal: string;
  measured: string;
  /** null: not measurable in this run (feature not available, or smoke mode). */
  met: boolean | null;
}

export interface Table {
  title: string;
  columns: string[];
  rows: (string | number | null)[][];
}

export interface ScenarioResult {
  id: string;
  title: string;
  status: 'ok' | 'partial' | 'skipped' | 'error';
  mode: Mode;
  startedAt: string;
  durationSec: number;
  loadAverage: { start: number[]; end: number[] };
  /** How the figures were obtained (markdown paragraphs). */
  method: string[];
  /** The key figures in one line each (markdown). */
  headline: string[];
  goals: Goal[];
  tables: Table[];
  /** Limits found, caveats, what was not available (markdown). */
  notes: string[];
  /** Raw numbers for machines and later comparison. */
  data: Record<string, unknown>;
  error?: string;
  /** CPU used by other processes on the machine while this figure ran (added by main.ts). */
  otherLoad?: { meanCores: number; maxCores: number; samples: number };
}

export interface RunInfo {
  mode: Mode;
  startedAt: string;
  finishedAt: string;
  durationSec: number;
  only: string[] | null;
  machine: MachineInfo;
  loadAverageAtEnd: number[];
  /** CPU used by other processes during the whole run. */
  otherLoad?: { meanCores: number; maxCores: number; samples: number };
  scenarios: { id: string; status: ScenarioResult['status']; durationSec: number }[];
}

export const fmt = {
  ms: (v: number) => (Number.isFinite(v) ? `${v < 10 ? v.toFixed(1) : Math.round(v)} ms` : 'n/a'),
  pct: (v: number, digits = 1) => (Number.isFinite(v) ? `${v.toFixed(digits)} %` : 'n/a'),
  ratio: (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a'),
  kb: (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`,
  mb: (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`,
  n: (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : 'n/a'),
};
