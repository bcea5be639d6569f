import { describe, expect, it } from 'vitest';
import { clinicDaysInRange, trackingRange, TrackingQuerySchema } from './tracking';

describe('the tracking range', () => {
  it('defaults to the 30 clinic days ending today, or ending on `to`', () => {
    expect(trackingRange({}, '2026-03-15')).toEqual({ ok: true, from: '2026-02-14', to: '2026-03-15', days: 30 });
    expect(trackingRange({ to: '2025-01-10' }, '2026-03-15')).toEqual({ ok: true, from: '2024-12-12', to: '2025-01-10', days: 30 });
    expect(trackingRange({ from: '2026-03-15' }, '2026-03-15')).toEqual({ ok: true, from: '2026-03-15', to: '2026-03-15', days: 1 });
  });

  it('allows 366 days at most, in order', () => {
    expect(clinicDaysInRange('2024-01-01', '2024-12-31')).toBe(366);
    expect(trackingRange({ from: '2024-01-01', to: '2024-12-31' }, '2026-01-01')).toMatchObject({ ok: true, days: 366 });
    expect(trackingRange({ from: '2024-01-01', to: '2025-01-01' }, '2026-01-01').ok).toBe(false);
    expect(trackingRange({ from: '2025-03-02', to: '2025-03-01' }, '2026-01-01').ok).toBe(false);
    expect(trackingRange({ from: '2026-03-16' }, '2026-03-15').ok).toBe(false);
  });

  it('takes real calendar days only, and nothing else', () => {
    expect(TrackingQuerySchema.safeParse({ from: '2025-02-29' }).success).toBe(false);
    expect(TrackingQuerySchema.safeParse({ from: '2024-02-29' }).success).toBe(true);
    expect(TrackingQuerySchema.safeParse({ from: '2024-2-29' }).success).toBe(false);
    expect(TrackingQuerySchema.safeParse({ days: '7' }).success).toBe(false);
  });
});
