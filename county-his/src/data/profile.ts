import type { AllergenKey } from './allergies';
import type { ConditionKey } from './conditions';
import type { InstitutionCode } from './organizations';

/** Everything the generator decides about one patient before it writes any resource. */
export interface PatientProfile {
  id: string;
  family: string;
  given: string;
  sex: 'male' | 'female';
  birthDate: string;
  residentId: string;
  hisNumber: string;
  institution: InstitutionCode;
  town: string;
  village: string;
  phone: string;
  conditions: readonly { key: ConditionKey; onset: string }[];
  allergies: readonly { key: AllergenKey; recorded: string }[];
  /** Formulary ids the patient currently takes. */
  medications: readonly string[];
  /** Formulary ids taken in the past, with the period. */
  pastMedications: readonly { id: string; from: string; to: string }[];
  /** Hospital admissions to generate; left to chance when absent. */
  admissions?: number;
}
