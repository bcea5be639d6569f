import { EventEmitter } from 'node:events';
import os from 'node:os';
import * as mediasoup from 'mediasoup';
import type { types as ms } from 'mediasoup';
import type { Logger } from '../lib/logger';
import { listenInfosFor, MediaConfigError, type ListenAddress } from './listen-plan';

export interface WorkerPoolOptions {
  count?: number | undefined;
  logLevel: ms.WorkerLogLevel;
  /** Where the WebRtcServers listen and what they announce (see listen-plan.ts). */
  addresses: readonly ListenAddress[];
  /** Worker i's WebRtcServer listens on basePort + i (UDP and TCP); 0 = any free port. */
  basePort: number;
  rtcMinPort: number;
  rtcMaxPort: number;
}

/** One mediasoup worker process with its WebRtcServer (one UDP and one TCP port). */
export interface PooledWorker {
  index: number;
  worker: ms.Worker;
  webRtcServer: ms.WebRtcServer;
  /** Routers currently placed here; the least-loaded worker gets the next room. */
  load: number;
}

interface PoolEvents {
  /** A worker died; it has already been replaced by a fresh one at the same index. */
  workerReplaced: [index: number, replacement: PooledWorker];
}

/**
 * The SFU's worker processes: one per core unless configured, each with a WebRtcServer so hospital
 * firewalls need one UDP and one TCP opening per worker. A dead worker is replaced at once.
 */
export class WorkerPool extends EventEmitter<PoolEvents> {
  private readonly slots: (PooledWorker | undefined)[] = [];
  private closed = false;

  constructor(
    private readonly opts: WorkerPoolOptions,
    private readonly log: Logger,
  ) {
    super();
  }

  get size(): number {
    return this.slots.length;
  }

  /** How many workers the pool keeps: configured, or one per core. */
  get count(): number {
    return this.opts.count && this.opts.count > 0 ? this.opts.count : Math.max(1, os.availableParallelism());
  }

  get addresses(): readonly ListenAddress[] {
    return this.opts.addresses;
  }

  get liveCount(): number {
    return this.slots.filter((s) => s && !s.worker.closed).length;
  }

  workers(): PooledWorker[] {
    return this.slots.filter((s): s is PooledWorker => s !== undefined);
  }

  async start(): Promise<void> {
    for (let i = 0; i < this.count; i++) this.slots.push(await this.spawn(i));
    this.log.info({ workers: this.count }, 'mediasoup workers started');
  }

  /** The live worker with the fewest routers. */
  pick(): PooledWorker {
    let best: PooledWorker | undefined;
    for (const s of this.slots) {
      if (!s || s.worker.closed) continue;
      if (!best || s.load < best.load) best = s;
    }
    if (!best) throw new Error('no live mediasoup worker');
    return best;
  }

  /** Close every worker and wait (bounded) until their processes have exited, so none outlives us. */
  async close(timeoutMs = 3000): Promise<void> {
    this.closed = true;
    const exits = this.workers().map(
      (s) =>
        new Promise<void>((resolve) => {
          if (s.worker.died) return resolve();
          s.worker.once('subprocessclose', () => resolve());
          setTimeout(resolve, timeoutMs).unref();
        }),
    );
    for (const s of this.slots) s?.worker.close();
    this.slots.length = 0;
    await Promise.all(exits);
  }

  private async spawn(index: number): Promise<PooledWorker> {
    const worker = await mediasoup.createWorker({
      logLevel: this.opts.logLevel,
      rtcMinPort: this.opts.rtcMinPort,
      rtcMaxPort: this.opts.rtcMaxPort,
    });
    const listenInfos = listenInfosFor(this.opts.addresses, index, this.count, this.opts.basePort);
    let webRtcServer: ms.WebRtcServer;
    try {
      webRtcServer = await worker.createWebRtcServer({ listenInfos });
    } catch (err) {
      worker.close();
      const where = listenInfos.map((l) => `${l.protocol} ${l.ip}:${l.port ?? 'any'}`).join(', ');
      throw new MediaConfigError(`the SFU cannot listen on ${where}: ${err instanceof Error ? err.message : String(err)} (is another CloudClinic running? set RTC_PORT or RTC_LISTEN_IP)`);
    }
    const slot: PooledWorker = { index, worker, webRtcServer, load: 0 };
    worker.on('died', (err) => {
      this.log.error({ err, pid: worker.pid, index }, 'mediasoup worker died');
      void this.replace(index, slot);
    });
    return slot;
  }

  private async replace(index: number, dead: PooledWorker): Promise<void> {
    if (this.closed || this.slots[index] !== dead) return;
    this.slots[index] = undefined;
    for (let attempt = 1; !this.closed; attempt++) {
      try {
        const fresh = await this.spawn(index);
        if (this.closed) {
          fresh.worker.close();
          return;
        }
        this.slots[index] = fresh;
        this.log.info({ index, pid: fresh.worker.pid, attempt }, 'mediasoup worker replaced');
        this.emit('workerReplaced', index, fresh);
        return;
      } catch (err) {
        this.log.error({ err, index, attempt }, 'could not replace mediasoup worker');
        await new Promise((r) => setTimeout(r, Math.min(5000, 200 * attempt)));
      }
    }
  }
}
