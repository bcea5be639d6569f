import { describe, expect, it } from 'vitest';
import { ageOn, dayOf, toEpoch } from './fhir-time';
import { decodeNoteText } from './note-text';
import { maskResidentId } from './patient-summary';
import { sparkline } from './sparkline';

describe('fhir-time', () => {
  it('reads dates as China midnight and instants in China time', () => {
    expect(toEpoch('2021-11-11')).toBe(Date.parse('2021-11-11T00:00:00+08:00'));
    expect(toEpoch('2021-11-11T08:30:00')).toBe(Date.parse('2021-11-11T08:30:00+08:00'));
    expect(dayOf('2021-11-10T16:30:00Z')).toBe('2021-11-11');
    expect(dayOf('2008-05')).toBe('2008-05');
    expect(toEpoch('not a date')).toBeNull();
  });

  it('computes completed age in years, months for infants, days for newborns', () => {
    const now = new Date('2026-11-23T02:00:00Z');
    expect(ageOn('1948-09-30', now)).toEqual({ value: 78, unit: 'year' });
    expect(ageOn('1948-11-24', now)).toEqual({ value: 77, unit: 'year' });
    expect(ageOn('2026-03-30', now)).toEqual({ value: 7, unit: 'month' });
    expect(ageOn('2026-11-20', now)).toEqual({ value: 3, unit: 'day' });
    expect(ageOn('2027-01-01', now)).toBeNull();
    expect(ageOn(undefined, now)).toBeNull();
  });
});

describe('maskResidentId', () => {
  it('keeps the first 6 and last 4 characters only', () => {
    expect(maskResidentId('33092219560312013X')).toBe('330922********013X');
    expect(maskResidentId('330922480930026')).toBe('330922********0026');
    expect(maskResidentId('1234567890')).toBe('********');
  });
});

describe('decodeNoteText', () => {
  it('decodes UTF-8 and the charset the content type names', () => {
    expect(decodeNoteText({ contentType: 'text/plain; charset=utf-8', data: btoa(String.fromCharCode(...new TextEncoder().encode('主诉：胸闷'))) })).toEqual({ status: 'ok', text: '主诉：胸闷' });
    expect(decodeNoteText({ contentType: 'text/plain; charset=GB18030', data: btoa(String.fromCharCode(0xc0, 0xee, 0xd0, 0xe3, 0xd3, 0xa2)) })).toEqual({ status: 'ok', text: '李秀英' });
  });

  it('reports notes it cannot show', () => {
    expect(decodeNoteText(undefined)).toEqual({ status: 'none' });
    expect(decodeNoteText({ contentType: 'application/pdf', data: 'JVBERi0=' })).toEqual({ status: 'unreadable' });
    expect(decodeNoteText({ contentType: 'text/plain', data: '%%%' })).toEqual({ status: 'unreadable' });
    expect(decodeNoteText({ contentType: 'text/plain; charset=utf-8', data: btoa(String.fromCharCode(0xff, 0xfe, 0xfd)) })).toEqual({ status: 'unreadable' });
  });
});

describe('sparkline', () => {
  const opts = { width: 100, height: 20, padding: 2 };
  const day = 86_400_000;

  it('draws time on x and value on y, highest value at the top', () => {
    const g = sparkline(
      [
        { at: 0, value: 1, abnormal: false },
        { at: 3 * day, value: 3, abnormal: true },
        { at: 4 * day, value: 2, abnormal: false },
      ],
      opts,
    );
    expect(g?.points).toEqual([
      { x: 2, y: 18, abnormal: false },
      { x: 74, y: 2, abnormal: true },
      { x: 98, y: 10, abnormal: false },
    ]);
    expect(g?.path).toBe('M2 18 L74 2 L98 10');
  });

  it('includes the reference range in the domain and draws it as a band', () => {
    const g = sparkline([{ at: 0, value: 10, abnormal: true }, { at: day, value: 8, abnormal: true }], { ...opts, low: 2, high: 6 });
    expect(g?.band).toEqual({ y: 10, height: 8 }); // 6 → 10, 2 → 18 on a 2..10 domain
  });

  it('centres a single value and draws nothing without numbers', () => {
    expect(sparkline([{ at: 0, value: 5, abnormal: false }], opts)?.points).toEqual([{ x: 50, y: 10, abnormal: false }]);
    expect(sparkline([], opts)).toBeNull();
  });
});
