import {
  AckSchema,
  ApiErrorSchema,
  NOTIFICATION_EVENT,
  NotificationEnvelopeSchema,
  REQUEST_EVENT,
  roomNotifications,
  roomRequests,
  type RoomMethod,
  type RoomNotification,
  type RoomNotificationMethod,
  type RoomRequest,
  type RoomResponse,
} from '@cloudclinic/shared';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { z } from 'zod';
import { Emitter } from './emitter';
import { keepSessionFresh } from './session-renewal';
import { SignalingError } from './signaling-error';

/** A server → client notification whose data matched its catalogue schema. */
export type RoomNotificationEvent = { [M in RoomNotificationMethod]: { method: M; data: RoomNotification<M> } }[RoomNotificationMethod];

export type SignalingState = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

export interface SignalingEvents {
  state: SignalingState;
  /** A (re)connected socket. `afterMs`: how long it was down; null on the first connect. */
  connected: { afterMs: number | null };
  disconnected: { reason: string };
  notification: RoomNotificationEvent;
  /** The handshake was refused for good (the session is over): `unauthorized`. */
  authFailed: SignalingError;
}

/** Where the access token comes from at each (re)connect; `refresh` rotates it (false: session over). */
export interface TokenProvider {
  getAccessToken(): string | null;
  refresh(): Promise<boolean>;
}

export type SocketFactory = (opts: Partial<ManagerOptions & SocketOptions>) => Socket;

export interface SignalingOptions {
  tokens: TokenProvider;
  /** Ack timeout per request. */
  timeoutMs?: number;
  /** Injected for tests; defaults to socket.io-client on this origin. */
  socketFactory?: SocketFactory;
  /**
   * The consultation whose room this socket serves: sent in the handshake URL, where a load balancer
   * in front of several nodes routes every socket of one room to the same node (see README, "Several nodes").
   */
  consultationId?: string;
}

const AUTH_CODES = new Set(['token_expired', 'unauthorized']);

/** The catalogue, typed per method so that `RESPONSES[method].res` parses to `RoomResponse<method>`. */
const RESPONSES: { [M in RoomMethod]: { res: z.ZodType<RoomResponse<M>> } } = roomRequests;

/**
 * The consultation-room signaling socket: typed requests (acks validated with the shared catalogue),
 * validated notifications, automatic reconnection with a fresh access token at every handshake.
 */
export class SignalingChannel {
  private readonly stopRenewal: () => void;
  readonly events = new Emitter<SignalingEvents>();
  private readonly socket: Socket;
  private currentState: SignalingState = 'connecting';
  private downSince: number | null = null;
  private everConnected = false;
  private refreshedForHandshake = false;
  private manualRetry: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly opts: SignalingOptions) {
    const factory: SocketFactory = opts.socketFactory ?? ((o) => io(o));
    this.socket = factory({
      path: '/socket.io',
      ...(opts.consultationId ? { query: { consultation: opts.consultationId } } : {}),
      autoConnect: false,
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnection: true,
      reconnectionDelay: 500,
      reconnectionDelayMax: 2000,
      randomizationFactor: 0.3,
      auth: (cb: (data: object) => void) => cb({ token: opts.tokens.getAccessToken() ?? '' }),
    });
    this.socket.on('connect', () => this.onConnect());
    this.socket.on('disconnect', (reason) => this.onDisconnect(reason));
    this.stopRenewal = keepSessionFresh(this.socket, opts.tokens);
    this.socket.on('connect_error', (err) => void this.onConnectError(err));
    this.socket.on(NOTIFICATION_EVENT, (raw: unknown) => this.onNotification(raw));
  }

  get state(): SignalingState {
    return this.currentState;
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  connect(): void {
    if (this.currentState === 'closed') return;
    this.socket.connect();
  }

  /** The node this socket asks the balancer for (after `moveTo`), if any. */
  get node(): string | null {
    const query = this.socket.io.opts.query as Record<string, string> | undefined;
    return query?.['node'] ?? null;
  }

  /**
   * Several nodes: reconnect to `node` (the balancer routes a handshake carrying `node` there), or
   * with null through the balancer to whichever node it chooses. The next connect is a new peer, as
   * after any drop.
   */
  moveTo(node: string | null): void {
    if (this.currentState === 'closed') return;
    const opts = this.socket.io.opts;
    const { node: _previous, ...query } = (opts.query as Record<string, string> | undefined) ?? {};
    opts.query = node ? { ...query, node } : query;
    this.socket.disconnect();
    this.socket.connect();
  }

  /** Try now instead of waiting for the reconnection back-off (e.g. the browser is back online). */
  reconnectNow(): void {
    if (this.currentState === 'closed' || this.socket.connected) return;
    this.socket.disconnect();
    this.socket.connect();
  }

  close(): void {
    if (this.currentState === 'closed') return;
    this.setState('closed');
    this.stopRenewal();
    if (this.manualRetry) clearTimeout(this.manualRetry);
    this.socket.disconnect();
    this.socket.removeAllListeners();
    this.events.removeAll();
  }

  /** Sends one catalogue request; resolves with the validated response, rejects with `SignalingError`. */
  request<M extends RoomMethod>(method: M, data: RoomRequest<M>): Promise<RoomResponse<M>> {
    if (!this.socket.connected) return Promise.reject(new SignalingError('disconnected', `${method}: not connected`));
    const schema = RESPONSES[method].res;
    return new Promise((resolve, reject) => {
      this.socket.timeout(this.opts.timeoutMs ?? 10_000).emit(REQUEST_EVENT, { method, data }, (err: Error | null, raw: unknown) => {
        if (err) return reject(new SignalingError('timeout', `${method}: no answer`));
        const ack = AckSchema.safeParse(raw);
        if (!ack.success) return reject(new SignalingError('bad_response', `${method}: malformed ack`));
        if (!ack.data.ok) return reject(new SignalingError(ack.data.error.code, ack.data.error.message, ack.data.error.details));
        const parsed = schema.safeParse(ack.data.data);
        if (!parsed.success) return reject(new SignalingError('bad_response', `${method}: unexpected response`, parsed.error.issues));
        resolve(parsed.data);
      });
    });
  }

  private setState(state: SignalingState): void {
    if (this.currentState === state || this.currentState === 'closed') return;
    this.currentState = state;
    this.events.emit('state', state);
  }

  private onConnect(): void {
    const afterMs = this.everConnected && this.downSince !== null ? Date.now() - this.downSince : null;
    this.everConnected = true;
    this.downSince = null;
    this.refreshedForHandshake = false;
    this.setState('connected');
    this.events.emit('connected', { afterMs });
  }

  private onDisconnect(reason: Socket.DisconnectReason): void {
    if (this.currentState === 'closed') return;
    this.downSince ??= Date.now();
    this.setState('reconnecting');
    this.events.emit('disconnected', { reason });
    // The server dropped us on purpose (e.g. it is shutting down for a restart): socket.io does not
    // reconnect by itself then, so keep trying until the server is back.
    if (!this.socket.active) this.retryLater(1000);
  }

  private async onConnectError(err: Error & { data?: unknown }): Promise<void> {
    if (this.currentState === 'closed') return;
    if (this.everConnected) this.setState('reconnecting');
    const body = ApiErrorSchema.safeParse(err.data);
    if (!body.success) return; // transport error: socket.io's manager retries with back-off
    if (AUTH_CODES.has(body.data.code) && !this.refreshedForHandshake) {
      this.refreshedForHandshake = true;
      try {
        if (await this.opts.tokens.refresh()) return this.connect();
      } catch {
        // Refresh failed on the network: try the whole handshake again a little later.
        this.refreshedForHandshake = false;
        return this.retryLater(2000);
      }
    }
    if (AUTH_CODES.has(body.data.code)) {
      this.setState('failed');
      this.events.emit('authFailed', new SignalingError(body.data.code, body.data.message));
      return;
    }
    this.retryLater(2000); // the server refused for another reason (e.g. starting up): retry
  }

  private retryLater(ms: number): void {
    if (this.manualRetry) clearTimeout(this.manualRetry);
    this.manualRetry = setTimeout(() => {
      this.manualRetry = null;
      if (!this.socket.connected && !this.socket.active) this.connect();
    }, ms);
  }

  private onNotification(raw: unknown): void {
    const event = parseNotification(raw);
    if (event) this.events.emit('notification', event);
  }
}

function isNotificationMethod(method: string): method is RoomNotificationMethod {
  return Object.hasOwn(roomNotifications, method);
}

/** Validates a notification against the catalogue; unknown methods (other features) and bad data → null. */
export function parseNotification(raw: unknown): RoomNotificationEvent | null {
  const envelope = NotificationEnvelopeSchema.safeParse(raw);
  if (!envelope.success || !isNotificationMethod(envelope.data.method)) return null;
  const method = envelope.data.method;
  const data = roomNotifications[method].safeParse(envelope.data.data);
  if (!data.success) return null;
  // `data` was validated by the schema of `method`; TypeScript cannot correlate the two unions.
  return { method, data: data.data } as RoomNotificationEvent;
}
