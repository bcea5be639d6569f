import { describe, expect, it } from 'vitest';
import { acceptHeader, classifyStudySubpath, sanitizeQuery } from './dicomweb-paths';

describe('DICOMweb proxy paths', () => {
  it('allows the study-scoped QIDO-RS and WADO-RS resources a viewer needs', () => {
    expect(classifyStudySubpath('')).toBe('retrieve');
    expect(classifyStudySubpath('metadata')).toBe('retrieve');
    expect(classifyStudySubpath('series')).toBe('search');
    expect(classifyStudySubpath('series/1.2.3/instances')).toBe('search');
    expect(classifyStudySubpath('series/1.2.3/metadata')).toBe('retrieve');
    expect(classifyStudySubpath('series/1.2.3/instances/1.2.4/frames/1,2,3')).toBe('retrieve');
    expect(classifyStudySubpath('series/1.2.3/rendered')).toBe('rendered');
    expect(classifyStudySubpath('series/1.2.3/instances/1.2.4/frames/2/rendered')).toBe('rendered');
  });

  it('refuses everything else', () => {
    for (const p of ['bulkdata/x', 'series/../..', 'series/1.2.3/instances/1.2.4/frames/0', 'series/abc', 'series/1.2.3/instances/1.2.4/frames/1/x', 'series/1.2.3/']) {
      expect(classifyStudySubpath(p)).toBeNull();
    }
  });

  it('drops patient filters and odd parameters from a query', () => {
    const q = sanitizeQuery({ PatientID: 'p-0002', '00100020': 'p-0002', patientname: 'x*', includefield: ['00081030', '00080080'], limit: '10', 'bad key': '1', big: 'x'.repeat(300) });
    expect(Object.fromEntries(q)).toEqual({ includefield: '00081030,00080080', limit: '10' });
  });

  it('keeps a sane Accept header and defaults by resource kind', () => {
    expect(acceptHeader('multipart/related; type="application/octet-stream"; transfer-syntax=*', 'retrieve')).toMatch(/octet-stream/);
    expect(acceptHeader(undefined, 'studies')).toBe('application/dicom+json');
    expect(acceptHeader('bad\nheader', 'rendered')).toBe('image/jpeg');
  });
});
