/** What the room shows: `connecting` until media first flows; `connected` only while it flows. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

/**
 * Why the room is not (or no longer) connected, for the banner:
 *  - `media_connecting`: joined, audio/video not arriving yet;  `media_blocked`: still not after
 *    `MEDIA_START_TIMEOUT_MS` (firewall, no TURN) — shown with what to try, retried meanwhile;
 *  - `offline`: the browser reports no network;  `network`: the signaling socket is down;
 *  - `media`: the audio/video path (ICE) is interrupted;  `media_restart`: the server's media
 *    process restarted;  `rejoining`: joining again after one of these;
 *  - `timeout`: still trying, but for a long time;  `auth`, `forbidden`, `not_found`, `ended`,
 *    `replaced`, `left`, `error`: final (the room was left).
 */
export type ConnectionReason =
  | 'media_connecting'
  | 'media_blocked'
  | 'offline'
  | 'network'
  | 'media'
  | 'media_restart'
  | 'rejoining'
  | 'timeout'
  | 'auth'
  | 'forbidden'
  | 'not_found'
  | 'ended'
  | 'replaced'
  | 'left'
  | 'error';

export interface ConnectionSnapshot {
  state: ConnectionState;
  reason: ConnectionReason | null;
}

/** After this long without recovering, `reconnecting` becomes `failed` (while retrying on). */
export const GIVE_UP_AFTER_MS = 45_000;

/** Joined this long with no audio or video arriving: say so, with what to try. */
export const MEDIA_START_TIMEOUT_MS = 8000;

/**
 * The media path of the current join: `pending` (nothing arrived yet), `flowing` (bytes rising, or
 * nothing to carry), `stalled` (it flowed, then stopped).
 */
export type MediaFlow = 'pending' | 'flowing' | 'stalled';

/**
 * Folds the separate facts (browser online, socket up, joined, ICE healthy) into one state.
 * Pure apart from the injected clock, so the rules are unit-tested.
 */
export class ConnectionTracker {
  private online = true;
  private socketUp = false;
  private joined = false;
  private everJoined = false;
  private everFlowed = false;
  private media: MediaFlow = 'pending';
  private joinedAt: number | null = null;
  private readonly iceTrouble = new Set<string>();
  private lastReason: ConnectionReason | null = null;
  private final: ConnectionReason | null = null;
  private troubleSince: number | null = null;
  private readonly startedAt: number;

  constructor(private readonly now: () => number = Date.now) {
    this.startedAt = now();
  }

  setOnline(online: boolean): void {
    this.online = online;
    if (!online) this.trouble('offline');
  }

  setSocket(up: boolean): void {
    this.socketUp = up;
    if (!up) this.trouble('network');
  }

  /** Joined (media set up) or not; `reason` explains a session that went down. */
  setJoined(joined: boolean, reason?: ConnectionReason): void {
    this.joined = joined;
    this.media = 'pending';
    if (joined) {
      this.everJoined = true;
      this.joinedAt = this.now();
      this.iceTrouble.clear();
    } else if (reason) this.trouble(reason);
  }

  /** What the current join carries (see `MediaFlow`); `connected` needs `flowing`. */
  setMedia(media: MediaFlow): void {
    this.media = media;
    if (media === 'flowing' && this.joined) this.everFlowed = true;
    if (media === 'stalled') this.trouble('media');
  }

  setIceTrouble(transportId: string, trouble: boolean): void {
    if (trouble) {
      this.iceTrouble.add(transportId);
      this.trouble('media');
    } else this.iceTrouble.delete(transportId);
  }

  /** The room was left for good (by the user or the server): no more retries. */
  setFinal(reason: ConnectionReason): void {
    this.final = reason;
  }

  get isFinal(): boolean {
    return this.final !== null;
  }

  snapshot(): ConnectionSnapshot {
    if (this.final) return { state: 'failed', reason: this.final };
    const linked = this.online && this.socketUp && this.joined && this.iceTrouble.size === 0;
    if (linked && this.media === 'flowing') {
      this.everFlowed = true;
      this.troubleSince = null;
      this.lastReason = null;
      return { state: 'connected', reason: null };
    }
    if (linked && !this.everFlowed) {
      const blocked = this.now() - (this.joinedAt ?? this.now()) >= MEDIA_START_TIMEOUT_MS;
      return { state: 'connecting', reason: blocked ? 'media_blocked' : 'media_connecting' };
    }
    if (linked) {
      this.troubleSince ??= this.now();
      if (this.now() - this.troubleSince >= GIVE_UP_AFTER_MS) return { state: 'failed', reason: 'timeout' };
      return { state: 'reconnecting', reason: 'media' };
    }
    const reason = !this.online ? 'offline' : !this.socketUp ? 'network' : this.lastReason;
    if (!this.everJoined) {
      if (this.now() - this.startedAt >= GIVE_UP_AFTER_MS) return { state: 'failed', reason: 'timeout' };
      return { state: 'connecting', reason: this.online ? null : 'offline' };
    }
    this.troubleSince ??= this.now();
    if (this.now() - this.troubleSince >= GIVE_UP_AFTER_MS) return { state: 'failed', reason: 'timeout' };
    return { state: 'reconnecting', reason: reason ?? 'rejoining' };
  }

  private trouble(reason: ConnectionReason): void {
    this.lastReason = reason;
    if (this.everJoined) this.troubleSince ??= this.now();
  }
}
