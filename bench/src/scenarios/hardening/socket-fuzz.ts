import fc from 'fast-check';
import { io, type Socket } from 'socket.io-client';
import { AckSchema, REQUEST_EVENT, socketRequests } from '@cloudclinic/shared';
import type { z } from 'zod';
import { socketPacket } from '@cloudclinic/server/test/hardening-fuzz-arbitraries';
import { sleep } from '../../lib/stats';

/** socket.io's own event names: a client cannot emit them. */
const RESERVED = new Set(['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener']);
const CATALOGUE: Record<string, { req: z.ZodType }> = socketRequests;

export interface SocketFuzzStats {
  sent: number;
  acked: number;
  /** Acks that were not `{ ok, data } | { ok: false, error }`. */
  badAcks: number;
  /** Acks with error code `internal` (a 5xx on the socket). */
  internal: number;
  rateLimited: number;
  /** No ack within 10 s. */
  noAck: number;
  /** Fuzzing sockets the server closed (each is opened again). */
  disconnectedByServer: number;
  reconnectFailures: number;
}

function open(url: string, token: string): Promise<Socket | null> {
  return new Promise((resolve) => {
    const s = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    s.once('connect', () => resolve(s));
    s.once('connect_error', () => {
      s.close();
      resolve(null);
    });
  });
}

/**
 * `total` fuzzed packets from `tokens.length` × `socketsPerUser` sockets, each paced at
 * `perSocketPerSecond` (under the default per-socket and per-account limits, so the packets reach
 * the handlers rather than the flood guard).
 */
export async function socketFuzz(url: string, tokens: readonly string[], ids: readonly string[], o: { total: number; socketsPerUser: number; perSocketPerSecond: number; seed: number }): Promise<SocketFuzzStats> {
  const stats: SocketFuzzStats = { sent: 0, acked: 0, badAcks: 0, internal: 0, rateLimited: 0, noAck: 0, disconnectedByServer: 0, reconnectFailures: 0 };
  const lanes = tokens.flatMap((token) => Array.from({ length: o.socketsPerUser }, () => token));
  const perLane = Math.ceil(o.total / lanes.length);
  const gapMs = 1000 / o.perSocketPerSecond;
  await Promise.all(
    lanes.map(async (token, lane) => {
      let socket = await open(url, token);
      // The packets of server/test/hardening-fuzz.test.ts: catalogue-shaped requests, broken envelopes, unknown events.
      const sample = fc.sample(socketPacket(CATALOGUE, ids), { numRuns: perLane, seed: o.seed + lane });
      for (const p of sample) {
        if (stats.sent >= o.total) break;
        const t0 = performance.now();
        if (!socket?.connected) {
          if (socket) stats.disconnectedByServer++;
          socket?.close();
          socket = await open(url, token);
          if (!socket) {
            stats.reconnectFailures++;
            await sleep(500);
            continue;
          }
        }
        if (p.kind === 'event' && RESERVED.has(p.event)) continue;
        stats.sent++;
        try {
          const raw: unknown = p.kind === 'event' ? await socket.timeout(10_000).emitWithAck(p.event || 'x', p.data) : await socket.timeout(10_000).emitWithAck(REQUEST_EVENT, p.envelope);
          stats.acked++;
          const ack = AckSchema.safeParse(raw);
          if (!ack.success) stats.badAcks++;
          else if (!ack.data.ok && ack.data.error.code === 'internal') stats.internal++;
          else if (!ack.data.ok && ack.data.error.code === 'rate_limited') stats.rateLimited++;
        } catch {
          stats.noAck++;
        }
        const wait = gapMs - (performance.now() - t0);
        if (wait > 0) await sleep(wait);
      }
      socket?.close();
    }),
  );
  return stats;
}
