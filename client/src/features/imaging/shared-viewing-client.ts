import type { ImagingSession, ImagingState, WorldPoint } from '@cloudclinic/shared';
import { signalingErrorCode, type SignalingErrorCode } from '../../media/signaling-error';
import type { ImagingChannel } from './imaging-channel';
import { UpdateThrottle, type PresenterUpdate } from './update-throttle';

export interface SharedViewingSnapshot {
  status: 'connecting' | 'joined' | 'reconnecting' | 'failed';
  errorCode: SignalingErrorCode | null;
  memberId: string | null;
  session: ImagingSession;
  state: ImagingState;
  /** The presenter's pointer (followers only), in patient coordinates. */
  pointer: WorldPoint | null;
  /** A role change in progress (disables the buttons). */
  pending: boolean;
}

const EMPTY: SharedViewingSnapshot = {
  status: 'connecting',
  errorCode: null,
  memberId: null,
  session: { presenter: null, members: [] },
  state: { rev: 0, view: null, measurements: [] },
  pointer: null,
  pending: false,
};

/**
 * The client side of one consultation's shared viewing: joins (and re-joins after a reconnect,
 * taking the presenter role back if it held it), keeps the latest session and state, and
 * throttles what the presenter publishes. A store for `useSyncExternalStore`; no React here.
 */
export class SharedViewingClient {
  private snapshot: SharedViewingSnapshot = EMPTY;
  private readonly listeners = new Set<() => void>();
  private readonly throttle: UpdateThrottle;
  private readonly offs: (() => void)[] = [];
  private wasPresenter = false;
  private closed = false;

  constructor(
    private readonly consultationId: string,
    private readonly channel: ImagingChannel,
  ) {
    this.throttle = new UpdateThrottle((u) => this.channel.request('imaging.update', { consultationId, ...u }));
    this.offs.push(
      channel.events.on('connected', () => void this.join()),
      channel.events.on('disconnected', () => this.set({ status: 'reconnecting' })),
      channel.events.on('authFailed', () => this.set({ status: 'failed', errorCode: 'unauthorized' })),
      channel.events.on('session', ({ presenter, members }) => this.setSession({ presenter, members })),
      channel.events.on('state', ({ rev, view, measurements }) => {
        if (rev > this.snapshot.state.rev || this.snapshot.state.rev === 0) this.set({ state: { rev, view, measurements } });
      }),
      channel.events.on('pointer', ({ point }) => this.set({ pointer: point })),
    );
  }

  start(): void {
    if (!this.channel.connected) this.channel.connect();
  }

  getSnapshot = (): SharedViewingSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get isPresenter(): boolean {
    return this.snapshot.memberId !== null && this.snapshot.session.presenter?.memberId === this.snapshot.memberId;
  }

  /** Presenter only: publish what changed (coalesced). Followers' calls are ignored. */
  publish(update: PresenterUpdate): void {
    if (!this.isPresenter) return;
    if (update.view || update.measurements) {
      this.snapshot = { ...this.snapshot, state: { rev: this.snapshot.state.rev, view: update.view ?? this.snapshot.state.view, measurements: update.measurements ?? this.snapshot.state.measurements } };
    }
    this.throttle.push(update);
  }

  present(): Promise<void> {
    return this.roleChange(() => this.channel.request('imaging.present', { consultationId: this.consultationId }));
  }

  handOver(toMemberId: string): Promise<void> {
    return this.roleChange(() => this.channel.request('imaging.handOver', { consultationId: this.consultationId, toMemberId }));
  }

  release(): Promise<void> {
    return this.roleChange(() => this.channel.request('imaging.release', { consultationId: this.consultationId }));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.throttle.dispose();
    for (const off of this.offs) off();
    this.channel.close();
    this.listeners.clear();
  }

  private async join(): Promise<void> {
    try {
      const joined = await this.channel.request('imaging.join', { consultationId: this.consultationId });
      this.set({ status: 'joined', errorCode: null, memberId: joined.memberId, state: joined.state, pointer: null });
      this.setSession(joined.session);
      if (this.wasPresenter && !joined.session.presenter) await this.present();
    } catch (err) {
      this.set({ status: 'failed', errorCode: signalingErrorCode(err) ?? 'internal' });
    }
  }

  private async roleChange(call: () => Promise<ImagingSession>): Promise<void> {
    this.set({ pending: true });
    try {
      this.setSession(await call());
      this.set({ errorCode: null });
    } catch (err) {
      this.set({ errorCode: signalingErrorCode(err) ?? 'internal' });
    } finally {
      this.set({ pending: false });
    }
  }

  private setSession(session: ImagingSession): void {
    this.set({ session, ...(session.presenter?.memberId === this.snapshot.memberId ? {} : { pointer: this.snapshot.pointer }) });
    this.wasPresenter = this.isPresenter;
  }

  private set(patch: Partial<SharedViewingSnapshot>): void {
    if (this.closed) return;
    this.snapshot = { ...this.snapshot, ...patch };
    for (const l of [...this.listeners]) l();
  }
}
