/**
 * Fixtures for the prescription unit tests: the county HIS simulator's own formulary and demo patients
 * (FHIR resources as the HIS serves them), parsed with the production parsers.
 */
import { loadResources } from '@cloudclinic/county-his';
import { computeQuantity, icd10, type AntibioticGrade, type Frequency, type RouteCode } from '@cloudclinic/shared';
import { parseMedication, type FormularyDrug } from './fhir-formulary';
import type { PatientAllergy } from './patient-record';
import type { CheckedItem, SafetyInput } from './safety';

let resources: ReturnType<typeof loadResources> | undefined;
export function hisResources() {
  resources ??= loadResources();
  return resources;
}

export function drug(id: string): FormularyDrug {
  const r = hisResources().find((x) => x.resourceType === 'Medication' && x.id === id);
  const d = parseMedication(r);
  if (!d) throw new Error(`no formulary drug ${id}`);
  return d;
}

export function allFormulary(): FormularyDrug[] {
  return hisResources()
    .filter((r) => r.resourceType === 'Medication')
    .map(parseMedication)
    .filter((d): d is FormularyDrug => d !== null);
}

/** The patient's record as the HIS client returns it: a Bundle of the patient and their resources. */
export function patientBundle(patientId: string) {
  const ref = `Patient/${patientId}`;
  const mine = hisResources().filter((r) => {
    if (r.resourceType === 'Patient') return r.id === patientId;
    const o = r as { subject?: { reference?: string }; patient?: { reference?: string } };
    return o.subject?.reference === ref || o.patient?.reference === ref;
  });
  return { resourceType: 'Bundle', type: 'collection', entry: mine.map((resource) => ({ resource })) };
}

export function item(id: string, opts: { dose?: number; unit?: string; frequency?: Frequency; days?: number; route?: RouteCode; stock?: number } = {}): CheckedItem {
  const base = drug(id);
  const d = opts.stock === undefined ? base : { ...base, stock: opts.stock };
  const dose = { value: opts.dose ?? 1, unit: opts.unit ?? d.doseUnit };
  const frequency = opts.frequency ?? 'qd';
  const days = opts.days ?? 7;
  const q = computeQuantity({ dose, frequency, days }, d);
  return {
    medicationId: d.id,
    drug: d,
    dose,
    frequency,
    route: opts.route ?? d.route,
    days,
    unitsPerDose: q.ok ? q.unitsPerDose : null,
    packages: q.ok ? q.packages : null,
  };
}

export const PENICILLIN_ALLERGY: PatientAllergy = { codes: ['91936005', 'penicillin'], text: '青霉素过敏', criticality: 'high', severe: true, category: 'medication' };

export function input(over: {
  items: CheckedItem[];
  age?: number | null;
  sex?: string;
  allergies?: PatientAllergy[];
  pregnant?: boolean | null;
  lactating?: boolean;
  current?: string[];
  privilege?: AntibioticGrade | null;
  diagnoses?: string[];
  platform?: { number: string; id: string }[];
}): SafetyInput {
  return {
    items: over.items,
    diagnoses: (over.diagnoses ?? []).map((c) => icd10(c)).filter((d) => d !== undefined),
    platformMedications: (over.platform ?? []).map((p) => ({ prescriptionNumber: p.number, drug: drug(p.id), dose: { value: 1, unit: drug(p.id).doseUnit }, frequency: 'qd' })),
    patient: {
      ageYears: over.age === undefined ? 45 : over.age,
      sex: over.sex ?? 'male',
      allergies: over.allergies ?? [],
      pregnant: over.pregnant === undefined ? null : over.pregnant,
      lactating: over.lactating ?? false,
    },
    currentMedications: (over.current ?? []).map((id) => ({ name: drug(id).name, drug: drug(id) })),
    prescriber: { antibioticPrivilege: over.privilege === undefined ? 'restricted' : over.privilege },
  };
}
