import { describe, expect, it } from 'vitest';
import { alarmsFor } from './alarms';
import { decodeEcgFrame, encodeEcgFrame } from './ecg-codec';
import { EcgSynth } from './ecg-synth';
import { SequenceGuard } from './sequence-guard';
import { VitalsFeed } from './vitals-feed';
import { VitalsSimulator } from './vitals-simulator';

function seeded(seed = 42): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

/** R peaks: local maxima above 0.7 mV at least 200 ms apart. */
function rPeaks(samples: number[], rate: number): number[] {
  const peaks: number[] = [];
  for (let i = 1; i < samples.length - 1; i += 1) {
    const v = samples[i] ?? 0;
    if (v > 0.7 && v >= (samples[i - 1] ?? 0) && v > (samples[i + 1] ?? 0) && (peaks.length === 0 || i - (peaks[peaks.length - 1] ?? 0) > rate * 0.2)) peaks.push(i);
  }
  return peaks;
}

describe('ECG synthesis', () => {
  it('beats at the requested rate with a P-QRS-T shape', () => {
    const synth = new EcgSynth({ sampleRate: 250, random: seeded() });
    const normal = synth.next(250 * 20, 75);
    const beats = rPeaks(normal, 250).length;
    expect(beats).toBeGreaterThanOrEqual(23);
    expect(beats).toBeLessThanOrEqual(27);
    // The QRS dominates; the S wave dips below the baseline; a T wave follows each R.
    expect(Math.max(...normal)).toBeGreaterThan(1);
    expect(Math.min(...normal)).toBeLessThan(-0.15);
    const tachy = new EcgSynth({ sampleRate: 250, random: seeded() }).next(250 * 20, 140);
    expect(rPeaks(tachy, 250).length).toBeGreaterThanOrEqual(44);
  });
});

describe('ECG frames', () => {
  it('round-trip through the binary codec at µV precision and reject garbage', () => {
    const frame = { stream: 0xdeadbeef, seq: 123456, sampleRate: 250, t0: 1_790_000_000_123.5, samples: [0, 1.2, -0.25, 0.0004] };
    const decoded = decodeEcgFrame(encodeEcgFrame(frame));
    expect(decoded).toMatchObject({ stream: 0xdeadbeef, seq: 123456, sampleRate: 250, t0: frame.t0 });
    expect(decoded?.samples).toEqual([0, 1.2, -0.25, 0]);
    expect(decodeEcgFrame('{"not":"binary"}')).toBeNull();
    expect(decodeEcgFrame(new ArrayBuffer(10))).toBeNull();
    const truncated = encodeEcgFrame(frame).slice(0, 25);
    expect(decodeEcgFrame(truncated)).toBeNull();
  });
});

describe('ordering', () => {
  it('drops anything not newer than what was shown, and restarts with a new stream', () => {
    const g = new SequenceGuard();
    expect([1, 2, 4, 3, 4, 5].map((s) => g.accept(7, s))).toEqual([true, true, true, false, false, true]);
    expect(g.late).toBe(2);
    expect(g.accept(8, 0)).toBe(true); // the sender restarted
  });

  it('never renders vitals out of order and keeps ECG time across lost frames', () => {
    const feed = new VitalsFeed(() => 'field-peer');
    const numbers = (seq: number, hr: number) =>
      JSON.stringify({ type: 'vitals', stream: 1, seq, at: 1000 + seq, hr, spo2: 97, sys: null, dia: null, rr: 16, temp: 36.8 });
    const shown: number[] = [];
    feed.events.on('change', (s) => shown.push(s.numbers?.hr ?? -1));
    for (const [seq, hr] of [[0, 70], [2, 72], [1, 71], [3, 73]] as const) feed.handle({ peerId: 'field-peer', label: 'vitals.numbers', data: numbers(seq, hr) });
    expect(feed.snapshot.numbers?.hr).toBe(73);
    expect(shown.filter((v, i) => i === 0 || v !== shown[i - 1])).toEqual([70, 72, 73]);
    expect(feed.snapshot.late).toBe(1);
    // Another peer and malformed data are ignored.
    feed.handle({ peerId: 'someone-else', label: 'vitals.numbers', data: numbers(10, 200) });
    feed.handle({ peerId: 'field-peer', label: 'vitals.numbers', data: '{"type":"vitals","seq":"x"}' });
    expect(feed.snapshot.numbers?.hr).toBe(73);

    const ecg = (seq: number) => encodeEcgFrame({ stream: 9, seq, sampleRate: 250, t0: seq * 40, samples: Array(10).fill(0.5) });
    for (const seq of [0, 1, 3, 2, 4]) feed.handle({ peerId: 'field-peer', label: 'vitals.ecg', data: ecg(seq) });
    // Frames 0, 1, 3, 4 drawn; 2 came late and was dropped; its 10 samples are a gap, not squeezed out.
    expect(feed.snapshot.ecgFrames).toBe(4);
    expect(feed.ecg.written).toBe(50);
    expect(Number.isNaN(feed.ecg.at(25))).toBe(true);
    expect(feed.ecg.at(35)).toBeCloseTo(0.5);
  });

  it('marks the numbers stale after a silence', () => {
    const feed = new VitalsFeed(() => null);
    feed.handle({ peerId: 'p', label: 'vitals.numbers', data: JSON.stringify({ type: 'vitals', stream: 1, seq: 0, at: 0, hr: 80, spo2: 98, sys: 120, dia: 80, rr: 16, temp: 36.6 }) }, 10_000);
    feed.tick(12_000);
    expect(feed.snapshot.stale).toBe(false);
    feed.tick(16_000);
    expect(feed.snapshot.stale).toBe(true);
  });
});

describe('alarms and scenarios', () => {
  it('alarms on the adult limits, high priority first', () => {
    expect(alarmsFor({ hr: 76, spo2: 98, sys: 120, dia: 80, rr: 16, temp: 36.8 })).toEqual([]);
    const keys = alarmsFor({ hr: 131, spo2: 87, sys: 185, dia: 100, rr: 16, temp: 39 }).map((a) => a.key);
    expect(keys).toEqual(['hrHigh', 'spo2Low', 'sysHigh', 'tempHigh']);
    expect(alarmsFor({ hr: 45, spo2: null, sys: null, dia: null, rr: null, temp: null }).map((a) => a.key)).toEqual(['hrLow']);
  });

  it('drifts into tachycardia and desaturation over tens of seconds, not at once', () => {
    const sim = new VitalsSimulator('normal', seeded(), 0);
    sim.setScenario('tachycardia');
    expect(sim.read(1000).hr).toBeLessThan(90);
    let t = 1000;
    for (; t <= 90_000; t += 1000) sim.read(t);
    expect(alarmsFor(sim.read(t)).map((a) => a.key)).toContain('hrHigh');
    sim.setScenario('desaturation');
    for (; t <= 200_000; t += 1000) sim.read(t);
    const n = sim.read(t);
    expect(n.spo2).toBeLessThan(90);
    expect(n.sys).not.toBeNull();
  });
});
