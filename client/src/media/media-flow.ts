/**
 * Whether media is really arriving, from cumulative byte counters (inbound-rtp `bytesReceived`)
 * sampled about once a second. A joined room is not a connected one: a stream is `flowing` only
 * while its bytes rise.
 *  - `connecting`: nothing received yet;  `failed`: nothing received within `startTimeoutMs`
 *    (still watched: bytes arriving later make it `flowing`);
 *  - `stalled`: was flowing, no new bytes for `stallMs` (a frozen picture, a stopped SFU, a lost link).
 */
export type FlowState = 'connecting' | 'flowing' | 'stalled' | 'failed';

export interface FlowTimings {
  startTimeoutMs: number;
  stallMs: number;
}

export const FLOW_TIMINGS: FlowTimings = { startTimeoutMs: 8000, stallMs: 3000 };

interface Stream {
  since: number;
  bytes: number;
  lastProgress: number | null;
  state: FlowState;
}

export interface StreamSample {
  /** Cumulative bytes received (undefined: no stats for it yet). */
  bytes: number | undefined;
  /** Should be arriving now (false while paused by its sender or by audio-only). */
  expected: boolean;
}

/** Tracks every received stream by id; `update` returns the streams whose state changed. */
export class FlowMonitor {
  private readonly streams = new Map<string, Stream>();

  constructor(private readonly timings: FlowTimings = FLOW_TIMINGS) {}

  add(id: string, now: number): void {
    if (!this.streams.has(id)) this.streams.set(id, { since: now, bytes: 0, lastProgress: null, state: 'connecting' });
  }

  remove(id: string): void {
    this.streams.delete(id);
  }

  clear(): void {
    this.streams.clear();
  }

  state(id: string): FlowState | undefined {
    return this.streams.get(id)?.state;
  }

  update(now: number, samples: ReadonlyMap<string, StreamSample>): Map<string, FlowState> {
    const changed = new Map<string, FlowState>();
    for (const [id, stream] of this.streams) {
      const sample = samples.get(id);
      const next = this.next(stream, now, sample);
      if (next !== stream.state) {
        stream.state = next;
        changed.set(id, next);
      }
    }
    return changed;
  }

  /** The room's media: `flowing` if any expected stream flows; `stalled` if every one that flowed stopped. */
  summary(): 'none' | 'pending' | 'flowing' | 'stalled' {
    const states = [...this.streams.values()].map((s) => s.state);
    if (states.length === 0) return 'none';
    if (states.includes('flowing')) return 'flowing';
    if (states.includes('stalled')) return 'stalled';
    return 'pending';
  }

  private next(stream: Stream, now: number, sample: StreamSample | undefined): FlowState {
    const bytes = sample?.bytes ?? stream.bytes;
    if (bytes > stream.bytes) {
      stream.bytes = bytes;
      stream.lastProgress = now;
      return 'flowing';
    }
    if (sample && !sample.expected) {
      // Paused on purpose: not a fault. Start counting again from now when it resumes.
      if (stream.lastProgress !== null) stream.lastProgress = now;
      else stream.since = now;
      return stream.state === 'stalled' ? 'flowing' : stream.state;
    }
    if (stream.lastProgress === null) return now - stream.since >= this.timings.startTimeoutMs ? 'failed' : 'connecting';
    return now - stream.lastProgress >= this.timings.stallMs ? 'stalled' : 'flowing';
  }
}
