import { describe, expect, it } from 'vitest';
import { ageInChina } from './patient-age';

describe('ageInChina', () => {
  it('turns a year older at 00:00 China time on the birthday, not at 08:00', () => {
    // 2026-03-12 00:30 in Shanghai is still 2026-03-11 in UTC.
    expect(ageInChina('1956-03-12', new Date('2026-03-11T16:30:00Z'))).toBe(70);
    expect(ageInChina('1956-03-12', new Date('2026-03-11T15:30:00Z'))).toBe(69);
  });

  it('answers null for a missing or malformed birth date, or one in the future', () => {
    expect(ageInChina(null)).toBeNull();
    expect(ageInChina('12/03/1956')).toBeNull();
    expect(ageInChina('2099-01-01', new Date('2026-01-01T00:00:00Z'))).toBeNull();
  });
});
