import type { AudioOnlyCause, RoomNotification } from '@cloudclinic/shared';
import type { MediaProfile } from './capture';
import { ConnectionTracker, type ConnectionReason, type ConnectionSnapshot, type MediaFlow } from './connection-state';
import { DataChannelSet, type DataChannelOptions, type DataSender } from './data-channels';
import { DeviceReport } from './device-report';
import { Emitter } from './emitter';
import { LocalMedia, type LocalSource } from './local-media';
import { isScreenPickerCancel, toMediaFailure, type MediaFailure } from './media-errors';
import { FlowMonitor } from './media-flow';
import { MediaSession } from './media-session';
import { QualityMonitor } from './quality-monitor';
import { pendingDeparture, trackDeparture } from './room-departures';
import type { RoomEndReason, RoomEvents } from './room-events';
import { SignalingChannel, type SocketFactory, type TokenProvider } from './signaling-channel';
import { signalingErrorCode, wrongNodeOf } from './signaling-error';
import { roomIdOf, type RoomTarget } from './room-target';

export type DeviceKind = 'audioinput' | 'videoinput';

export interface RoomClientOptions {
  /** The consultation's room, or an MDT sitting's. */
  target: RoomTarget;
  tokens: TokenProvider;
  /** Remembered input devices (null: browser default). */
  devices?: { audioinput?: string | null; videoinput?: string | null };
  /** What to send on arrival (default: microphone and camera). */
  startWith?: { microphone?: boolean; camera?: boolean };
  socketFactory?: SocketFactory;
  /** A signaling socket opened ahead (connecting or connected) for this room; null or absent: open one. */
  signaling?: SignalingChannel | null;
  /** `field`: low-bandwidth camera and voice settings for ships and ambulances (default `standard`). */
  profile?: MediaProfile;
  /** Which way the camera should face when no device is chosen (`environment`: rear camera). */
  facingMode?: 'user' | 'environment';
}

const FINAL_JOIN_ERRORS: Readonly<Record<string, RoomEndReason>> = { forbidden: 'forbidden', not_found: 'not_found', unauthorized: 'auth' };

/**
 * The consultation room, without React: joins over the signaling socket, sends the local tracks,
 * receives everyone else's, and keeps doing so across network drops, ICE failures and SFU restarts
 * (each ends the current `MediaSession`; a new one is joined automatically). Reports everything
 * through `events` (see `RoomEvents`).
 */
export class RoomClient {
  readonly events = new Emitter<RoomEvents>();
  private readonly signaling: SignalingChannel;
  private readonly local: LocalMedia;
  private readonly tracker = new ConnectionTracker();
  private readonly quality: QualityMonitor;
  private readonly dataChannels = new DataChannelSet();
  private readonly flow = new FlowMonitor();
  private readonly devices: DeviceReport;
  private flowPolling = false;
  private session: MediaSession | null = null;
  private generation = 0;
  private failures = 0;
  /** When a `wrong_node` answer last moved this room's socket to another node. */
  private movedAt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private ticker: ReturnType<typeof setInterval> | null = null;
  private lastConnection: ConnectionSnapshot | null = null;
  private cameraBeforeAudioOnly = false;
  private audioOnlyCause: AudioOnlyCause = 'chosen';
  private started = false;
  private ended = false;

  constructor(private readonly opts: RoomClientOptions) {
    this.signaling =
      opts.signaling ?? new SignalingChannel({ tokens: opts.tokens, consultationId: roomIdOf(opts.target), ...(opts.socketFactory ? { socketFactory: opts.socketFactory } : {}) });
    this.local = new LocalMedia({
      ...(opts.devices ? { devices: opts.devices } : {}),
      onChange: (state) => this.events.emit('local', state),
      onEnded: (source) => void this.onTrackEnded(source),
    });
    this.devices = new DeviceReport(
      () => ({
        camera: this.local.get('camera') !== null,
        microphone: this.local.get('microphone') !== null && !this.local.micMuted,
        audioOnly: this.local.audioOnly ? this.audioOnlyCause : null,
      }),
      (devices) => (this.session?.ready ? this.signaling.request('peer.devices', devices) : Promise.reject(new Error('not joined'))),
    );
    this.local.profile = opts.profile ?? 'standard';
    this.local.facingMode = opts.facingMode ?? null;
    this.quality = new QualityMonitor(
      () => this.session?.stats() ?? Promise.resolve([]),
      (quality) => this.events.emit('quality', { quality }),
    );
  }

  /** Opens the devices and joins; resolves once the devices are open (joining continues by itself). */
  async join(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.signaling.events.on('connected', () => this.onSocketUp());
    this.signaling.events.on('disconnected', () => this.onSocketDown());
    this.signaling.events.on('authFailed', () => this.end('auth'));
    this.signaling.events.on('notification', (n) => n.method === 'room.move' && this.onMove(n.data.node));
    window.addEventListener('online', this.onOnline);
    window.addEventListener('offline', this.onOffline);
    if (!navigator.onLine) this.tracker.setOnline(false);
    this.ticker = setInterval(() => void this.pollFlow(), 1000);
    const departing = pendingDeparture(roomIdOf(this.opts.target));
    if (this.signaling.connected) this.onSocketUp(); // opened ahead, already up (see hooks/room/room-preconnect)
    else if (departing) void departing.then(() => this.signaling.connect());
    else this.signaling.connect();
    this.quality.start();
    this.updateConnection();
    this.local.changed();
    const want = this.opts.startWith ?? {};
    await Promise.all([
      want.microphone !== false ? this.open('microphone') : undefined,
      want.camera !== false ? this.open('camera') : undefined,
    ]);
    await this.publish();
  }

  /** Leaves the room for good: stops every track and closes the socket. Idempotent. */
  leave(): void {
    if (!this.started || this.ended) return;
    const signaling = this.signaling;
    const answered = this.session?.joinAnswered() ?? Promise.resolve();
    const departure = (async () => {
      // A join still in flight would re-add this peer after the leave: wait for its answer first.
      await Promise.race([answered, delay(3000)]);
      if (signaling.connected) await Promise.race([signaling.request('room.leave', {}).catch(() => undefined), delay(1000)]);
      signaling.close();
    })();
    trackDeparture(roomIdOf(this.opts.target), departure);
    this.end('left', { keepSocket: true });
  }

  async setMicEnabled(enabled: boolean): Promise<void> {
    await this.local.withPending('microphone', async () => {
      if (enabled && !this.local.get('microphone') && !(await this.open('microphone'))) return;
      this.local.micMuted = !enabled;
      const track = this.local.get('microphone');
      if (track) track.enabled = enabled;
      this.local.changed();
      await this.publish();
    });
  }

  async setCameraEnabled(enabled: boolean): Promise<void> {
    if (enabled && this.local.audioOnly) return;
    await this.local.withPending('camera', async () => {
      if (enabled && !this.local.get('camera')) await this.open('camera');
      else if (!enabled) this.local.stop('camera'); // the camera light goes off; the others see "camera off"
      await this.publish();
    });
  }

  async startScreenShare(): Promise<void> {
    if (this.local.get('screen') || this.local.audioOnly) return;
    await this.local.withPending('screen', async () => {
      if (await this.open('screen')) await this.publish();
    });
  }

  async stopScreenShare(): Promise<void> {
    this.local.stop('screen');
    await this.publish();
  }

  /** Sends a second camera (e.g. a dermatoscope or document camera); null stops it. */
  async publishSecondCamera(deviceId: string | null): Promise<void> {
    if (deviceId && this.local.audioOnly) return;
    await this.local.withPending('camera2', async () => {
      this.local.camera2DeviceId = deviceId;
      if (deviceId) await this.open('camera2');
      else this.local.stop('camera2');
      this.local.changed();
      await this.publish();
    });
  }

  /**
   * Audio-only: no video sent (cameras and screen closed) or received (video consumers paused).
   * `cause` tells the others why: chosen by the user, or a fall back on a poor link.
   */
  async setAudioOnly(audioOnly: boolean, cause: AudioOnlyCause = 'chosen'): Promise<void> {
    if (audioOnly && this.local.audioOnly && cause !== this.audioOnlyCause) {
      this.audioOnlyCause = cause;
      await this.devices.sync();
      return;
    }
    if (audioOnly === this.local.audioOnly) return;
    this.audioOnlyCause = cause;
    this.local.audioOnly = audioOnly;
    if (audioOnly) {
      this.cameraBeforeAudioOnly = this.local.get('camera') !== null;
      for (const source of ['camera', 'camera2', 'screen'] as const) this.local.stop(source);
    }
    this.local.changed();
    await Promise.all([this.session?.setVideoReceiving(!audioOnly), this.publish()]);
    if (!audioOnly && this.cameraBeforeAudioOnly) await this.setCameraEnabled(true);
  }

  /** Switches the microphone or camera to another device (the producer's track is replaced). */
  async switchDevice(kind: DeviceKind, deviceId: string | null): Promise<void> {
    this.local.devices[kind] = deviceId;
    this.local.changed();
    const source: LocalSource = kind === 'audioinput' ? 'microphone' : 'camera';
    if (!this.local.get(source)) return;
    await this.local.withPending(source, async () => {
      if (await this.open(source)) await this.publish();
    });
  }

  /** Turns the camera to face the user or the scene (phones: front / rear); reopens it if it is on. */
  async setFacingMode(facingMode: 'user' | 'environment'): Promise<void> {
    this.local.facingMode = facingMode;
    this.local.devices.videoinput = null; // a chosen device would override the direction
    this.local.changed();
    if (!this.local.get('camera')) return;
    await this.local.withPending('camera', async () => {
      this.local.stop('camera'); // phones cannot open the second camera while the first is open
      await this.open('camera'); // a failure is reported as a media error; the camera stays off
      await this.publish();
    });
  }

  /**
   * A data channel to every other participant (through the SFU), reopened after every reconnect.
   * `ordered: false` with `maxRetransmits` / `maxPacketLifeTime`: late messages are dropped, not delayed.
   * Receive with the `dataMessage` event.
   */
  produceData(label: string, opts: DataChannelOptions): DataSender {
    return this.dataChannels.sender(label, opts);
  }

  /** The current transports' WebRTC stats (none while reconnecting). */
  transportStats(): Promise<RTCStatsReport[]> {
    return this.session?.stats() ?? Promise.resolve([]);
  }

  setPreferredLayers(consumerId: string, spatialLayer: number): void {
    this.session?.setPreferredLayer(consumerId, Math.max(0, Math.min(2, Math.round(spatialLayer))));
  }

  /** After `failed` (timeout): try again now rather than at the next back-off step. */
  retry(): void {
    if (this.ended) return;
    if (this.signaling.connected) this.rejoin('rejoining');
    else this.signaling.reconnectNow();
  }

  /** Opens a device; a failure is reported (with its recovery hint) rather than thrown. */
  private async open(source: LocalSource): Promise<boolean> {
    try {
      const opened = await this.local.open(source);
      if (opened) {
        this.devices.cleared(source);
        this.events.emit('mediaErrorCleared', { source });
      }
      return opened;
    } catch (err) {
      if (!isScreenPickerCancel(err, source)) this.reportFailure(toMediaFailure(err, source));
      return false;
    }
  }

  private async onTrackEnded(source: LocalSource): Promise<void> {
    this.local.stop(source);
    if (source !== 'screen') this.reportFailure(toMediaFailure(new DOMException('Device disconnected', 'NotFoundError'), source));
    await this.publish();
  }

  private reportFailure(failure: MediaFailure): void {
    this.devices.failed(failure);
    this.events.emit('mediaError', failure);
  }

  private async publish(): Promise<void> {
    const session = this.session;
    if (!session?.ready) return; // the next session publishes everything when it is ready
    await session.reconcile(() => this.local.desired()).catch((err: unknown) => console.warn('[room] publish failed', err));
    await this.devices.sync();
  }

  private startSession(): void {
    if (this.ended || !this.signaling.connected) return;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    this.session?.close();
    const generation = ++this.generation;
    const current = () => generation === this.generation && !this.ended;
    const session = new MediaSession(this.signaling, this.opts.target, {
      emit: (type, payload) => {
        if (!current()) return;
        if (type === 'trackAdded') this.flow.add((payload as RoomEvents['trackAdded']).consumerId, Date.now());
        if (type === 'trackRemoved') this.flow.remove((payload as RoomEvents['trackRemoved']).consumerId);
        this.events.emit(type, payload);
      },
      onRoomClosed: (data) => current() && this.onRoomClosed(data),
      onIceTrouble: (transportId, trouble) => {
        if (!current()) return;
        this.tracker.setIceTrouble(transportId, trouble);
        this.updateConnection();
      },
      onBroken: () => current() && this.rejoin('media'),
      audioOnly: () => this.local.audioOnly,
      profile: () => this.local.profile,
    });
    this.session = session;
    session.join().then(
      async () => {
        if (!current()) return;
        this.failures = 0;
        this.tracker.setJoined(true);
        this.updateConnection();
        this.dataChannels.attach((label, opts) => session.produceData(label, opts));
        await this.publish();
        await this.devices.sync(true); // a new peer on the server: it knows nothing yet
      },
      (err: unknown) => {
        if (!current()) return;
        const node = wrongNodeOf(err);
        if (node) {
          // Its reconnect joins again, on that node. Already asking for it and sent elsewhere: that
          // node is down and its lease runs out within seconds; ask again here shortly. Told twice
          // in a row otherwise: wait a moment rather than bounce between nodes.
          this.dropSession();
          if (this.signaling.node === node) {
            this.retryTimer = setTimeout(() => this.startSession(), 400);
            return;
          }
          const soon = Date.now() - this.movedAt < 3000;
          this.movedAt = Date.now();
          if (!soon) return this.signaling.moveTo(node);
          this.retryTimer = setTimeout(() => this.signaling.moveTo(node), 1000);
          return;
        }
        const final = FINAL_JOIN_ERRORS[signalingErrorCode(err) ?? ''];
        if (final) return this.end(final);
        if (err instanceof Error && err.name === 'UnsupportedError') return this.end('error'); // this browser cannot do WebRTC
        console.warn('[room] join failed; retrying', err);
        this.dropSession();
        this.failures += 1;
        this.retryTimer = setTimeout(() => this.startSession(), Math.min(5000, 500 * 2 ** this.failures));
      },
    );
  }

  /** Ends the current media session (remote tracks are gone until the next join). */
  private dropSession(reason?: ConnectionReason): void {
    this.generation += 1;
    this.flow.clear();
    this.dataChannels.detach();
    if (this.session) {
      this.session.close();
      this.session = null;
      this.events.emit('mediaReset', {});
    }
    this.tracker.setJoined(false, reason);
    this.updateConnection();
  }

  private rejoin(reason: ConnectionReason): void {
    this.dropSession(reason);
    this.startSession(); // if the socket is down, its reconnection starts the next session
  }

  private onRoomClosed({ reason, rejoin }: RoomNotification<'room.closed'>): void {
    if (rejoin) return this.rejoin('media_restart');
    this.end(reason === 'replaced' ? 'replaced' : 'ended');
  }

  /** Several nodes: the room's node is stopping; reconnect (to `node`) and join the room there. */
  private onMove(node: string | null): void {
    if (this.ended) return;
    this.dropSession('rejoining');
    this.signaling.moveTo(node);
  }

  private onSocketUp(): void {
    this.tracker.setSocket(true);
    this.rejoin('rejoining'); // a new socket is a new peer on the server: always join afresh
  }

  private onSocketDown(): void {
    this.tracker.setSocket(false);
    this.dropSession('network');
  }

  private readonly onOnline = () => {
    this.tracker.setOnline(true);
    this.updateConnection();
    this.signaling.reconnectNow();
  };

  private readonly onOffline = () => {
    this.tracker.setOnline(false);
    this.updateConnection();
  };

  /** Leaves for good. `keepSocket`: the caller closes the socket itself (after a last request). */
  private end(reason: RoomEndReason, { keepSocket = false } = {}): void {
    if (this.ended) return;
    this.tracker.setFinal(reason);
    this.dropSession();
    this.ended = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.ticker) clearInterval(this.ticker);
    window.removeEventListener('online', this.onOnline);
    window.removeEventListener('offline', this.onOffline);
    this.quality.stop();
    this.dataChannels.close();
    this.local.close();
    if (!keepSocket) this.signaling.close();
    this.updateConnection(true);
    this.events.emit('ended', { reason });
  }

  /** Once a second: is media really arriving? Feeds the tiles (`trackFlow`) and the room state. */
  private async pollFlow(): Promise<void> {
    const session = this.session;
    if (this.flowPolling || !session?.ready) return this.updateConnection();
    this.flowPolling = true;
    try {
      const sample = await session.flowSample();
      if (session !== this.session || this.ended) return;
      for (const [consumerId, flow] of this.flow.update(Date.now(), sample.streams)) this.events.emit('trackFlow', { consumerId, flow });
      this.tracker.setMedia(mediaFlow(this.flow.summary(), sample.sending, sample.sendState));
    } catch {
      // A transport closed mid-poll: the next poll reads the new session.
    } finally {
      this.flowPolling = false;
      this.updateConnection();
    }
  }

  private updateConnection(force = false): void {
    if (this.ended && !force) return;
    const next = this.tracker.snapshot();
    if (this.lastConnection?.state === next.state && this.lastConnection.reason === next.reason) return;
    this.lastConnection = next;
    this.events.emit('connection', next);
  }
}

/**
 * The room's media from what is received and sent: receiving decides when there is anything to
 * receive; otherwise the send transport's ICE/DTLS state does (nothing to carry counts as flowing).
 */
export function mediaFlow(received: 'none' | 'pending' | 'flowing' | 'stalled', sending: boolean, sendState: string | null): MediaFlow {
  if (received !== 'none') return received;
  if (!sending || sendState === 'connected') return 'flowing';
  return sendState === 'disconnected' || sendState === 'failed' ? 'stalled' : 'pending';
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
