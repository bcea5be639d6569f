import type { MediaSource } from '@cloudclinic/shared';
import { captureCamera, captureMicrophone, captureScreen, type MediaProfile } from './capture';
import type { LocalMediaState, LocalSourceState } from './room-events';

export type LocalSource = Extract<MediaSource, 'microphone' | 'camera' | 'screen' | 'camera2'>;
export const LOCAL_SOURCES: readonly LocalSource[] = ['microphone', 'camera', 'screen', 'camera2'];

/** What should be sent for one source: the producers are reconciled against this. */
export interface Publication {
  track: MediaStreamTrack;
  paused: boolean;
}

export interface LocalMediaOptions {
  devices?: { audioinput?: string | null; videoinput?: string | null };
  onChange(state: LocalMediaState): void;
  /** A track ended by itself (device unplugged, "stop sharing" in the browser bar). */
  onEnded(source: LocalSource): void;
}

/**
 * The local tracks and what the user wants sent. Outlives media sessions: after a reconnect the
 * same tracks are published again. Owns the tracks: it is the only place that stops them.
 */
export class LocalMedia {
  private readonly tracks = new Map<LocalSource, MediaStreamTrack>();
  private readonly pending = new Set<LocalSource>();
  private readonly endedListeners = new Map<MediaStreamTrack, () => void>();
  private closed = false;
  micMuted = false;
  audioOnly = false;
  camera2DeviceId: string | null = null;
  /** Which way the (first) camera faces when no device is chosen; null: the browser's choice. */
  facingMode: 'user' | 'environment' | null = null;
  profile: MediaProfile = 'standard';
  readonly devices: { audioinput: string | null; videoinput: string | null };

  constructor(private readonly opts: LocalMediaOptions) {
    this.devices = { audioinput: opts.devices?.audioinput ?? null, videoinput: opts.devices?.videoinput ?? null };
  }

  get(source: LocalSource): MediaStreamTrack | null {
    return this.tracks.get(source) ?? null;
  }

  /**
   * Opens the device for `source` (the chosen one) and keeps its track, replacing the previous one.
   * Throws the browser's error; returns false when closed meanwhile.
   */
  async open(source: LocalSource): Promise<boolean> {
    const track =
      source === 'microphone'
        ? await captureMicrophone(this.devices.audioinput)
        : source === 'camera'
          ? await captureCamera(this.devices.videoinput, false, { facingMode: this.facingMode, profile: this.profile })
          : source === 'camera2'
            ? await captureCamera(this.camera2DeviceId, true)
            : await captureScreen();
    if (this.closed) {
      track.stop();
      return false;
    }
    if (source === 'microphone') track.enabled = !this.micMuted;
    this.set(source, track);
    return true;
  }

  /** Stores a new track for `source`, stopping the one it replaces. */
  set(source: LocalSource, track: MediaStreamTrack): void {
    const old = this.tracks.get(source);
    if (old && old !== track) this.release(old);
    this.tracks.set(source, track);
    const onEnded = () => {
      if (this.tracks.get(source) === track) this.opts.onEnded(source);
    };
    track.addEventListener('ended', onEnded);
    this.endedListeners.set(track, onEnded);
    this.changed();
  }

  stop(source: LocalSource): void {
    const track = this.tracks.get(source);
    if (!track) return;
    this.tracks.delete(source);
    this.release(track);
    this.changed();
  }

  /** Stops every track; nothing can be opened afterwards. */
  close(): void {
    this.closed = true;
    for (const source of [...this.tracks.keys()]) this.stop(source);
  }

  /** Runs a toggle with the source's `pending` flag set (controls are disabled meanwhile). */
  async withPending<T>(source: LocalSource, fn: () => Promise<T>): Promise<T> {
    this.pending.add(source);
    this.changed();
    try {
      return await fn();
    } finally {
      this.pending.delete(source);
      this.changed();
    }
  }

  isPending(source: LocalSource): boolean {
    return this.pending.has(source);
  }

  /** The producers there should be, by source. */
  desired(): Map<LocalSource, Publication> {
    const out = new Map<LocalSource, Publication>();
    for (const [source, track] of this.tracks) {
      if (track.readyState === 'live') out.set(source, { track, paused: source === 'microphone' && this.micMuted });
    }
    return out;
  }

  state(): LocalMediaState {
    const source = (s: LocalSource): LocalSourceState => {
      const track = this.get(s);
      return { on: track !== null && !(s === 'microphone' && this.micMuted), pending: this.pending.has(s), track };
    };
    return {
      microphone: source('microphone'),
      camera: source('camera'),
      screen: source('screen'),
      camera2: { ...source('camera2'), deviceId: this.camera2DeviceId },
      audioOnly: this.audioOnly,
      devices: { ...this.devices },
      facingMode: this.facingMode,
    };
  }

  /** Call after changing a public field (micMuted, audioOnly, devices…). */
  changed(): void {
    this.opts.onChange(this.state());
  }

  private release(track: MediaStreamTrack): void {
    const listener = this.endedListeners.get(track);
    if (listener) track.removeEventListener('ended', listener);
    this.endedListeners.delete(track);
    track.stop();
  }
}
