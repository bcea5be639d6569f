import { describe, expect, it } from 'vitest';
import { addClinicDays, ageInYears, ageOn, clinicDate, clinicDateTime, clinicDayRange, clinicLocalToIso, endOfClinicDay, isClinicDate } from './clinic-time';

describe('clinic time (Asia/Shanghai)', () => {
  it('is a year older from 00:00 China time on the birthday, although UTC is still the day before', () => {
    // 2026-11-23 00:30 in Shanghai is 2026-11-22 16:30 UTC.
    const justAfterMidnight = new Date('2026-11-22T16:30:00Z');
    expect(clinicDate(justAfterMidnight)).toBe('2026-11-23');
    expect(ageInYears('2016-11-23', justAfterMidnight)).toBe(10);
    expect(ageInYears('2016-11-23', new Date('2026-11-22T15:59:59Z'))).toBe(9);
    expect(ageInYears('2016-11-23', new Date('2026-11-23T07:59:00Z'))).toBe(10);
  });

  it('gives infants months and days, and null for an unknown or future birth date', () => {
    const now = new Date('2026-11-23T02:00:00Z');
    expect(ageOn('2026-05-10', now)).toEqual({ value: 6, unit: 'month' });
    expect(ageOn('2026-11-20', now)).toEqual({ value: 3, unit: 'day' });
    expect(ageInYears('2026-05-10', now)).toBe(0);
    expect(ageInYears(null, now)).toBeNull();
    expect(ageInYears('2027-01-01', now)).toBeNull();
    expect(ageInYears('not a date', now)).toBeNull();
  });

  it('ends the clinic day at 23:59:59.999 China time', () => {
    expect(endOfClinicDay(new Date('2026-11-23T15:30:00Z')).toISOString()).toBe('2026-11-23T15:59:59.999Z');
    expect(endOfClinicDay(new Date('2026-11-23T16:30:00Z')).toISOString()).toBe('2026-11-24T15:59:59.999Z');
    expect(endOfClinicDay(new Date('2026-11-23T01:00:00Z'), 3).toISOString()).toBe('2026-11-25T15:59:59.999Z');
  });

  it('gives a clinic day as the instants from 00:00 to 24:00 China time', () => {
    expect(clinicDayRange('2026-11-23')).toEqual({ from: new Date('2026-11-22T16:00:00Z'), to: new Date('2026-11-23T16:00:00Z') });
    expect(addClinicDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addClinicDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('accepts only real calendar days', () => {
    expect(isClinicDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-1-5', '20261123', '2026-11-23T00:00', '']) expect(isClinicDate(bad)).toBe(false);
    expect(() => clinicDayRange('2026-02-30')).toThrow(RangeError);
  });
});

describe('clinic wall-clock times', () => {
  it('reads a datetime-local value as Asia/Shanghai and writes an instant back as clinic time', () => {
    expect(clinicLocalToIso('2026-12-07T09:30')).toBe('2026-12-07T01:30:00.000Z');
    expect(clinicLocalToIso('2026-12-07T00:10')).toBe('2026-12-06T16:10:00.000Z');
    expect(clinicLocalToIso('2026-02-30T09:00')).toBeNull();
    expect(clinicLocalToIso('2026-12-07T24:00')).toBeNull();
    expect(clinicDateTime('2026-12-06T16:10:00.000Z')).toBe('2026-12-07 00:10');
  });
});
