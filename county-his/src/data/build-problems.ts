import type { AllergyIntolerance, Condition, Coding } from '@medplum/fhirtypes';
import { SYSTEM } from '../fhir/systems';
import { ALLERGENS } from './allergies';
import { CONDITIONS } from './conditions';
import type { PatientContext } from './context';
import { formatDate } from './time';

const ACTIVE = { coding: [{ system: SYSTEM.conditionClinical, code: 'active', display: 'Active' }] };
const RESOLVED = { coding: [{ system: SYSTEM.conditionClinical, code: 'resolved', display: 'Resolved' }] };
const CONFIRMED = { coding: [{ system: SYSTEM.conditionVerification, code: 'confirmed', display: 'Confirmed' }] };

/** The problem list: one active Condition per chronic disease. */
export function buildChronicConditions(ctx: PatientContext): Condition[] {
  return ctx.profile.conditions.map((c) => {
    const def = CONDITIONS[c.key];
    return {
      resourceType: 'Condition',
      id: ctx.nextId('cond'),
      clinicalStatus: ACTIVE,
      verificationStatus: CONFIRMED,
      category: [{ coding: [{ system: SYSTEM.conditionCategory, code: 'problem-list-item', display: 'Problem List Item' }], text: '慢病档案' }],
      code: { coding: [{ system: SYSTEM.icd10, code: def.icd10, display: def.en }], text: def.zh },
      subject: ctx.patientRef,
      onsetDateTime: c.onset,
      recordedDate: c.onset,
    };
  });
}

/** A diagnosis made at one visit (acute illness, exacerbation), resolved afterwards. */
export function buildEncounterDiagnosis(
  ctx: PatientContext,
  diagnosis: { icd10: string; en: string; zh: string },
  encounterId: string,
  startMs: number,
  endMs: number,
): Condition {
  const resolved = endMs < ctx.asOfMs;
  return {
    resourceType: 'Condition',
    id: ctx.nextId('cond'),
    clinicalStatus: resolved ? RESOLVED : ACTIVE,
    verificationStatus: CONFIRMED,
    category: [{ coding: [{ system: SYSTEM.conditionCategory, code: 'encounter-diagnosis', display: 'Encounter Diagnosis' }], text: '就诊诊断' }],
    code: { coding: [{ system: SYSTEM.icd10, code: diagnosis.icd10, display: diagnosis.en }], text: diagnosis.zh },
    subject: ctx.patientRef,
    encounter: { reference: `Encounter/${encounterId}` },
    onsetDateTime: formatDate(startMs),
    ...(resolved ? { abatementDateTime: formatDate(endMs) } : {}),
    recordedDate: formatDate(startMs),
  };
}

export function buildAllergies(ctx: PatientContext): AllergyIntolerance[] {
  return ctx.profile.allergies.map((a) => {
    const def = ALLERGENS[a.key];
    const coding: Coding[] = [{ system: SYSTEM.allergen, code: def.code, display: def.en }];
    if (def.snomed) coding.unshift({ system: SYSTEM.snomed, code: def.snomed.code, display: def.snomed.display });
    return {
      resourceType: 'AllergyIntolerance',
      id: ctx.nextId('alg'),
      clinicalStatus: { coding: [{ system: SYSTEM.allergyClinical, code: 'active', display: 'Active' }] },
      verificationStatus: { coding: [{ system: SYSTEM.allergyVerification, code: 'confirmed', display: 'Confirmed' }] },
      type: 'allergy',
      category: [def.category],
      criticality: def.criticality,
      code: { coding, text: def.zh },
      patient: ctx.patientRef,
      recordedDate: a.recorded,
      reaction: [
        {
          manifestation: [{ coding: [{ system: SYSTEM.snomed, code: def.reaction.snomed, display: def.reaction.display }], text: def.reaction.zh }],
          severity: def.reaction.severity,
        },
      ],
    };
  });
}
