import { describe, expect, it } from 'vitest';
import { matchesDate, parseDateRange } from './date-range';

const range = (v: string) => {
  const r = parseDateRange(v);
  if (!r) throw new Error(`unparsed ${v}`);
  return r;
};

describe('date search ranges', () => {
  it('reads every FHIR precision as a range, in China time without a zone', () => {
    expect(range('2024').hi - range('2024').lo).toBe(366 * 24 * 3600 * 1000);
    expect(range('2024-02').hi - range('2024-02').lo).toBe(29 * 24 * 3600 * 1000);
    expect(range('2024-12').hi).toBe(Date.parse('2025-01-01T00:00:00+08:00'));
    expect(range('2024-03-05').lo).toBe(Date.parse('2024-03-04T16:00:00Z'));
    expect(range('2024-03-05T09:30:00Z').lo).toBe(Date.parse('2024-03-05T09:30:00Z'));
    expect(parseDateRange('2024-13-01')).toBeNull();
    expect(parseDateRange('yesterday')).toBeNull();
  });

  it('applies the prefixes as FHIR describes them', () => {
    const visit = range('2024-03-05T09:30:00+08:00');
    expect(matchesDate(visit, 'eq', range('2024-03-05'))).toBe(true);
    expect(matchesDate(visit, 'eq', range('2024-03-06'))).toBe(false);
    expect(matchesDate(visit, 'ne', range('2024-03-06'))).toBe(true);
    expect(matchesDate(visit, 'ge', range('2024-03-05'))).toBe(true);
    expect(matchesDate(visit, 'gt', range('2024-03-05'))).toBe(false);
    expect(matchesDate(visit, 'gt', range('2024-03-04'))).toBe(true);
    expect(matchesDate(visit, 'le', range('2024-03-05'))).toBe(true);
    expect(matchesDate(visit, 'lt', range('2024-03-05'))).toBe(false);
    expect(matchesDate(visit, 'lt', range('2024-03-06'))).toBe(true);
  });
});
