import { describe, expect, it } from 'vitest';
import { formatDicomDate, formatDicomTime, formatPersonName, parseAge, parsePersonName, personName } from './dicom-json';

describe('DICOM JSON values', () => {
  it('shows a Chinese name the Chinese way, with its alphabetic form beside it', () => {
    const ds = { '00100010': { vr: 'PN', Value: [{ Alphabetic: 'Li^Xiuying', Ideographic: '李^秀英' }] } };
    expect(formatPersonName(personName(ds, '00100010'))).toEqual({ primary: '李秀英', secondary: 'Li Xiuying' });
  });

  it('reads PN in its string form and alphabetic-only names', () => {
    expect(parsePersonName('Wang^Jianguo=王^建国')).toEqual({ alphabetic: 'Wang^Jianguo', ideographic: '王^建国', phonetic: null });
    expect(formatPersonName(parsePersonName('Smith^John^^Dr'))).toEqual({ primary: 'Dr Smith John', secondary: null });
    expect(formatPersonName(personName({}, '00100010'))).toEqual({ primary: '', secondary: null });
  });

  it('formats dates, times and ages', () => {
    expect(formatDicomDate('20261105')).toBe('2026-11-05');
    expect(formatDicomTime('093012.123')).toBe('09:30');
    expect(parseAge('069Y')).toEqual({ value: 69, unit: 'Y' });
    expect(parseAge('7Y')).toBeNull();
  });
});
