import { io, type Socket } from 'socket.io-client';
import { AckSchema, NOTIFICATION_EVENT, NotificationEnvelopeSchema, REQUEST_EVENT } from '@cloudclinic/shared';

export interface Note {
  method: string;
  data: unknown;
}

/** A bare signaling client (no media) for integration tests: requests with acks, recorded notifications. */
export class SignalingClient {
  readonly notes: Note[] = [];
  private waiters: { pred: (n: Note) => boolean; resolve: (n: Note) => void }[] = [];

  private constructor(readonly socket: Socket) {
    socket.on(NOTIFICATION_EVENT, (raw: unknown) => {
      const n = NotificationEnvelopeSchema.parse(raw);
      this.notes.push(n);
      this.waiters = this.waiters.filter((w) => (w.pred(n) ? (w.resolve(n), false) : true));
    });
  }

  static connect(url: string, token: string | undefined, query?: Record<string, string>): Promise<SignalingClient> {
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth: token ? { token } : {}, reconnection: false, forceNew: true, ...(query ? { query } : {}) });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new SignalingClient(socket)));
      socket.once('connect_error', (err) => {
        socket.close();
        reject(err);
      });
    });
  }

  async request(method: string, data?: unknown): Promise<{ ok: true; data: Record<string, unknown> } | { ok: false; error: { code: string; message: string } }> {
    const raw: unknown = await this.socket.timeout(10_000).emitWithAck(REQUEST_EVENT, { method, data });
    const ack = AckSchema.parse(raw);
    return ack.ok ? { ok: true, data: ack.data as Record<string, unknown> } : { ok: false, error: ack.error };
  }

  async ok(method: string, data?: unknown): Promise<Record<string, unknown>> {
    const r = await this.request(method, data);
    if (!r.ok) throw new Error(`${method} failed: ${r.error.code} ${r.error.message}`);
    return r.data;
  }

  waitFor(method: string, pred: (data: unknown) => boolean = () => true, timeoutMs = 10_000): Promise<Note> {
    const found = this.notes.find((n) => n.method === method && pred(n.data));
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timeout waiting for ${method}`)), timeoutMs);
      this.waiters.push({
        pred: (n) => n.method === method && pred(n.data),
        resolve: (n) => {
          clearTimeout(timer);
          resolve(n);
        },
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}
