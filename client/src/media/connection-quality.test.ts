import { describe, expect, it } from 'vitest';
import { assessQuality, classify, readStats } from './connection-quality';

/** RTCStatsReport is map-like; only `forEach` is used. */
const report = (...stats: Record<string, unknown>[]) => new Map(stats.map((s, i) => [String(i), s]));

describe('readStats', () => {
  it('takes RTT from the selected candidate pair and sums inbound-rtp counters over transports', () => {
    const send = report({ type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.05 });
    const recv = report(
      { type: 'candidate-pair', nominated: false, state: 'succeeded', currentRoundTripTime: 2 },
      { type: 'candidate-pair', selected: true, currentRoundTripTime: 0.12 },
      { type: 'inbound-rtp', kind: 'audio', packetsReceived: 100, packetsLost: 2 },
      { type: 'inbound-rtp', kind: 'video', packetsReceived: 900, packetsLost: 8 },
    );
    expect(readStats([send, recv])).toEqual({ rttMs: 120, packetsReceived: 1000, packetsLost: 10 });
  });

  it('falls back to remote-inbound-rtp RTT and reports null without any', () => {
    expect(readStats([report({ type: 'remote-inbound-rtp', roundTripTime: 0.3 })]).rttMs).toBe(300);
    expect(readStats([report({ type: 'inbound-rtp', packetsReceived: 5 })]).rttMs).toBeNull();
  });
});

describe('quality', () => {
  it('classifies by RTT and loss', () => {
    expect(classify(40, 0)).toBe('good');
    expect(classify(200, 0)).toBe('fair');
    expect(classify(40, 0.05)).toBe('fair');
    expect(classify(500, 0)).toBe('poor');
    expect(classify(40, 0.2)).toBe('poor');
    expect(classify(null, null)).toBe('unknown');
  });

  it('computes loss over the interval, not since the start', () => {
    const before = { rttMs: 50, packetsReceived: 1000, packetsLost: 500 };
    const after = { rttMs: 50, packetsReceived: 2000, packetsLost: 505 };
    expect(assessQuality(before, after)).toBe('good');
    expect(assessQuality(after, { rttMs: 50, packetsReceived: 2100, packetsLost: 555 })).toBe('poor');
  });

  it('ignores counters that went backwards (new transports after a rejoin)', () => {
    expect(assessQuality({ rttMs: 50, packetsReceived: 5000, packetsLost: 10 }, { rttMs: 50, packetsReceived: 10, packetsLost: 0 })).toBe('good');
  });
});
