import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { ROOT_DIR } from '../../lib/scenario';
import type { SignalingSocket } from '../../lib/signaling';
import { sleep } from '../../lib/stats';

/** The hostile client of server/test/hardening-realtime.test.ts, reused as is. */
const FLOOD_WORKER = path.join(ROOT_DIR, 'server', 'test', 'hardening-flood-worker.mjs');

/** A well-behaved client: `n` request/ack round trips (`room.leave`), about 20 a second. */
export async function politeLatencies(client: SignalingSocket, n: number): Promise<{ ms: number[]; failures: number }> {
  const ms: number[] = [];
  let failures = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    try {
      await client.request('room.leave', {}, 10_000);
      ms.push(performance.now() - t0);
    } catch {
      failures++;
    }
    await sleep(45);
  }
  return { ms, failures };
}

export interface FloodStats {
  opened?: { connected: number; refused: number; refusedCodes: string[] };
  sent?: number;
  disconnectedByServer?: number;
  reconnectAttempts?: number;
  reconnectRefused?: boolean;
  rateLimitedAcks?: number;
}

/** Runs `during()` while one user floods from 20 sockets (unknown events, no-ack requests, acked requests). */
export async function underFlood<T>(url: string, token: string, during: () => Promise<T>): Promise<{ result: T; flood: FloodStats }> {
  const worker = new Worker(FLOOD_WORKER, { workerData: { url, token, sockets: 20 } });
  const messages: Record<string, unknown>[] = [];
  const next = (key: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const found = messages.find((m) => m[key]);
      if (found) return resolve(found);
      worker.on('message', (m: Record<string, unknown>) => m[key] && resolve(m));
      worker.once('error', reject);
    });
  worker.on('message', (m: Record<string, unknown>) => messages.push(m));
  try {
    await next('flooding');
    const result = await during();
    worker.postMessage('stop');
    const flood = (await next('done')) as FloodStats;
    return { result, flood };
  } finally {
    await worker.terminate();
  }
}
