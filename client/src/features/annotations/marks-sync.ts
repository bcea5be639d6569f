import { DATA_CHANNEL_RELIABILITY, DATA_LABELS, MarksMessageSchema, type Mark } from '@cloudclinic/shared';
import type { DataSender } from '../../media/data-channels';
import type { MarksState } from './marks-model';

/** The whole state is resent this often, so a field doctor who (re)joins sees the marks at once. */
const REFRESH_MS = 3000;

/** Which video the marks are on: the camera (`marks`) or the second source (`marks.camera2`). */
export type MarksLabel = typeof DATA_LABELS.marks | typeof DATA_LABELS.marksCamera2;

export interface MarksChannels {
  sender(label: string, opts: (typeof DATA_CHANNEL_RELIABILITY)['marks']): DataSender;
}

/**
 * Expert side: sends the marks state — whole, with its revision — on every change and every few
 * seconds. Whole-state messages make undo, clear and late joiners trivial and are small (a few KB).
 */
export class MarksPublisher {
  private readonly stream = Math.floor(Math.random() * 0xffff_ffff);
  private readonly sender: DataSender;
  private state: MarksState | null = null;
  private target: string | null = null;
  private readonly timer: ReturnType<typeof setInterval>;

  /** `label`: `marks` (the camera, default) or `marks.camera2` (the second video source). */
  constructor(channels: MarksChannels, label: MarksLabel = DATA_LABELS.marks) {
    this.sender = channels.sender(label, DATA_CHANNEL_RELIABILITY[label]);
    this.timer = setInterval(() => this.send(), REFRESH_MS);
  }

  publish(state: MarksState, targetUserId: string | null): void {
    this.state = state;
    this.target = targetUserId;
    this.send();
  }

  close(): void {
    clearInterval(this.timer);
  }

  private send(): void {
    if (!this.state || !this.target) return;
    this.sender.send(JSON.stringify({ type: 'marks', stream: this.stream, rev: this.state.rev, targetUserId: this.target, marks: this.state.marks }));
  }
}

interface FromPeer {
  stream: number;
  rev: number;
  marks: readonly Mark[];
}

/**
 * Field side: the marks each expert drew on this field doctor's video, newest revision per expert
 * (an older or repeated one is ignored, so nothing ever jumps back). Only the experts present
 * (`retain`) are listened to: the SFU forwards any participant's data channel.
 */
export class MarksReceiver {
  private readonly byPeer = new Map<string, FromPeer>();
  private allowed: ReadonlySet<string> = new Set();

  constructor(
    private readonly selfUserId: string,
    private readonly label: MarksLabel = DATA_LABELS.marks,
  ) {}

  /** Returns true when what should be shown changed. */
  handle(peerId: string, label: string, data: string | ArrayBuffer): boolean {
    if (label !== this.label || !this.allowed.has(peerId) || typeof data !== 'string' || data.length > 256 * 1024) return false;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return false;
    }
    const parsed = MarksMessageSchema.safeParse(json);
    if (!parsed.success || parsed.data.targetUserId !== this.selfUserId) return false;
    const msg = parsed.data;
    const prev = this.byPeer.get(peerId);
    if (prev && prev.stream === msg.stream && msg.rev <= prev.rev) return false;
    this.byPeer.set(peerId, { stream: msg.stream, rev: msg.rev, marks: msg.marks });
    return true;
  }

  /** The experts present: only their marks are accepted and shown. */
  retain(peerIds: ReadonlySet<string>): boolean {
    this.allowed = peerIds;
    let changed = false;
    for (const id of [...this.byPeer.keys()]) {
      if (!peerIds.has(id)) {
        this.byPeer.delete(id);
        changed = true;
      }
    }
    return changed;
  }

  marks(): Mark[] {
    return [...this.byPeer.values()].flatMap((p) => p.marks);
  }

  /** Sum of revisions (changes whenever anything shown changes): for tests and debugging. */
  revision(): number {
    let rev = 0;
    for (const p of this.byPeer.values()) rev += p.rev;
    return rev;
  }
}
