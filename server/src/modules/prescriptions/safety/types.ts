import type { AntibioticGrade, Dose, Frequency, Icd10Entry, RouteCode, SafetyRule, Severity } from '@cloudclinic/shared';
import type { FormularyDrug } from '../fhir-formulary';
import type { PatientAllergy } from '../patient-record';

/** One line of the prescription under check, resolved against the formulary. */
export interface CheckedItem {
  medicationId: string;
  drug: FormularyDrug;
  dose: Dose;
  frequency: Frequency;
  route: RouteCode;
  days: number;
  /** Dose units per dose (null when the dose unit does not fit the product). */
  unitsPerDose: number | null;
  /** Packages to dispense. */
  packages: number | null;
}

/** A medication the patient already takes (HIS MedicationStatement), with its formulary entry when known. */
export interface OtherMedication {
  name: string;
  drug: FormularyDrug | null;
}

/** A line of another active prescription from this platform for the same patient. */
export interface PlatformMedication {
  prescriptionNumber: string;
  drug: FormularyDrug;
  dose: Dose;
  frequency: Frequency;
}

export interface SafetyInput {
  items: CheckedItem[];
  /** The coded 临床诊断 of the prescription (bundled ICD-10 entries). */
  diagnoses: Icd10Entry[];
  /** Lines of the patient's other active prescriptions from this platform (signed, in review, approved, or dispensed and still in course). */
  platformMedications: PlatformMedication[];
  patient: {
    ageYears: number | null;
    sex: string;
    allergies: PatientAllergy[];
    /** true / false as stated or recorded; null = unknown. */
    pregnant: boolean | null;
    lactating: boolean;
  };
  currentMedications: OtherMedication[];
  prescriber: { antibioticPrivilege: AntibioticGrade | null };
}

/** A finding before any override is attached. */
export interface RawFinding {
  id: string;
  rule: SafetyRule;
  severity: Severity;
  medicationIds: string[];
  message: string;
  messageEn: string;
}

export type SafetyRuleFn = (input: SafetyInput) => RawFinding[];

/** Matches a drug by normalised ingredient or by drug class. */
export interface DrugMatcher {
  ingredients?: readonly string[];
  classes?: readonly string[];
}

export function matches(drug: FormularyDrug, m: DrugMatcher): boolean {
  if (m.classes?.includes(drug.drugClass)) return true;
  return drug.ingredients.some((i) => m.ingredients?.includes(i.key) ?? false);
}

/** "阿莫西林胶囊" as shown in messages. */
export function label(drug: FormularyDrug): string {
  return drug.name;
}
