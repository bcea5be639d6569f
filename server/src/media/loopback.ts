import type { types as ms } from 'mediasoup';
import { AppError } from '../lib/errors';
import { ROUTER_CODECS, TRANSPORT_DEFAULTS } from './media-config';
import type { PooledWorker } from './worker-pool';

/** How long a device check may hold its router before it is closed for it. */
export const LOOPBACK_TTL_MS = 60_000;
const MAX_PRODUCERS = 2;

/**
 * A media loopback for one browser's device check: a private router on a pooled worker with one
 * send and one receive transport; whatever the browser sends comes back to it. `close()` closes the
 * router and with it everything below (idempotent); it also closes itself after `LOOPBACK_TTL_MS`.
 */
export class MediaLoopback {
  private closed = false;
  private readonly producers = new Set<string>();
  private readonly timer: ReturnType<typeof setTimeout>;

  private constructor(
    readonly router: ms.Router,
    readonly send: ms.WebRtcTransport,
    readonly recv: ms.WebRtcTransport,
    private readonly worker: PooledWorker,
  ) {
    this.timer = setTimeout(() => this.close(), LOOPBACK_TTL_MS);
    this.timer.unref();
    worker.load += 1;
    router.observer.once('close', () => this.close());
  }

  static async open(worker: PooledWorker): Promise<MediaLoopback> {
    const router = await worker.worker.createRouter({ mediaCodecs: ROUTER_CODECS });
    try {
      const options: ms.WebRtcTransportOptions = {
        webRtcServer: worker.webRtcServer,
        enableUdp: true,
        enableTcp: true,
        preferUdp: true,
        initialAvailableOutgoingBitrate: TRANSPORT_DEFAULTS.initialAvailableOutgoingBitrate,
      };
      const [send, recv] = await Promise.all([router.createWebRtcTransport(options), router.createWebRtcTransport(options)]);
      return new MediaLoopback(router, send, recv, worker);
    } catch (err) {
      router.close();
      throw err;
    }
  }

  transport(id: string): ms.WebRtcTransport {
    if (this.send.id === id) return this.send;
    if (this.recv.id === id) return this.recv;
    throw new AppError('not_found', 'Transport not found');
  }

  async produce(kind: ms.MediaKind, rtpParameters: ms.RtpParameters): Promise<ms.Producer> {
    if (this.producers.size >= MAX_PRODUCERS) throw new AppError('invalid_state', 'A device check sends one microphone and one camera');
    const producer = await this.send.produce({ kind, rtpParameters });
    this.producers.add(producer.id);
    return producer;
  }

  async consume(producerId: string, rtpCapabilities: ms.RtpCapabilities): Promise<ms.Consumer> {
    if (!this.producers.has(producerId) || !this.router.canConsume({ producerId, rtpCapabilities })) {
      throw new AppError('bad_request', 'Cannot receive that stream');
    }
    return this.recv.consume({ producerId, rtpCapabilities });
  }

  get isClosed(): boolean {
    return this.closed;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.timer);
    this.worker.load -= 1;
    this.router.close();
  }
}
