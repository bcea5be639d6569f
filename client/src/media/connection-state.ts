/** What the room shows: `connecting` only during the first join. */
export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'failed';

/**
 * Why the room is not (or no longer) connected, for the banner:
 *  - `offline`: the browser reports no network;  `network`: the signaling socket is down;
 *  - `media`: the audio/video path (ICE) is interrupted;  `media_restart`: the server's media
 *    process restarted;  `rejoining`: joining again after one of these;
 *  - `timeout`: still trying, but for a long time;  `auth`, `forbidden`, `not_found`, `ended`,
 *    `replaced`, `left`, `error`: final (the room was left).
 */
export type ConnectionReason =
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

/**
 * Folds the separate facts (browser online, socket up, joined, ICE healthy) into one state.
 * Pure apart from the injected clock, so the rules are unit-tested.
 */
export class ConnectionTracker {
  private online = true;
  private socketUp = false;
  private joined = false;
  private everJoined = false;
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
    if (joined) {
      this.everJoined = true;
      this.iceTrouble.clear();
    } else if (reason) this.trouble(reason);
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
    const healthy = this.online && this.socketUp && this.joined && this.iceTrouble.size === 0;
    if (healthy) {
      this.troubleSince = null;
      this.lastReason = null;
      return { state: 'connected', reason: null };
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
