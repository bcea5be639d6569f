import { io, type Socket } from 'socket.io-client';
import { serveRpc, type Handlers } from '../../lib/rpc';
import { sleep } from '../../lib/stats';
import type { LoadClientApi } from './signaling-api';

/**
 * Signaling load (own process): many socket.io clients, as browsers would hold them, sending
 * `request` envelopes with acks. Latency is measured here, from emit to ack.
 */
const sockets: Socket[] = [];
let disconnects = 0;
const takeDisconnects = () => {
  const d = disconnects;
  disconnects = 0;
  return d;
};

interface Ack {
  ok?: boolean;
  error?: { code?: string };
}
const isAck = (a: unknown): a is Ack => typeof a === 'object' && a !== null;

function send(s: Socket, method: string): Promise<{ ms: number; ok: boolean; rateLimited: boolean }> {
  const t0 = performance.now();
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ms: Number.NaN, ok: false, rateLimited: false }), 10_000);
    s.emit('request', { method, data: {} }, (ack: unknown) => {
      clearTimeout(timer);
      const ok = isAck(ack) && ack.ok === true;
      resolve({ ms: performance.now() - t0, ok, rateLimited: isAck(ack) && ack.error?.code === 'rate_limited' });
    });
  });
}

const handlers: Handlers<LoadClientApi> = {
  async connect({ url, token, count }) {
    let connected = 0;
    let failed = 0;
    const one = () =>
      new Promise<void>((resolve) => {
        const s = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true, timeout: 20_000 });
        s.once('connect', () => {
          s.on('disconnect', (reason) => {
            if (reason !== 'io client disconnect') disconnects++;
          });
          sockets.push(s);
          connected++;
          resolve();
        });
        s.once('connect_error', () => {
          s.close();
          failed++;
          resolve();
        });
      });
    for (let done = 0; done < count; done += 50) await Promise.all(Array.from({ length: Math.min(50, count - done) }, one));
    return { connected, failed };
  },
  async latency({ ratePerSec, durationMs, method }) {
    const samplesMs: number[] = [];
    let errors = 0;
    let rateLimited = 0;
    const pending: Promise<void>[] = [];
    const t0 = performance.now();
    let sent = 0;
    let next = 0;
    while (performance.now() - t0 < durationMs) {
      const due = Math.floor(((performance.now() - t0) / 1000) * ratePerSec);
      for (; sent < due; sent++) {
        const s = sockets[next++ % sockets.length];
        if (!s) break;
        pending.push(
          send(s, method).then((r) => {
            if (r.ok) samplesMs.push(r.ms);
            else if (r.rateLimited) rateLimited++;
            else errors++;
          }),
        );
      }
      await sleep(2);
    }
    await Promise.all(pending);
    return { samplesMs, errors, rateLimited, disconnects: takeDisconnects() };
  },
  async throughput({ durationMs, warmupMs, method }) {
    let ok = 0;
    let errors = 0;
    let rateLimited = 0;
    let counting = false;
    let running = true;
    const loop = async (s: Socket) => {
      while (running) {
        const r = await send(s, method);
        if (r.rateLimited) await sleep(50); // the server's per-socket budget: back off as a client would
        if (!counting) continue;
        if (r.ok) ok++;
        else if (r.rateLimited) rateLimited++;
        else errors++;
      }
    };
    const loops = sockets.map((s) => loop(s));
    await sleep(warmupMs);
    counting = true;
    const t0 = performance.now();
    await sleep(durationMs);
    counting = false;
    const seconds = (performance.now() - t0) / 1000;
    running = false;
    await Promise.all(loops);
    return { ok, errors, rateLimited, seconds, disconnects: takeDisconnects() };
  },
  closeAll() {
    for (const s of sockets) s.close();
    sockets.length = 0;
  },
};

serveRpc<LoadClientApi>(handlers, () => handlers.closeAll(null));
