import {
  AckSchema,
  imagingNotifications,
  imagingRequests,
  NOTIFICATION_EVENT,
  NotificationEnvelopeSchema,
  REQUEST_EVENT,
  type ImagingMethod,
  type ImagingNotification,
  type ImagingRequest,
  type ImagingResponse,
} from '@cloudclinic/shared';
import { keepSessionFresh } from '../../media/session-renewal';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { z } from 'zod';
import { Emitter } from '../../media/emitter';
import { SignalingError } from '../../media/signaling-error';

export interface ImagingChannelEvents {
  /** (Re)connected: the owner joins the viewing again. */
  connected: undefined;
  disconnected: undefined;
  /** The session ended for good (refresh token rejected). */
  authFailed: undefined;
  session: ImagingNotification<'imaging.session'>;
  state: ImagingNotification<'imaging.state'>;
  pointer: ImagingNotification<'imaging.pointer'>;
}

export interface ImagingTokens {
  getAccessToken(): string | null;
  refresh(): Promise<boolean>;
}

export type ImagingSocketFactory = (opts: Partial<ManagerOptions & SocketOptions>) => Socket;

/**
 * The shared-viewing connection: its own socket.io connection (so the viewer works with or
 * without a video room, and closes with the viewer), typed requests checked with the shared
 * catalogue, validated notifications of this consultation only.
 */
export class ImagingChannel {
  private readonly stopRenewal: () => void;
  readonly events = new Emitter<ImagingChannelEvents>();
  private readonly socket: Socket;
  private closed = false;
  private refreshed = false;

  constructor(
    private readonly consultationId: string,
    private readonly tokens: ImagingTokens,
    factory: ImagingSocketFactory = (o) => io(o),
  ) {
    this.socket = factory({
      path: '/socket.io',
      forceNew: true,
      autoConnect: false,
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
      // Several nodes: the balancer sends a consultation's sockets to one node, where its room and viewing live.
      query: { consultation: consultationId },
      auth: (cb: (data: object) => void) => cb({ token: tokens.getAccessToken() ?? '' }),
    });
    this.stopRenewal = keepSessionFresh(this.socket, tokens);
    this.socket.on('connect', () => {
      this.refreshed = false;
      this.events.emit('connected', undefined);
    });
    this.socket.on('disconnect', (reason) => {
      if (this.closed) return;
      this.events.emit('disconnected', undefined);
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 1000);
    });
    this.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => void this.onConnectError(err));
    this.socket.on(NOTIFICATION_EVENT, (raw: unknown) => this.onNotification(raw));
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  connect(): void {
    if (!this.closed) this.socket.connect();
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopRenewal();
    this.socket.removeAllListeners();
    this.socket.disconnect();
    this.events.removeAll();
  }

  request<M extends ImagingMethod>(method: M, data: ImagingRequest<M>, timeoutMs = 8000): Promise<ImagingResponse<M>> {
    if (!this.socket.connected) return Promise.reject(new SignalingError('disconnected', `${method}: not connected`));
    const schema: z.ZodType = imagingRequests[method].res;
    return new Promise((resolve, reject) => {
      this.socket.timeout(timeoutMs).emit(REQUEST_EVENT, { method, data }, (err: Error | null, raw: unknown) => {
        if (err) return reject(new SignalingError('timeout', `${method}: no answer`));
        const ack = AckSchema.safeParse(raw);
        if (!ack.success) return reject(new SignalingError('bad_response', `${method}: malformed ack`));
        if (!ack.data.ok) return reject(new SignalingError(ack.data.error.code, ack.data.error.message, ack.data.error.details));
        const parsed = schema.safeParse(ack.data.data);
        if (!parsed.success) return reject(new SignalingError('bad_response', `${method}: unexpected response`));
        // Parsed by the catalogue schema of `method`; TypeScript cannot correlate the indexed union with M.
        resolve(parsed.data as ImagingResponse<M>);
      });
    });
  }

  private async onConnectError(err: Error & { data?: { code?: string } }): Promise<void> {
    const code = err.data?.code;
    if (this.closed || (code !== 'token_expired' && code !== 'unauthorized')) return; // transport trouble: socket.io retries
    if (!this.refreshed) {
      this.refreshed = true;
      try {
        if (await this.tokens.refresh()) return this.connect();
      } catch {
        this.refreshed = false;
        setTimeout(() => this.connect(), 2000);
        return;
      }
    }
    this.events.emit('authFailed', undefined);
  }

  private onNotification(raw: unknown): void {
    const env = NotificationEnvelopeSchema.safeParse(raw);
    if (!env.success) return;
    const { method, data } = env.data;
    if (method === 'imaging.session') this.emitParsed('session', imagingNotifications['imaging.session'].safeParse(data));
    else if (method === 'imaging.state') this.emitParsed('state', imagingNotifications['imaging.state'].safeParse(data));
    else if (method === 'imaging.pointer') this.emitParsed('pointer', imagingNotifications['imaging.pointer'].safeParse(data));
  }

  private emitParsed<K extends 'session' | 'state' | 'pointer'>(type: K, parsed: { success: true; data: ImagingChannelEvents[K] } | { success: false }): void {
    if (parsed.success && parsed.data.consultationId === this.consultationId) this.events.emit(type, parsed.data);
  }
}
