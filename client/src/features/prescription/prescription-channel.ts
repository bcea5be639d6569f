import {
  AckSchema,
  NOTIFICATION_EVENT,
  NotificationEnvelopeSchema,
  pharmacyNotifications,
  pharmacyRequests,
  REQUEST_EVENT,
  type PharmacyRequests,
  type PrescriptionView,
} from '@cloudclinic/shared';
import type { ClinicChannelState } from '../../media/clinic-channel';
import { keepSessionFresh } from '../../media/session-renewal';
import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import type { z } from 'zod';

export type RxMethod = keyof PharmacyRequests;
type RxRequest<M extends RxMethod> = z.input<PharmacyRequests[M]['req']>;

export interface RxTokens {
  getAccessToken(): string | null;
  refresh(): Promise<boolean>;
}

export type RxSocketFactory = (opts: Partial<ManagerOptions & SocketOptions>) => Socket;
export type RxListener = (prescriptions: PrescriptionView[]) => void;
/** Same states as the clinic socket's, so screens show them alike. */
export type RxChannelState = ClinicChannelState;

const AUTH_CODES = new Set(['token_expired', 'unauthorized']);

/**
 * Live prescription screens over socket.io: the pharmacist's review queue and the expert's
 * prescriptions of one consultation. Plain TypeScript; acks and notifications are validated with the
 * shared catalogue (`signaling/pharmacy.ts`); every watch is sent again after a reconnect (the server
 * forgets them with the socket) and its fresh snapshot delivered.
 */
export class PrescriptionChannel {
  private readonly stopRenewal: () => void;
  private readonly socket: Socket;
  private readonly queue = new Set<RxListener>();
  private readonly consultations = new Map<string, Set<RxListener>>();
  private readonly errorListeners = new Set<(code: string) => void>();
  private readonly stateListeners = new Set<(state: RxChannelState) => void>();
  private currentState: RxChannelState = 'connecting';
  private everConnected = false;
  private refreshed = false;
  private closed = false;

  constructor(
    private readonly tokens: RxTokens,
    factory: RxSocketFactory = (o) => io(o),
  ) {
    this.socket = factory({
      path: '/socket.io',
      forceNew: true,
      autoConnect: false,
      transports: ['websocket', 'polling'],
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
      auth: (cb: (data: object) => void) => cb({ token: tokens.getAccessToken() ?? '' }),
    });
    this.stopRenewal = keepSessionFresh(this.socket, tokens);
    this.socket.on('connect', () => {
      this.refreshed = false;
      this.everConnected = true;
      this.setState('connected');
      this.resubscribe();
    });
    this.socket.on('disconnect', (reason) => {
      if (this.closed) return;
      this.setState('reconnecting');
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 1000);
    });
    this.socket.on('connect_error', (err: Error & { data?: { code?: string } }) => void this.onConnectError(err));
    this.socket.on(NOTIFICATION_EVENT, (raw: unknown) => this.onNotification(raw));
  }

  connect(): void {
    if (!this.closed) this.socket.connect();
  }

  /** Back online (the browser says so): try at once instead of waiting for the back-off. */
  reconnectNow(): void {
    if (this.closed || this.socket.connected) return;
    this.socket.disconnect();
    this.socket.connect();
  }

  get state(): RxChannelState {
    return this.currentState;
  }

  /** Returns the unsubscribe function. */
  onStateChange(listener: (state: RxChannelState) => void): () => void {
    this.stateListeners.add(listener);
    return () => void this.stateListeners.delete(listener);
  }

  close(): void {
    this.setState('closed');
    this.closed = true;
    this.stopRenewal();
    this.socket.removeAllListeners();
    this.socket.disconnect();
  }

  get connected(): boolean {
    return this.socket.connected;
  }

  /** Failures of a watch request (e.g. `forbidden`). */
  onError(listener: (code: string) => void): () => void {
    this.errorListeners.add(listener);
    return () => void this.errorListeners.delete(listener);
  }

  watchQueue(listener: RxListener): () => void {
    this.queue.add(listener);
    if (this.queue.size === 1 && this.connected) void this.subscribe('rx.queue.watch', {}, (list) => this.deliverQueue(list));
    return () => {
      this.queue.delete(listener);
      if (this.queue.size === 0 && this.connected) void this.request('rx.queue.unwatch', {}).catch(() => undefined);
    };
  }

  watchConsultation(consultationId: string, listener: RxListener): () => void {
    let set = this.consultations.get(consultationId);
    if (!set) this.consultations.set(consultationId, (set = new Set()));
    set.add(listener);
    if (set.size === 1 && this.connected) void this.subscribe('rx.consultation.watch', { consultationId }, (list) => this.deliverConsultation(consultationId, list));
    return () => {
      const current = this.consultations.get(consultationId);
      current?.delete(listener);
      if (current && current.size === 0) {
        this.consultations.delete(consultationId);
        if (this.connected) void this.request('rx.consultation.unwatch', { consultationId }).catch(() => undefined);
      }
    };
  }

  private resubscribe(): void {
    if (this.queue.size > 0) void this.subscribe('rx.queue.watch', {}, (list) => this.deliverQueue(list));
    for (const id of this.consultations.keys()) void this.subscribe('rx.consultation.watch', { consultationId: id }, (list) => this.deliverConsultation(id, list));
  }

  private async subscribe<M extends 'rx.queue.watch' | 'rx.consultation.watch'>(method: M, data: RxRequest<M>, deliver: RxListener): Promise<void> {
    try {
      const res = await this.request(method, data);
      deliver(pharmacyRequests[method].res.parse(res).prescriptions);
    } catch (err) {
      const code = err instanceof Error && 'code' in err && typeof err.code === 'string' ? err.code : 'bad_response';
      for (const l of [...this.errorListeners]) l(code);
    }
  }

  private async request<M extends RxMethod>(method: M, data: RxRequest<M>): Promise<unknown> {
    const raw: unknown = await this.socket.timeout(10_000).emitWithAck(REQUEST_EVENT, { method, data });
    const ack = AckSchema.safeParse(raw);
    if (!ack.success) throw Object.assign(new Error(`${method}: malformed ack`), { code: 'bad_response' });
    if (!ack.data.ok) throw Object.assign(new Error(ack.data.error.message), { code: ack.data.error.code });
    return ack.data.data;
  }

  private deliverQueue(list: PrescriptionView[]): void {
    for (const l of [...this.queue]) l(list);
  }

  private deliverConsultation(id: string, list: PrescriptionView[]): void {
    for (const l of [...(this.consultations.get(id) ?? [])]) l(list);
  }

  private onNotification(raw: unknown): void {
    const envelope = NotificationEnvelopeSchema.safeParse(raw);
    if (!envelope.success) return;
    const { method, data } = envelope.data;
    if (method === 'rx.queue.changed') {
      const parsed = pharmacyNotifications['rx.queue.changed'].safeParse(data);
      if (parsed.success) this.deliverQueue(parsed.data.prescriptions);
    } else if (method === 'rx.consultation.changed') {
      const parsed = pharmacyNotifications['rx.consultation.changed'].safeParse(data);
      if (parsed.success) this.deliverConsultation(parsed.data.consultationId, parsed.data.prescriptions);
    }
  }

  private setState(state: RxChannelState): void {
    if (this.closed || this.currentState === state) return;
    this.currentState = state;
    for (const l of [...this.stateListeners]) l(state);
  }

  private async onConnectError(err: Error & { data?: { code?: string } }): Promise<void> {
    if (this.closed) return;
    if (this.everConnected) this.setState('reconnecting');
    if (!AUTH_CODES.has(err.data?.code ?? '')) return;
    if (this.refreshed) return this.setState('failed');
    this.refreshed = true;
    if (await this.tokens.refresh().catch(() => false)) this.connect();
    else this.setState('failed');
  }
}
