import { describe, expect, it } from 'vitest';
import { recognitionCategory, recognitionOn, recognizedUntil, resultDay } from './mutual-recognition';

describe('检查检验结果互认', () => {
  it('sorts studies by modality and reports by service section, and leaves the rest off the list', () => {
    expect(recognitionCategory({ modalities: ['SR', 'CT'] })).toBe('ct');
    expect(recognitionCategory({ modalities: ['us'] })).toBe('ultrasound');
    expect(recognitionCategory({ modalities: ['ES'] })).toBeNull();
    expect(recognitionCategory({ section: 'LAB' })).toBe('lab');
    expect(recognitionCategory({ section: 'EC' })).toBeNull();
    expect(recognitionCategory({ section: null })).toBeNull();
  });

  it('accepts a CT for 30 days and a lab panel for 7, across a month end', () => {
    expect(recognizedUntil('ct', '2026-11-20')).toBe('2026-12-20');
    expect(recognizedUntil('lab', '2026-12-28')).toBe('2027-01-04');
    expect(recognizedUntil(null, '2026-12-01')).toBeNull();
    expect(recognizedUntil('ct', null)).toBeNull();
    expect(recognizedUntil('ct', '2026-02-30')).toBeNull();
  });

  it('is recognized through its last day and expired the day after', () => {
    expect(recognitionOn('2026-12-20', '2026-12-20')).toBe('recognized');
    expect(recognitionOn('2026-12-20', '2026-12-21')).toBe('expired');
    expect(recognitionOn(null, '2026-12-01')).toBe('not_listed');
  });

  it('reads DICOM and ISO dates', () => {
    expect(resultDay('20261120')).toBe('2026-11-20');
    expect(resultDay('2026-11-20T09:30:00+08:00')).toBe('2026-11-20');
    expect(resultDay('yesterday')).toBeNull();
    expect(resultDay(null)).toBeNull();
  });
});
