import { z } from 'zod';
import { HIS_SYSTEM, resourcesOf } from './his-port';

export interface PatientAllergy {
  /** Local allergen codes (the formulary's drug classes: penicillin, cephalosporin …) and SNOMED CT codes. */
  codes: string[];
  text: string;
  criticality: 'low' | 'high' | 'unable-to-assess' | null;
  /** A severe reaction (e.g. anaphylaxis) was recorded. */
  severe: boolean;
  category: string | null;
}

export interface CurrentMedication {
  /** The formulary Medication id when the statement references one. */
  medicationId: string | null;
  code: string | null;
  name: string;
}

/** What the safety rules need to know about the patient, parsed from the HIS record. */
export interface PatientRecord {
  hisPatientId: string;
  name: string;
  sex: string;
  birthDate: string | null;
  allergies: PatientAllergy[];
  currentMedications: CurrentMedication[];
  /** Active conditions (ICD-10 codes and text). */
  conditions: { icd10: string | null; text: string }[];
}

const Coding = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const CodeableConcept = z.object({ coding: z.array(Coding).default([]), text: z.string().optional() });
const Reference = z.object({ reference: z.string().optional(), display: z.string().optional() });

const PatientSchema = z.object({
  resourceType: z.literal('Patient'),
  id: z.string(),
  gender: z.string().optional(),
  birthDate: z.string().optional(),
  name: z.array(z.object({ text: z.string().optional(), family: z.string().optional(), given: z.array(z.string()).optional() })).default([]),
});

const AllergySchema = z.object({
  resourceType: z.literal('AllergyIntolerance'),
  clinicalStatus: CodeableConcept.optional(),
  verificationStatus: CodeableConcept.optional(),
  category: z.array(z.string()).default([]),
  criticality: z.enum(['low', 'high', 'unable-to-assess']).optional(),
  code: CodeableConcept.optional(),
  reaction: z.array(z.object({ severity: z.string().optional(), manifestation: z.array(CodeableConcept).default([]) })).default([]),
});

const MedicationStatementSchema = z.object({
  resourceType: z.literal('MedicationStatement'),
  status: z.string(),
  medicationReference: Reference.optional(),
  medicationCodeableConcept: CodeableConcept.optional(),
});

const ConditionSchema = z.object({
  resourceType: z.literal('Condition'),
  clinicalStatus: CodeableConcept.optional(),
  code: CodeableConcept.optional(),
});

const ANAPHYLAXIS = '39579001';
const CURRENT_STATEMENT = new Set(['active', 'intended', 'on-hold']);

const statusOf = (cc: z.infer<typeof CodeableConcept> | undefined) => cc?.coding[0]?.code;

/** Parses the patient's record Bundle. Resources that do not parse are skipped, never trusted. */
export function parsePatientRecord(hisPatientId: string, bundle: unknown): PatientRecord {
  const record: PatientRecord = { hisPatientId, name: '', sex: 'unknown', birthDate: null, allergies: [], currentMedications: [], conditions: [] };
  for (const resource of resourcesOf(bundle)) {
    const patient = PatientSchema.safeParse(resource);
    if (patient.success && patient.data.id === hisPatientId) {
      const n = patient.data.name[0];
      record.name = n?.text ?? `${n?.family ?? ''}${(n?.given ?? []).join('')}`;
      record.sex = patient.data.gender ?? 'unknown';
      record.birthDate = patient.data.birthDate ?? null;
      continue;
    }
    const allergy = AllergySchema.safeParse(resource);
    if (allergy.success) {
      const a = allergy.data;
      const clinical = statusOf(a.clinicalStatus);
      const verification = statusOf(a.verificationStatus);
      if ((clinical && clinical !== 'active') || verification === 'refuted' || verification === 'entered-in-error') continue;
      record.allergies.push({
        codes: (a.code?.coding ?? []).map((c) => c.code).filter((c): c is string => Boolean(c)),
        text: a.code?.text ?? a.code?.coding[0]?.display ?? '',
        criticality: a.criticality ?? null,
        severe: a.reaction.some((r) => r.severity === 'severe' || r.manifestation.some((m) => m.coding.some((c) => c.code === ANAPHYLAXIS))),
        category: a.category[0] ?? null,
      });
      continue;
    }
    const statement = MedicationStatementSchema.safeParse(resource);
    if (statement.success) {
      const s = statement.data;
      if (!CURRENT_STATEMENT.has(s.status)) continue;
      const ref = /^Medication\/([A-Za-z0-9.-]{1,64})$/.exec(s.medicationReference?.reference ?? '');
      const coding = s.medicationCodeableConcept?.coding.find((c) => c.system === HIS_SYSTEM.formulary);
      record.currentMedications.push({
        medicationId: ref?.[1] ?? null,
        code: coding?.code ?? null,
        name: s.medicationReference?.display ?? s.medicationCodeableConcept?.text ?? coding?.display ?? ref?.[1] ?? '',
      });
      continue;
    }
    const condition = ConditionSchema.safeParse(resource);
    if (condition.success) {
      const clinical = statusOf(condition.data.clinicalStatus);
      if (clinical && clinical !== 'active' && clinical !== 'recurrence' && clinical !== 'relapse') continue;
      const icd = condition.data.code?.coding.find((c) => c.system === HIS_SYSTEM.icd10)?.code ?? null;
      record.conditions.push({ icd10: icd, text: condition.data.code?.text ?? '' });
    }
  }
  return record;
}

/** Pregnancy and lactation as recorded in the HIS (ICD-10 O00–O9A, Z33–Z36; Z39.1). */
export function recordedPregnancy(record: PatientRecord): { pregnant: boolean; lactating: boolean } {
  const codes = record.conditions.map((c) => c.icd10 ?? '');
  return {
    pregnant: codes.some((c) => /^O\d/.test(c) || /^Z3[346]/.test(c)),
    lactating: codes.some((c) => c.startsWith('Z39.1')),
  };
}

/** Whole years of age on the clinic (China) calendar: the one age the pad, the record panel and the dose checks use. */
export { ageInYears } from '@cloudclinic/shared';
