import { io, type Socket } from 'socket.io-client';
import { AckSchema, NOTIFICATION_EVENT, NotificationEnvelopeSchema, REQUEST_EVENT } from '@cloudclinic/shared';

export interface Notification {
  method: string;
  data: unknown;
  /** performance.now() when it arrived. */
  at: number;
}

/** A signaling client as the web client speaks it: `request` with an ack, `notification` pushes. */
export class SignalingSocket {
  private listeners: ((n: Notification) => void)[] = [];

  private constructor(readonly socket: Socket) {
    socket.on(NOTIFICATION_EVENT, (raw: unknown) => {
      const at = performance.now();
      const parsed = NotificationEnvelopeSchema.safeParse(raw);
      if (!parsed.success) return;
      const n = { ...parsed.data, at };
      for (const l of this.listeners) l(n);
    });
  }

  /** `query`: e.g. `{ consultation }`, which a balancer in front of several nodes routes room sockets by. */
  static connect(url: string, token: string, timeoutMs = 15_000, query?: Record<string, string>): Promise<SignalingSocket> {
    const socket = io(url, { path: '/socket.io', transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true, timeout: timeoutMs, ...(query ? { query } : {}) });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new SignalingSocket(socket)));
      socket.once('connect_error', (err) => {
        socket.close();
        reject(err);
      });
    });
  }

  async request(method: string, data?: unknown, timeoutMs = 15_000): Promise<Record<string, unknown>> {
    const raw: unknown = await this.socket.timeout(timeoutMs).emitWithAck(REQUEST_EVENT, { method, data });
    const ack = AckSchema.parse(raw);
    if (!ack.ok) throw new Error(`${method}: ${ack.error.code} ${ack.error.message}`);
    return typeof ack.data === 'object' && ack.data !== null ? { ...ack.data } : {};
  }

  onNotification(fn: (n: Notification) => void): () => void {
    this.listeners.push(fn);
    return () => {
      this.listeners = this.listeners.filter((l) => l !== fn);
    };
  }

  waitFor(method: string, timeoutMs = 10_000, pred: (data: unknown) => boolean = () => true): Promise<Notification> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`timeout waiting for ${method}`));
      }, timeoutMs);
      const off = this.onNotification((n) => {
        if (n.method !== method || !pred(n.data)) return;
        clearTimeout(timer);
        off();
        resolve(n);
      });
    });
  }

  close(): void {
    this.socket.close();
  }
}

/** JSON over HTTP with a bearer token; returns status, body and the elapsed time. */
export async function api(
  url: string,
  token: string | null,
  method: string,
  pathname: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: unknown; ms: number }> {
  const t0 = performance.now();
  const res = await fetch(`${url}/api${pathname}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  const ms = performance.now() - t0;
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: res.status, body: parsed, ms };
}
