import { describe, expect, it } from 'vitest';
import { minutesSince, shanghaiDate, shanghaiDateTime, shanghaiDayRange } from './clinic-time';

describe('clinic time (Asia/Shanghai)', () => {
  it('uses the Shanghai calendar day, not the browser’s', () => {
    expect(shanghaiDate(new Date('2026-11-22T17:30:00Z'))).toBe('2026-11-23');
    expect(shanghaiDate(new Date('2026-11-22T15:30:00Z'))).toBe('2026-11-22');
  });

  it('builds offset timestamps and day ranges', () => {
    expect(shanghaiDateTime('2026-11-23', '08:30')).toBe('2026-11-23T08:30:00+08:00');
    expect(shanghaiDayRange('2026-11-23')).toEqual({ from: '2026-11-22T16:00:00.000Z', to: '2026-11-23T16:00:00.000Z' });
  });

  it('counts waiting minutes', () => {
    const now = Date.parse('2026-11-23T02:10:30Z');
    expect(minutesSince('2026-11-23T02:00:00Z', now)).toBe(10);
    expect(minutesSince(null, now)).toBeNull();
    expect(minutesSince('2026-11-23T03:00:00Z', now)).toBe(0);
  });
});
