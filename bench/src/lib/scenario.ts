import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAverage } from './proc';
import type { Mode, ScenarioResult } from './result';

export const BENCH_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ROOT_DIR = path.resolve(BENCH_DIR, '..');

export interface ScenarioContext {
  mode: Mode;
  smoke: boolean;
  /** One progress line (prefixed with the scenario id). */
  log(msg: string): void;
  /** Things to undo when the scenario ends or is interrupted (LIFO). */
  defer(fn: () => Promise<void> | void): void;
}

export type ScenarioBody = Omit<ScenarioResult, 'id' | 'title' | 'mode' | 'startedAt' | 'durationSec' | 'loadAverage'>;

/**
 * Entry point of a scenario process (run by bench/src/main.ts): runs `body`, always cleans up, and
 * writes the result JSON to $BENCH_RESULT_FILE. A thrown error becomes status "error".
 */
export async function runScenario(id: string, title: string, body: (ctx: ScenarioContext) => Promise<ScenarioBody>): Promise<void> {
  const mode: Mode = process.env['BENCH_MODE'] === 'full' ? 'full' : 'smoke';
  const out = process.env['BENCH_RESULT_FILE'];
  const started = Date.now();
  const startLoad = loadAverage();
  const cleanups: (() => Promise<void> | void)[] = [];
  const cleanup = async () => {
    while (cleanups.length) {
      const fn = cleanups.pop();
      try {
        await fn?.();
      } catch (err) {
        console.error(`[bench ${id}] cleanup failed:`, err);
      }
    }
  };
  process.once('SIGTERM', () => {
    void cleanup().finally(() => process.exit(143));
  });
  const ctx: ScenarioContext = {
    mode,
    smoke: mode === 'smoke',
    log: (msg) => console.log(`[bench ${id} +${((Date.now() - started) / 1000).toFixed(1)}s] ${msg}`),
    defer: (fn) => cleanups.push(fn),
  };
  const base = { id, title, mode, startedAt: new Date(started).toISOString() };
  let result: ScenarioResult;
  try {
    const r = await body(ctx);
    result = { ...base, ...r, durationSec: (Date.now() - started) / 1000, loadAverage: { start: startLoad, end: loadAverage() } };
  } catch (err) {
    console.error(`[bench ${id}] failed:`, err);
    result = {
      ...base,
      status: 'error',
      durationSec: (Date.now() - started) / 1000,
      loadAverage: { start: startLoad, end: loadAverage() },
      method: [],
      headline: [],
      goals: [],
      tables: [],
      notes: [],
      data: {},
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    };
  }
  await cleanup();
  if (out) {
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  }
  process.exit(result.status === 'error' ? 1 : 0);
}
