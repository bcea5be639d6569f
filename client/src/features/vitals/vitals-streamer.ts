import { DATA_CHANNEL_RELIABILITY, DATA_LABELS, type VitalsNumbersMessage, type VitalsReading, type VitalsScenario } from '@cloudclinic/shared';
import type { DataSender } from '../../media/data-channels';
import { EcgSynth } from './ecg-synth';
import { encodeEcgFrame } from './ecg-codec';
import { VitalsSimulator, type VitalNumbers } from './vitals-simulator';

export const ECG_SAMPLE_RATE = 250;
/** 10 samples per frame: 25 frames a second, 42 bytes each. */
const ECG_FRAME_MS = 40;
const NUMBERS_MS = 1000;
/** A reading goes into the record this often. */
export const RECORD_INTERVAL_MS = 30_000;
/** An ECG frame waiting behind this much unsent data is already late: drop it at the source. */
const ECG_MAX_BUFFERED = 4 * 1024;

export interface VitalsChannels {
  sender(label: string, opts: (typeof DATA_CHANNEL_RELIABILITY)[keyof typeof DATA_CHANNEL_RELIABILITY]): DataSender;
}

export interface StreamerStats {
  numbers: VitalNumbers | null;
  scenario: VitalsScenario;
  ecgSent: number;
  ecgDropped: number;
  numbersSent: number;
}

/**
 * The field side: reads the (simulated) monitor and streams it — ECG frames every 40 ms on the
 * partially reliable channel, the numbers every second on the reliable one, each with a sequence
 * number — and hands a reading to `record` every 30 s for the consultation record.
 */
export class VitalsStreamer {
  private readonly stream = Math.floor(Math.random() * 0xffff_ffff);
  private readonly simulator: VitalsSimulator;
  private readonly synth = new EcgSynth({ sampleRate: ECG_SAMPLE_RATE });
  private readonly ecg: DataSender;
  private readonly numbers: DataSender;
  private timers: ReturnType<typeof setInterval>[] = [];
  private ecgSeq = 0;
  private numbersSeq = 0;
  private ecgStart = Date.now();
  private samplesSent = 0;
  private lastNumbers: VitalNumbers | null = null;
  private stats: StreamerStats;

  constructor(
    channels: VitalsChannels,
    private readonly record: (reading: VitalsReading) => void,
    private readonly onStats: (stats: StreamerStats) => void = () => undefined,
    scenario: VitalsScenario = 'normal',
  ) {
    this.simulator = new VitalsSimulator(scenario);
    this.ecg = channels.sender(DATA_LABELS.vitalsEcg, DATA_CHANNEL_RELIABILITY['vitals.ecg']);
    this.numbers = channels.sender(DATA_LABELS.vitalsNumbers, DATA_CHANNEL_RELIABILITY['vitals.numbers']);
    this.stats = { numbers: null, scenario, ecgSent: 0, ecgDropped: 0, numbersSent: 0 };
  }

  start(): void {
    if (this.timers.length) return;
    this.ecgStart = Date.now();
    this.samplesSent = 0;
    this.timers.push(setInterval(() => this.sendEcg(), ECG_FRAME_MS));
    this.timers.push(setInterval(() => this.sendNumbers(), NUMBERS_MS));
    this.timers.push(setInterval(() => this.recordReading(), RECORD_INTERVAL_MS));
    this.sendNumbers();
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
  }

  setScenario(scenario: VitalsScenario): void {
    this.simulator.setScenario(scenario);
    this.report({ scenario });
  }

  /** Samples due since the start (timers drift; the sample clock must not). */
  private sendEcg(): void {
    const due = Math.floor(((Date.now() - this.ecgStart) * ECG_SAMPLE_RATE) / 1000) - this.samplesSent;
    if (due <= 0) return;
    const count = Math.min(due, ECG_SAMPLE_RATE); // after a stall, at most 1 s at once
    const t0 = this.ecgStart + (this.samplesSent * 1000) / ECG_SAMPLE_RATE;
    const samples = this.synth.next(count, this.simulator.heartRate);
    this.samplesSent += due; // skipped samples (a stall) are not sent late
    const frame = encodeEcgFrame({ stream: this.stream, seq: this.ecgSeq++, sampleRate: ECG_SAMPLE_RATE, t0, samples });
    if (this.ecg.send(frame, { dropIfBufferedAbove: ECG_MAX_BUFFERED })) this.report({ ecgSent: this.stats.ecgSent + 1 });
    else this.report({ ecgDropped: this.stats.ecgDropped + 1 });
  }

  private sendNumbers(): void {
    const n = this.simulator.read();
    this.lastNumbers = n;
    const msg: VitalsNumbersMessage = { type: 'vitals', stream: this.stream, seq: this.numbersSeq++, at: Date.now(), ...n, scenario: this.simulator.current };
    const sent = this.numbers.send(JSON.stringify(msg));
    this.report({ numbers: n, numbersSent: this.stats.numbersSent + (sent ? 1 : 0) });
  }

  private recordReading(): void {
    const n = this.lastNumbers;
    if (!n) return;
    this.record({
      readingId: crypto.randomUUID(),
      takenAt: new Date().toISOString(),
      heartRate: n.hr,
      spo2: n.spo2,
      systolic: n.sys,
      diastolic: n.dia,
      respiratoryRate: n.rr,
      temperature: n.temp,
    });
  }

  private report(patch: Partial<StreamerStats>): void {
    this.stats = { ...this.stats, ...patch };
    this.onStats(this.stats);
  }
}
