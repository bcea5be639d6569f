import { DATA_LABELS, VitalsNumbersMessageSchema, type VitalsScenario } from '@cloudclinic/shared';
import { Emitter } from '../../media/emitter';
import { alarmsFor, type Alarm } from './alarms';
import { decodeEcgFrame } from './ecg-codec';
import { SequenceGuard } from './sequence-guard';
import type { VitalNumbers } from './vitals-simulator';

export interface VitalsFeedState {
  numbers: VitalNumbers | null;
  /** Sender time of the numbers shown (ms). */
  at: number | null;
  scenario: VitalsScenario | null;
  alarms: Alarm[];
  /** No numbers for a while (link down or monitor off): show them as old. */
  stale: boolean;
  numbersSeq: number;
  ecgSeq: number;
  ecgFrames: number;
  /** Messages that arrived after a newer one and were dropped. */
  late: number;
}

export interface DataMessage {
  peerId: string;
  label: string;
  data: string | ArrayBuffer;
}

const STALE_MS = 5000;
/** ECG history kept for the strip (seconds). */
const ECG_SECONDS = 12;
/** A gap longer than this is not drawn as flat line time (the sender was away). */
const MAX_GAP_SECONDS = 2;

/**
 * The ECG samples for the sweeping strip: a ring of the last seconds, where a lost frame leaves
 * a gap (NaN) of its length so the trace keeps true time rather than closing up.
 */
export class EcgBuffer {
  readonly samples: Float32Array;
  /** Total samples ever written (position of the sweep). */
  written = 0;
  sampleRate: number;

  constructor(sampleRate = 250) {
    this.sampleRate = sampleRate;
    this.samples = new Float32Array(sampleRate * ECG_SECONDS);
  }

  push(values: readonly number[]): void {
    for (const v of values) {
      this.samples[this.written % this.samples.length] = v;
      this.written += 1;
    }
  }

  gap(count: number): void {
    const n = Math.min(count, this.sampleRate * MAX_GAP_SECONDS);
    for (let i = 0; i < n; i += 1) {
      this.samples[this.written % this.samples.length] = Number.NaN;
      this.written += 1;
    }
  }

  /** Sample `index` (absolute), or NaN when it is not in the ring any more. */
  at(index: number): number {
    if (index < 0 || index >= this.written || this.written - index > this.samples.length) return Number.NaN;
    return this.samples[index % this.samples.length] ?? Number.NaN;
  }
}

/**
 * The expert's view of a field monitor: validates and orders what arrives on the vitals data
 * channels (never renders a message older than one already shown), raises alarms, and keeps the
 * ECG for the strip. Plain TypeScript; `useVitalsFeed` binds it to React.
 */
export class VitalsFeed {
  readonly events = new Emitter<{ change: VitalsFeedState }>();
  readonly ecg = new EcgBuffer();
  private readonly numbersGuard = new SequenceGuard();
  private readonly ecgGuard = new SequenceGuard();
  private lastEcg: { stream: number; seq: number; count: number } | null = null;
  private state: VitalsFeedState = { numbers: null, at: null, scenario: null, alarms: [], stale: true, numbersSeq: -1, ecgSeq: -1, ecgFrames: 0, late: 0 };
  private lastNumbersAt = 0;

  constructor(private readonly peerId: () => string | null) {}

  get snapshot(): VitalsFeedState {
    return this.state;
  }

  handle(m: DataMessage, now = Date.now()): void {
    const peer = this.peerId();
    if (peer !== null && m.peerId !== peer) return;
    if (m.label === DATA_LABELS.vitalsNumbers) this.onNumbers(m.data, now);
    else if (m.label === DATA_LABELS.vitalsEcg) this.onEcg(m.data);
  }

  /** Called periodically: marks the numbers stale after a silence. */
  tick(now = Date.now()): void {
    const stale = now - this.lastNumbersAt > STALE_MS;
    if (stale !== this.state.stale) this.set({ stale });
  }

  private onNumbers(data: string | ArrayBuffer, now: number): void {
    if (typeof data !== 'string' || data.length > 4096) return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = VitalsNumbersMessageSchema.safeParse(json);
    if (!parsed.success) return;
    const msg = parsed.data;
    if (!this.numbersGuard.accept(msg.stream, msg.seq)) return this.set({ late: this.late() });
    this.lastNumbersAt = now;
    const numbers: VitalNumbers = { hr: msg.hr, spo2: msg.spo2, sys: msg.sys, dia: msg.dia, rr: msg.rr, temp: msg.temp };
    this.set({ numbers, at: msg.at, scenario: msg.scenario ?? null, alarms: alarmsFor(numbers), stale: false, numbersSeq: msg.seq, late: this.late() });
  }

  private onEcg(data: string | ArrayBuffer): void {
    const frame = decodeEcgFrame(data);
    if (!frame) return;
    if (!this.ecgGuard.accept(frame.stream, frame.seq)) return this.set({ late: this.late() });
    this.ecg.sampleRate = frame.sampleRate;
    const prev = this.lastEcg;
    if (prev && prev.stream === frame.stream && frame.seq > prev.seq + 1) this.ecg.gap((frame.seq - prev.seq - 1) * prev.count);
    this.lastEcg = { stream: frame.stream, seq: frame.seq, count: frame.samples.length };
    this.ecg.push(frame.samples);
    this.set({ ecgSeq: frame.seq, ecgFrames: this.state.ecgFrames + 1 });
  }

  private late(): number {
    return this.numbersGuard.late + this.ecgGuard.late;
  }

  private set(patch: Partial<VitalsFeedState>): void {
    this.state = { ...this.state, ...patch };
    this.events.emit('change', this.state);
  }
}
