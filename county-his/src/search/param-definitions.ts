import { extensionValues } from '../fhir/json';
import type { ReadableType } from '../fhir/resource-types';
import { EXT } from '../fhir/systems';

export type ParamType = 'token' | 'reference' | 'date' | 'string';

export interface ParamDef {
  type: ParamType;
  /** Dotted paths into the resource (arrays are flattened). */
  paths?: readonly string[];
  /** Custom extraction, for values that paths cannot reach (extensions). */
  extract?: (resource: unknown) => unknown[];
  /** Resource type a reference must point to. */
  target?: string;
  /** String params: how a plain value matches (FHIR's default is starts-with). */
  match?: 'prefix' | 'contains';
}

const patient: ParamDef = { type: 'reference', paths: ['subject'], target: 'Patient' };
const encounter: ParamDef = { type: 'reference', paths: ['encounter'], target: 'Encounter' };
const identifier: ParamDef = { type: 'token', paths: ['identifier'] };
const status: ParamDef = { type: 'token', paths: ['status'] };
const category: ParamDef = { type: 'token', paths: ['category'] };
const medicationCode: ParamDef = { type: 'token', paths: ['medicationCodeableConcept'] };

/** Parameters every type has. */
const COMMON: Record<string, ParamDef> = {
  _id: { type: 'token', paths: ['id'] },
  _lastUpdated: { type: 'date', paths: ['meta.lastUpdated'] },
  _tag: { type: 'token', paths: ['meta.tag'] },
};

/**
 * Search parameters by resource type. FHIR's own names are used; `date` is also offered on every
 * clinical type (mapped to its main date) so a client can always ask for `date=ge…&_sort=-date`.
 */
export const SEARCH_PARAMS: Record<ReadableType, Record<string, ParamDef>> = {
  Patient: {
    identifier,
    name: { type: 'string', paths: ['name.text', 'name.family', 'name.given'] },
    family: { type: 'string', paths: ['name.family'] },
    given: { type: 'string', paths: ['name.given'] },
    birthdate: { type: 'date', paths: ['birthDate'] },
    gender: { type: 'token', paths: ['gender'] },
    organization: { type: 'reference', paths: ['managingOrganization'], target: 'Organization' },
    active: { type: 'token', paths: ['active'] },
  },
  Encounter: {
    patient, subject: patient, identifier, status,
    class: { type: 'token', paths: ['class'] },
    type: { type: 'token', paths: ['type'] },
    'reason-code': { type: 'token', paths: ['reasonCode'] },
    date: { type: 'date', paths: ['period'] },
    'service-provider': { type: 'reference', paths: ['serviceProvider'], target: 'Organization' },
  },
  Condition: {
    patient, subject: patient, category, encounter,
    code: { type: 'token', paths: ['code'] },
    'clinical-status': { type: 'token', paths: ['clinicalStatus'] },
    'onset-date': { type: 'date', paths: ['onsetDateTime'] },
    'recorded-date': { type: 'date', paths: ['recordedDate'] },
    date: { type: 'date', paths: ['recordedDate'] },
  },
  AllergyIntolerance: {
    patient: { type: 'reference', paths: ['patient'], target: 'Patient' },
    code: { type: 'token', paths: ['code', 'reaction.substance'] },
    category: { type: 'token', paths: ['category'] },
    criticality: { type: 'token', paths: ['criticality'] },
    'clinical-status': { type: 'token', paths: ['clinicalStatus'] },
    date: { type: 'date', paths: ['recordedDate'] },
  },
  Observation: {
    patient, subject: patient, encounter, identifier, status, category,
    code: { type: 'token', paths: ['code'] },
    'combo-code': { type: 'token', paths: ['code', 'component.code'] },
    'component-code': { type: 'token', paths: ['component.code'] },
    date: { type: 'date', paths: ['effectiveDateTime', 'effectivePeriod', 'effectiveInstant'] },
    performer: { type: 'reference', paths: ['performer'] },
  },
  DiagnosticReport: {
    patient, subject: patient, encounter, identifier, status, category,
    code: { type: 'token', paths: ['code'] },
    date: { type: 'date', paths: ['effectiveDateTime', 'effectivePeriod'] },
    performer: { type: 'reference', paths: ['performer'] },
    result: { type: 'reference', paths: ['result'], target: 'Observation' },
  },
  ImagingStudy: {
    patient, subject: patient, encounter, identifier, status,
    modality: { type: 'token', paths: ['modality', 'series.modality'] },
    started: { type: 'date', paths: ['started'] },
    date: { type: 'date', paths: ['started'] },
  },
  MedicationRequest: {
    patient, subject: patient, encounter, identifier, status, category,
    code: medicationCode,
    medication: { type: 'reference', paths: ['medicationReference'], target: 'Medication' },
    intent: { type: 'token', paths: ['intent'] },
    authoredon: { type: 'date', paths: ['authoredOn'] },
    date: { type: 'date', paths: ['authoredOn'] },
  },
  MedicationStatement: {
    patient, subject: patient, identifier, status, category,
    code: medicationCode,
    medication: { type: 'reference', paths: ['medicationReference'], target: 'Medication' },
    effective: { type: 'date', paths: ['effectiveDateTime', 'effectivePeriod'] },
    date: { type: 'date', paths: ['effectiveDateTime', 'effectivePeriod'] },
  },
  MedicationDispense: {
    patient, subject: patient, identifier, status,
    code: medicationCode,
    medication: { type: 'reference', paths: ['medicationReference'], target: 'Medication' },
    prescription: { type: 'reference', paths: ['authorizingPrescription'], target: 'MedicationRequest' },
    whenhandedover: { type: 'date', paths: ['whenHandedOver'] },
    date: { type: 'date', paths: ['whenHandedOver', 'whenPrepared'] },
  },
  DocumentReference: {
    patient, subject: patient, identifier, status, category,
    type: { type: 'token', paths: ['type'] },
    encounter: { type: 'reference', paths: ['context.encounter'], target: 'Encounter' },
    date: { type: 'date', paths: ['date'] },
  },
  Medication: {
    identifier, status,
    code: { type: 'token', paths: ['code'] },
    form: { type: 'token', paths: ['form'] },
    name: { type: 'string', paths: ['code.text', 'code.coding.display', 'ingredient.itemCodeableConcept.text'], match: 'contains' },
    pinyin: { type: 'string', extract: (r) => extensionValues(r, EXT.pinyin) },
    'drug-class': { type: 'token', extract: (r) => extensionValues(r, EXT.drugClass) },
  },
  Coverage: {
    patient: { type: 'reference', paths: ['beneficiary'], target: 'Patient' },
    beneficiary: { type: 'reference', paths: ['beneficiary'], target: 'Patient' },
    identifier, status,
    type: { type: 'token', paths: ['type'] },
  },
  ServiceRequest: {
    patient, subject: patient, identifier, status, category,
    code: { type: 'token', paths: ['code'] },
    intent: { type: 'token', paths: ['intent'] },
    authored: { type: 'date', paths: ['authoredOn'] },
    occurrence: { type: 'date', paths: ['occurrenceDateTime'] },
    date: { type: 'date', paths: ['occurrenceDateTime', 'authoredOn'] },
  },
  Task: {
    patient: { type: 'reference', paths: ['for'], target: 'Patient' },
    subject: { type: 'reference', paths: ['for'], target: 'Patient' },
    identifier, status,
    'based-on': { type: 'reference', paths: ['basedOn'] },
    focus: { type: 'reference', paths: ['focus'] },
    'business-status': { type: 'token', paths: ['businessStatus'] },
    modified: { type: 'date', paths: ['lastModified'] },
    date: { type: 'date', paths: ['lastModified', 'authoredOn'] },
  },
  Organization: {
    identifier,
    name: { type: 'string', paths: ['name', 'alias'], match: 'contains' },
  },
};

export function paramDef(type: ReadableType, name: string): ParamDef | undefined {
  return SEARCH_PARAMS[type][name] ?? COMMON[name];
}

export function paramNames(type: ReadableType): string[] {
  return [...Object.keys(SEARCH_PARAMS[type]), ...Object.keys(COMMON)];
}
