import { ageOn, type Age } from './fhir-time';
import type { FhirPatient } from './fhir-resources';

/** Chinese resident identity card number (居民身份证). */
export const RESIDENT_ID_SYSTEM = 'urn:oid:2.16.156.10011.1.1';
const IDENTIFIER_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const HIS_NUMBER_PREFIX = 'urn:cloudclinic:his:';

export type Sex = 'male' | 'female' | 'other' | 'unknown';

/** The header of the record: who this is, without the full resident ID (PIPL: least exposure). */
export interface PatientSummary {
  id: string;
  name: string | null;
  sex: Sex;
  birthDate: string | null;
  age: Age | null;
  /** `330922********0262`: first 6 (region) and last 4 characters only. */
  maskedResidentId: string | null;
  /** The county hospital's medical record number (病历号). */
  hisNumber: string | null;
  institution: string | null;
}

/** First 6 + `********` + last 4; anything too short to keep that much is masked entirely. */
export function maskResidentId(value: string): string {
  const id = value.replace(/\s+/g, '');
  return id.length > 10 ? `${id.slice(0, 6)}********${id.slice(-4)}` : '********';
}

function hasType(identifier: FhirPatient['identifier'][number], code: string): boolean {
  return identifier.type?.coding.some((c) => c.system === IDENTIFIER_TYPE && c.code === code) ?? false;
}

function sexOf(gender: string | undefined): Sex {
  return gender === 'male' || gender === 'female' || gender === 'other' ? gender : 'unknown';
}

function nameOf(patient: FhirPatient): string | null {
  const name = patient.name.find((n) => n.use === 'official') ?? patient.name[0];
  if (!name) return null;
  const text = name.text?.trim() || `${name.family ?? ''}${name.given.join('')}`.trim();
  return text || null;
}

export function summarisePatient(patient: FhirPatient, now: Date): PatientSummary {
  const ids = patient.identifier.filter((i) => i.value?.trim());
  const resident = ids.find((i) => i.system === RESIDENT_ID_SYSTEM) ?? ids.find((i) => hasType(i, 'NI'));
  const his = ids.find((i) => hasType(i, 'MR')) ?? ids.find((i) => i.system?.startsWith(HIS_NUMBER_PREFIX));
  return {
    id: patient.id,
    name: nameOf(patient),
    sex: sexOf(patient.gender),
    birthDate: patient.birthDate ?? null,
    age: ageOn(patient.birthDate, now),
    maskedResidentId: resident?.value ? maskResidentId(resident.value) : null,
    hisNumber: his?.value?.trim() ?? null,
    institution: patient.managingOrganization?.display?.trim() ?? null,
  };
}
