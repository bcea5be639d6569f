import {
  AckSchema,
  ApiErrorSchema,
  clinicNotifications,
  clinicRequests,
  kioskNotifications,
  kioskRequests,
  mdtNotifications,
  mdtRequests,
  mediaCheckRequests,
  NOTIFICATION_EVENT,
  NotificationEnvelopeSchema,
  REQUEST_EVENT,
  requestInboxNotifications,
  requestInboxRequests,
  type ClinicRequests,
  type ConsultationRequestView,
  type ErrorCode,
  type KioskAppointmentView,
  type KioskScreen,
  type KioskStaffCall,
  type MediaCheckMethod,
  type MediaCheckResponse,
  type QueueView,
} from '@cloudclinic/shared';
import { io } from 'socket.io-client';
import type { z } from 'zod';

/**
 * Live clinic screens over socket.io: the expert's / county's queue (`queue.watch`) and the kiosk's own
 * appointment (`appointment.watch`). Plain TypeScript, no React: hooks in `hooks/clinic/` read it.
 *
 *  - every ack and notification is validated with the shared catalogue (`signaling/clinic.ts`);
 *  - the access token is read from the session at each (re)connect, refreshed once if the handshake
 *    says it expired;
 *  - the server forgets subscriptions when a socket drops, so every watch is re-sent after a reconnect
 *    (and its fresh snapshot delivered to the watchers).
 */

export type ClinicMethod = keyof ClinicRequests;
export type ClinicRequest<M extends ClinicMethod> = z.input<ClinicRequests[M]['req']>;
export type ClinicResponse<M extends ClinicMethod> = z.output<ClinicRequests[M]['res']>;

export type ClinicChannelState = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'closed';

/** Server codes from the ack, plus `disconnected` (not sent), `timeout` (no ack), `bad_response`. */
export type ClinicChannelErrorCode = ErrorCode | 'disconnected' | 'timeout' | 'bad_response';

export class ClinicChannelError extends Error {
  override readonly name = 'ClinicChannelError';

  constructor(
    readonly code: ClinicChannelErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Where the token comes from; `refresh` rotates it (false: the session is over). */
export interface ClinicTokens {
  getAccessToken(): string | null;
  refresh(): Promise<boolean>;
}

/** What the channel needs of a socket; `socketIoTransport` is the real one, tests pass a fake. */
export interface ClinicTransport {
  readonly connected: boolean;
  /** True while socket.io itself keeps trying to reconnect. */
  readonly active: boolean;
  connect(): void;
  close(): void;
  /** Emits a request envelope; resolves with the raw ack, rejects when no ack arrives in time. */
  request(envelope: { method: string; data: unknown }, timeoutMs: number): Promise<unknown>;
}

export interface TransportHandlers {
  onConnect(): void;
  onDisconnect(reason: string): void;
  /** `data` is the server's `{ code, message }` for a refused handshake, undefined for transport errors. */
  onConnectError(data: unknown): void;
  onNotification(raw: unknown): void;
}

export type TransportFactory = (auth: () => { token: string }, handlers: TransportHandlers) => ClinicTransport;

export const socketIoTransport: TransportFactory = (auth, handlers) => {
  const socket = io({
    path: '/socket.io',
    autoConnect: false,
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 3000,
    auth: (cb: (data: object) => void) => cb(auth()),
  });
  socket.on('connect', () => handlers.onConnect());
  socket.on('disconnect', (reason) => handlers.onDisconnect(reason));
  socket.on('connect_error', (err: Error & { data?: unknown }) => handlers.onConnectError(err.data));
  socket.on(NOTIFICATION_EVENT, (raw: unknown) => handlers.onNotification(raw));
  return {
    get connected() {
      return socket.connected;
    },
    get active() {
      return socket.active;
    },
    connect: () => void socket.connect(),
    close: () => {
      socket.removeAllListeners();
      socket.disconnect();
    },
    request: (envelope, timeoutMs): Promise<unknown> => socket.timeout(timeoutMs).emitWithAck(REQUEST_EVENT, envelope),
  };
};

export interface WatchHandlers<T> {
  onData(view: T): void;
  onError?(error: ClinicChannelError): void;
}

interface WatchEntry<T> {
  handlers: Set<WatchHandlers<T>>;
  last: T | null;
  /** A notification arrived while the watch request was in flight: its ack is older, drop it. */
  subscribing: { superseded: boolean } | null;
}

/** The watchers of one kind (queue or appointment), keyed by id. */
class WatchSet<T> {
  private readonly entries = new Map<string, WatchEntry<T>>();

  constructor(
    private readonly subscribe: (id: string) => Promise<T>,
    private readonly unsubscribe: (id: string) => void,
  ) {}

  add(id: string, handlers: WatchHandlers<T>, connected: boolean): () => void {
    let entry = this.entries.get(id);
    const isNew = !entry;
    if (!entry) this.entries.set(id, (entry = { handlers: new Set(), last: null, subscribing: null }));
    entry.handlers.add(handlers);
    if (!isNew && entry.last) handlers.onData(entry.last);
    if (isNew && connected) this.resubscribe(id);
    return () => {
      const current = this.entries.get(id);
      if (!current?.handlers.delete(handlers) || current.handlers.size > 0) return;
      this.entries.delete(id);
      this.unsubscribe(id);
    };
  }

  resubscribeAll(): void {
    for (const id of this.entries.keys()) this.resubscribe(id);
  }

  deliver(id: string, view: T): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    if (entry.subscribing) entry.subscribing.superseded = true;
    entry.last = view;
    for (const h of [...entry.handlers]) h.onData(view);
  }

  failAll(error: ClinicChannelError): void {
    for (const entry of this.entries.values()) for (const h of [...entry.handlers]) h.onError?.(error);
  }

  get size(): number {
    return this.entries.size;
  }

  private resubscribe(id: string): void {
    const entry = this.entries.get(id);
    if (!entry) return;
    const attempt = { superseded: false };
    entry.subscribing = attempt;
    this.subscribe(id).then(
      (view) => {
        if (this.entries.get(id) !== entry || entry.subscribing !== attempt) return;
        entry.subscribing = null;
        if (!attempt.superseded) this.deliver(id, view);
      },
      (err: unknown) => {
        if (this.entries.get(id) !== entry || entry.subscribing !== attempt) return;
        entry.subscribing = null;
        const error = err instanceof ClinicChannelError ? err : new ClinicChannelError('bad_response', String(err));
        // `disconnected` / `timeout`: the next (re)connect subscribes again; don't alarm the screen.
        if (error.code === 'disconnected') return;
        for (const h of [...entry.handlers]) h.onError?.(error);
      },
    );
  }
}

export interface ClinicChannelOptions {
  tokens: ClinicTokens;
  /** Ack timeout per request. */
  timeoutMs?: number;
  /** Delay before retrying a handshake that the server refused (or after a failed refresh). */
  retryDelayMs?: number;
  transport?: TransportFactory;
}

/** The catalogue's response schemas, typed per method (a mapped type keeps method and response correlated). */
const RESPONSE_SCHEMAS: { [M in ClinicMethod]: z.ZodType<ClinicResponse<M>> } = {
  'queue.watch': clinicRequests['queue.watch'].res,
  'queue.unwatch': clinicRequests['queue.unwatch'].res,
  'appointment.watch': clinicRequests['appointment.watch'].res,
  'appointment.unwatch': clinicRequests['appointment.unwatch'].res,
};

const MEDIA_CHECK_RESPONSES: { [M in MediaCheckMethod]: z.ZodType<MediaCheckResponse<M>> } = {
  'mediaCheck.open': mediaCheckRequests['mediaCheck.open'].res,
  'mediaCheck.connect': mediaCheckRequests['mediaCheck.connect'].res,
  'mediaCheck.produce': mediaCheckRequests['mediaCheck.produce'].res,
  'mediaCheck.consume': mediaCheckRequests['mediaCheck.consume'].res,
  'mediaCheck.close': mediaCheckRequests['mediaCheck.close'].res,
};

/** The request list is one per user: a single watch key. */
const REQUESTS_KEY = 'mine';

const AUTH_CODES: ReadonlySet<string> = new Set(['token_expired', 'unauthorized']);

export class ClinicChannel {
  private readonly transport: ClinicTransport;
  private readonly stateListeners = new Set<(state: ClinicChannelState) => void>();
  private readonly staffCallListeners = new Set<(call: KioskStaffCall) => void>();
  private readonly queues: WatchSet<QueueView>;
  private readonly appointments: WatchSet<KioskAppointmentView>;
  private readonly requestLists: WatchSet<ConsultationRequestView[]>;
  /** MDT sittings: each delivery is a ping (its time), the screen reads the sitting again. */
  private readonly mdtSittings: WatchSet<number>;
  private currentState: ClinicChannelState = 'connecting';
  private everConnected = false;
  private refreshedForHandshake = false;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly opts: ClinicChannelOptions) {
    const factory = opts.transport ?? socketIoTransport;
    this.transport = factory(() => ({ token: opts.tokens.getAccessToken() ?? '' }), {
      onConnect: () => this.onConnect(),
      onDisconnect: () => this.onDisconnect(),
      onConnectError: (data) => void this.onConnectError(data),
      onNotification: (raw) => this.onNotification(raw),
    });
    this.queues = new WatchSet(
      async (sessionId) => this.request('queue.watch', { sessionId }),
      (sessionId) => this.fireAndForget('queue.unwatch', { sessionId }),
    );
    this.appointments = new WatchSet(
      async (appointmentId) => this.request('appointment.watch', { appointmentId }),
      (appointmentId) => this.fireAndForget('appointment.unwatch', { appointmentId }),
    );
    const inbox = requestInboxRequests;
    this.requestLists = new WatchSet(
      async () => (await this.call('requests.watch', inbox['requests.watch'].req, inbox['requests.watch'].res, {})).requests,
      () => {
        if (this.transport.connected) this.call('requests.unwatch', inbox['requests.unwatch'].req, inbox['requests.unwatch'].res, {}).catch(() => undefined);
      },
    );
    const mdt = mdtRequests;
    this.mdtSittings = new WatchSet(
      async (meetingId) => {
        await this.call('mdt.watch', mdt['mdt.watch'].req, mdt['mdt.watch'].res, { meetingId });
        return Date.now(); // (re)subscribed: moves may have been missed meanwhile, so read once
      },
      (meetingId) => {
        if (this.transport.connected) this.call('mdt.unwatch', mdt['mdt.unwatch'].req, mdt['mdt.unwatch'].res, { meetingId }).catch(() => undefined);
      },
    );
  }

  get state(): ClinicChannelState {
    return this.currentState;
  }

  /** Returns the unsubscribe function. */
  onStateChange(listener: (state: ClinicChannelState) => void): () => void {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  connect(): void {
    if (this.currentState === 'closed' || this.transport.connected) return;
    this.transport.connect();
  }

  close(): void {
    if (this.currentState === 'closed') return;
    this.setState('closed');
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.transport.close();
    this.stateListeners.clear();
  }

  /** Live queue of a session: `onData` gets the snapshot, then every `queue.changed`. */
  watchQueue(sessionId: string, handlers: WatchHandlers<QueueView>): () => void {
    return this.queues.add(sessionId, handlers, this.transport.connected);
  }

  /** Live kiosk view of one appointment: the snapshot, then every `appointment.changed`. */
  watchAppointment(appointmentId: string, handlers: WatchHandlers<KioskAppointmentView>): () => void {
    return this.appointments.add(appointmentId, handlers, this.transport.connected);
  }

  /** The 远程会诊申请 this user may see, live: the snapshot, then every `requests.changed`. */
  watchRequests(handlers: WatchHandlers<ConsultationRequestView[]>): () => void {
    return this.requestLists.add(REQUESTS_KEY, handlers, this.transport.connected);
  }

  /** An MDT sitting's moves: `onChanged` runs after each (and after every (re)subscription). */
  watchMdtSitting(meetingId: string, handlers: WatchHandlers<number>): () => void {
    return this.mdtSittings.add(meetingId, handlers, this.transport.connected);
  }

  /** One catalogue request; resolves with the validated response, rejects with `ClinicChannelError`. */
  async request<M extends ClinicMethod>(method: M, data: ClinicRequest<M>): Promise<ClinicResponse<M>> {
    return this.call(method, clinicRequests[method].req, RESPONSE_SCHEMAS[method], data);
  }

  /** 呼叫工作人员 from the kiosk: the county staff of its institution are told at once. */
  async callStaff(screen: KioskScreen): Promise<{ calledAt: string }> {
    return this.call('kiosk.callStaff', kioskRequests['kiosk.callStaff'].req, kioskRequests['kiosk.callStaff'].res, { screen });
  }

  /** County staff screens: a kiosk of their institution asks for help. */
  onStaffCall(listener: (call: KioskStaffCall) => void): () => void {
    this.staffCallListeners.add(listener);
    return () => this.staffCallListeners.delete(listener);
  }

  /** The device check's media loopback over this same connection (no second socket on the kiosk). */
  async mediaCheck<M extends MediaCheckMethod>(method: M, data: unknown): Promise<MediaCheckResponse<M>> {
    return this.call(method, mediaCheckRequests[method].req, MEDIA_CHECK_RESPONSES[method], data);
  }

  private async call<T>(method: string, req: z.ZodType, res: z.ZodType<T>, data: unknown): Promise<T> {
    if (!this.transport.connected) throw new ClinicChannelError('disconnected', `${method}: not connected`);
    const body = req.safeParse(data);
    if (!body.success) throw new ClinicChannelError('bad_request', `${method}: invalid request`, body.error.issues);
    let raw: unknown;
    try {
      raw = await this.transport.request({ method, data: body.data }, this.opts.timeoutMs ?? 10_000);
    } catch {
      throw new ClinicChannelError(this.transport.connected ? 'timeout' : 'disconnected', `${method}: no answer`);
    }
    const ack = AckSchema.safeParse(raw);
    if (!ack.success) throw new ClinicChannelError('bad_response', `${method}: malformed ack`);
    if (!ack.data.ok) throw new ClinicChannelError(ack.data.error.code, ack.data.error.message, ack.data.error.details);
    const parsed = res.safeParse(ack.data.data);
    if (!parsed.success) throw new ClinicChannelError('bad_response', `${method}: unexpected response`, parsed.error.issues);
    return parsed.data;
  }

  private fireAndForget<M extends ClinicMethod>(method: M, data: ClinicRequest<M>): void {
    if (this.transport.connected) this.request(method, data).catch(() => undefined);
  }

  private setState(state: ClinicChannelState): void {
    if (this.currentState === state || this.currentState === 'closed') return;
    this.currentState = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }

  private onConnect(): void {
    this.everConnected = true;
    this.refreshedForHandshake = false;
    this.setState('connected');
    this.queues.resubscribeAll();
    this.appointments.resubscribeAll();
    this.requestLists.resubscribeAll();
    this.mdtSittings.resubscribeAll();
  }

  private onDisconnect(): void {
    if (this.currentState === 'closed') return;
    this.setState('reconnecting');
    // Dropped on purpose by the server (e.g. a restart): socket.io won't retry by itself.
    if (!this.transport.active) this.retryLater();
  }

  private async onConnectError(data: unknown): Promise<void> {
    if (this.currentState === 'closed') return;
    if (this.everConnected) this.setState('reconnecting');
    const body = ApiErrorSchema.safeParse(data);
    if (!body.success) {
      if (!this.transport.active) this.retryLater();
      return; // transport error: socket.io's manager retries with back-off
    }
    if (AUTH_CODES.has(body.data.code) && !this.refreshedForHandshake) {
      this.refreshedForHandshake = true;
      let refreshed: boolean;
      try {
        refreshed = await this.opts.tokens.refresh();
      } catch {
        this.refreshedForHandshake = false; // offline: try the whole handshake again later
        return this.retryLater();
      }
      if (refreshed) return this.connect();
    }
    if (AUTH_CODES.has(body.data.code)) {
      this.setState('failed');
      const error = new ClinicChannelError(body.data.code, body.data.message);
      this.queues.failAll(error);
      this.appointments.failAll(error);
      this.requestLists.failAll(error);
      this.mdtSittings.failAll(error);
      return;
    }
    this.retryLater(); // refused for another reason (e.g. the server is starting up)
  }

  private retryLater(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.transport.connected && !this.transport.active) this.connect();
    }, this.opts.retryDelayMs ?? 2000);
  }

  private onNotification(raw: unknown): void {
    const envelope = NotificationEnvelopeSchema.safeParse(raw);
    if (!envelope.success) return;
    const { method, data } = envelope.data;
    if (method === 'queue.changed') {
      const view = clinicNotifications['queue.changed'].safeParse(data);
      if (view.success) this.queues.deliver(view.data.session.id, view.data);
    } else if (method === 'appointment.changed') {
      const view = clinicNotifications['appointment.changed'].safeParse(data);
      if (view.success) this.appointments.deliver(view.data.id, view.data);
    } else if (method === 'requests.changed') {
      const list = requestInboxNotifications['requests.changed'].safeParse(data);
      if (list.success) this.requestLists.deliver(REQUESTS_KEY, list.data.requests);
    } else if (method === 'mdt.changed') {
      const ping = mdtNotifications['mdt.changed'].safeParse(data);
      if (ping.success) this.mdtSittings.deliver(ping.data.meetingId, Date.now());
    } else if (method === 'kiosk.staffCalled') {
      const call = kioskNotifications['kiosk.staffCalled'].safeParse(data);
      if (call.success) for (const listener of [...this.staffCallListeners]) listener(call.data);
    }
    // Anything else (another feature's notification, a malformed payload) is ignored.
  }
}
