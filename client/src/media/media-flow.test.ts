import { describe, expect, it } from 'vitest';
import { FlowMonitor, type StreamSample } from './media-flow';

const sample = (bytes: number | undefined, expected = true): ReadonlyMap<string, StreamSample> => new Map([['c1', { bytes, expected }]]);

describe('FlowMonitor: connected means bytes arriving', () => {
  it('is connecting until bytes arrive, then flowing', () => {
    const m = new FlowMonitor({ startTimeoutMs: 8000, stallMs: 3000 });
    m.add('c1', 0);
    expect(m.update(1000, sample(0)).size).toBe(0);
    expect(m.state('c1')).toBe('connecting');
    expect(m.summary()).toBe('pending');
    expect(m.update(2000, sample(1200))).toEqual(new Map([['c1', 'flowing']]));
    expect(m.summary()).toBe('flowing');
  });

  it('fails to start after the bound, and recovers if bytes come later', () => {
    const m = new FlowMonitor({ startTimeoutMs: 8000, stallMs: 3000 });
    m.add('c1', 0);
    m.update(7999, sample(undefined));
    expect(m.state('c1')).toBe('connecting');
    m.update(8000, sample(undefined));
    expect(m.state('c1')).toBe('failed');
    m.update(9000, sample(500));
    expect(m.state('c1')).toBe('flowing');
  });

  it('stalls when bytes stop rising (frozen video is not "connected")', () => {
    const m = new FlowMonitor({ startTimeoutMs: 8000, stallMs: 3000 });
    m.add('c1', 0);
    m.update(1000, sample(100));
    m.update(3999, sample(100));
    expect(m.state('c1')).toBe('flowing');
    m.update(4000, sample(100));
    expect(m.state('c1')).toBe('stalled');
    expect(m.summary()).toBe('stalled');
    m.update(5000, sample(200));
    expect(m.state('c1')).toBe('flowing');
  });

  it('does not call a paused stream stalled, and restarts the clock on resume', () => {
    const m = new FlowMonitor({ startTimeoutMs: 8000, stallMs: 3000 });
    m.add('c1', 0);
    m.update(1000, sample(100));
    m.update(20_000, sample(100, false));
    expect(m.state('c1')).toBe('flowing');
    m.update(22_000, sample(100, true));
    expect(m.state('c1')).toBe('flowing');
    m.update(23_000, sample(100, true));
    expect(m.state('c1')).toBe('stalled');
  });

  it('summarises no streams as none and forgets removed ones', () => {
    const m = new FlowMonitor();
    expect(m.summary()).toBe('none');
    m.add('c1', 0);
    m.remove('c1');
    expect(m.summary()).toBe('none');
  });
});
