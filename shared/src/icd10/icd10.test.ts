import { describe, expect, it } from 'vitest';
import { ICD10, Icd10CodeSchema, icd10, searchIcd10 } from './index';

describe('bundled ICD-10 list', () => {
  it('holds a few hundred diagnoses, each code once, with Chinese and English titles', () => {
    expect(ICD10.length).toBeGreaterThanOrEqual(300);
    expect(new Set(ICD10.map((e) => e.code)).size).toBe(ICD10.length);
    for (const e of ICD10) {
      expect(Icd10CodeSchema.safeParse(e.code).success, e.code).toBe(true);
      expect(e.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(e.en).toMatch(/[A-Za-z]/);
    }
  });

  it('finds by code prefix, Chinese title and English words', () => {
    expect(searchIcd10('i10')[0]).toMatchObject({ code: 'I10', zh: '原发性高血压', chronic: true });
    expect(searchIcd10('E11').every((e) => e.code.startsWith('E11'))).toBe(true);
    expect(searchIcd10('糖尿病').map((e) => e.code)).toContain('E11.9');
    expect(searchIcd10('asthma').map((e) => e.code)).toContain('J45.9');
    expect(searchIcd10('   ')).toEqual([]);
    expect(searchIcd10('zzzz')).toEqual([]);
  });

  it('looks a code up case-insensitively and knows chronic diseases from acute ones', () => {
    expect(icd10('e11.9')?.chronic).toBe(true);
    expect(icd10('J06.9')?.chronic).toBe(false);
    expect(icd10('X99.9')).toBeUndefined();
    expect(Icd10CodeSchema.safeParse('I10; drop table').success).toBe(false);
  });
});
