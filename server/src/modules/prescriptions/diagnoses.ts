import { CHILD_WEIGHT_AGE, icd10, type Diagnosis, type PatientStatus } from '@cloudclinic/shared';
import { badRequest, incomplete } from '../../lib/errors';

/** The coded 临床诊断 from ICD-10 codes; a code outside the bundled list is a bad request naming it. */
export function resolveDiagnoses(codes: readonly string[]): Diagnosis[] {
  const unknown = codes.filter((c) => !icd10(c));
  if (unknown.length > 0) throw badRequest(`Not in the ICD-10 list: ${unknown.join(', ')}`, { unknownCodes: unknown });
  const out: Diagnosis[] = [];
  for (const c of codes) {
    const e = icd10(c);
    if (e && !out.some((d) => d.code === e.code)) out.push({ code: e.code, zh: e.zh, en: e.en });
  }
  return out;
}

/**
 * What a prescription needs before it may be signed: at least one coded diagnosis, and a child's
 * weight. 422 `incomplete` lists everything missing at once.
 */
export function assertCompleteForSigning(diagnoses: readonly Diagnosis[], status: PatientStatus, ageYears: number | null): void {
  const missing: string[] = [];
  const zh: string[] = [];
  if (diagnoses.length === 0) {
    missing.push('diagnosis');
    zh.push('临床诊断（ICD-10编码）');
  }
  if (ageYears !== null && ageYears < CHILD_WEIGHT_AGE && status.weightKg === null) {
    missing.push('weight');
    zh.push(`${CHILD_WEIGHT_AGE}岁以下患儿的体重`);
  }
  if (missing.length > 0) {
    throw incomplete(`处方缺少${zh.join('、')}，不能签名。Missing before signing: ${missing.join(', ')}.`, missing);
  }
}
