import { DiagnosisSchema, icd10, type Diagnosis } from '@cloudclinic/shared';
import { z } from 'zod';
import { badRequest } from '../../lib/errors';

/** ICD-10 codes from a request, each resolved in the bundled list (an unknown code is 400). */
export function resolveCodes(codes: readonly string[]): Diagnosis[] {
  const unique = [...new Set(codes)];
  return unique.map((code) => {
    const e = icd10(code);
    if (!e) throw badRequest(`ICD-10 code ${code} is not in the list`, { code });
    return { code: e.code, zh: e.zh, en: e.en };
  });
}

const StoredDiagnoses = z.array(DiagnosisSchema).catch([]);
export const storedDiagnoses = (v: unknown): Diagnosis[] => StoredDiagnoses.parse(v);

const StoredDissent = z.array(z.object({ expertId: z.string(), text: z.string() })).catch([]);
export const storedDissent = (v: unknown) => StoredDissent.parse(v);

const StoredIds = z.array(z.string()).catch([]);
export const storedIds = (v: unknown): string[] => StoredIds.parse(v);
