import { z } from 'zod';
import { ICD10_A, type Icd10Row } from './data-a';
import { ICD10_B } from './data-b';
import { ICD10_C } from './data-c';

/** A coded diagnosis (临床诊断) from the bundled ICD-10 list. */
export const DiagnosisSchema = z.object({ code: z.string(), zh: z.string(), en: z.string() });
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

export interface Icd10Entry extends Diagnosis {
  /** A chronic disease for which a long prescription (长处方, up to 12 weeks) may be issued when stable. */
  chronic: boolean;
}

const toEntry = ([code, zh, en, chronic]: Icd10Row): Icd10Entry => ({ code, zh, en, chronic: chronic === 1 });

/** Every bundled diagnosis, in the order of the list. */
export const ICD10: readonly Icd10Entry[] = [...ICD10_A, ...ICD10_B, ...ICD10_C].map(toEntry);
const BY_CODE = new Map(ICD10.map((e) => [e.code, e]));

export function icd10(code: string): Icd10Entry | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/** An ICD-10 code as sent over the wire; whether it is in the bundled list is checked where it is used. */
export const Icd10CodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]\d{2}(\.\d{1,2})?$/, 'an ICD-10 code such as I10 or E11.9');

/**
 * Search by code prefix (`e11`), Chinese title (`糖尿病`) or English words (`diabetes`); code
 * matches first, then title matches by position. At most `limit` entries.
 */
export function searchIcd10(q: string, limit = 20): Icd10Entry[] {
  const query = q.trim().toLowerCase();
  if (!query) return [];
  const scored: { e: Icd10Entry; score: number }[] = [];
  for (const e of ICD10) {
    const code = e.code.toLowerCase();
    let score = 0;
    if (code === query) score = 300;
    else if (code.startsWith(query)) score = 250 - code.length;
    else if (e.zh.includes(q.trim())) score = 200 - e.zh.indexOf(q.trim()) - e.zh.length / 10;
    else if (e.en.toLowerCase().includes(query)) score = 100 - e.en.toLowerCase().indexOf(query) / 10;
    if (score > 0) scored.push({ e, score });
  }
  return scored.sort((a, b) => b.score - a.score).slice(0, limit).map((x) => x.e);
}
