import { describe, expect, it } from 'vitest';
import { noteMissing } from './note-requirements';

describe('what a note needs before it is signed', () => {
  it('lists every missing part in order; whitespace and punctuation do not count as text', () => {
    expect(noteMissing({ chiefComplaint: '', assessment: ' 。', plan: '\n', diagnoses: [] })).toEqual(['chiefComplaint', 'assessment', 'diagnosis', 'plan']);
    expect(noteMissing({ chiefComplaint: '胸闷2周', assessment: '高血压控制欠佳', plan: '', diagnoses: [{ code: 'I10' }] })).toEqual(['plan']);
    expect(noteMissing({ chiefComplaint: '胸闷2周', assessment: '高血压控制欠佳', plan: '氨氯地平加量', diagnoses: [{ code: 'I10' }] })).toEqual([]);
  });
});
