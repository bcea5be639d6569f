import { describe, expect, it } from 'vitest';
import { caseClock, currentCase, movedOrder } from './case-clock';

const started = '2030-01-01T06:00:00.000Z';
const at = (iso: string) => Date.parse(iso);

describe('case clock', () => {
  it('counts down the time box against the server clock', () => {
    const clock = caseClock({ startedAt: started, minutes: 15, doneAt: null }, at('2030-01-01T06:04:30.000Z'), 0);
    expect(clock).toEqual({ remainingMs: 630_000, overtime: false, label: '10:30' });
  });

  it('shows the time over once the box is spent (not enforced)', () => {
    const clock = caseClock({ startedAt: started, minutes: 10, doneAt: null }, at('2030-01-01T06:12:05.000Z'), 0);
    expect(clock?.overtime).toBe(true);
    expect(clock?.label).toBe('02:05');
  });

  it('uses the skew so a browser with a wrong clock shows the same figure', () => {
    const browserNow = at('2030-01-01T05:00:00.000Z');
    const skew = at('2030-01-01T06:05:00.000Z') - browserNow;
    expect(caseClock({ startedAt: started, minutes: 15, doneAt: null }, browserNow, skew)?.label).toBe('10:00');
  });

  it('freezes a finished case at its end and has no clock before the start', () => {
    expect(caseClock({ startedAt: started, minutes: 15, doneAt: '2030-01-01T06:20:00.000Z' }, at('2030-01-02T00:00:00.000Z'), 0)?.label).toBe('05:00');
    expect(caseClock({ startedAt: null, minutes: 15, doneAt: null }, 0, 0)).toBeNull();
  });
});

describe('case list helpers', () => {
  const cases = [
    { id: 'a', status: 'done' as const },
    { id: 'b', status: 'current' as const },
    { id: 'c', status: 'queued' as const },
    { id: 'd', status: 'queued' as const },
  ];
  it('finds the current case', () => expect(currentCase(cases)?.id).toBe('b'));
  it('moves a queued case among the queued ones only', () => {
    expect(movedOrder(cases, 'd', -1)).toEqual(['d', 'c']);
    expect(movedOrder(cases, 'c', -1)).toBeNull();
    expect(movedOrder(cases, 'b', 1)).toBeNull();
  });
});

describe('weekday helpers', () => {
  it('finds the next sitting on the board’s weekday, today included', async () => {
    const { nextSitting } = await import('./weekday');
    // 2030-01-01 is a Tuesday (ISO 2).
    expect(nextSitting(2, '2030-01-01')).toBe('2030-01-01');
    expect(nextSitting(3, '2030-01-01')).toBe('2030-01-02');
    expect(nextSitting(1, '2030-01-01')).toBe('2030-01-07');
    expect(nextSitting(7, '2030-01-01')).toBe('2030-01-06');
  });
});
