import { maskName } from '@cloudclinic/shared';
import type { AllergyItem } from '../record/clinical-lists';
import type { RecordModel } from '../record/record-model';
import type { PatientSummary } from '../record/patient-summary';

const BODY_WEIGHT_LOINC = '29463-7';
/** Under this age (in years) the banner shows the body weight: paediatric doses are by weight. */
const CHILD_UNDER_YEARS = 14;

export interface BannerModel {
  patient: PatientSummary | null;
  maskedName: string | null;
  allergies: readonly AllergyItem[];
  /** The allergy part failed to load: never "no allergies". */
  allergiesUnknown: boolean;
  /** Any allergy the HIS marks as high criticality or severe (e.g. penicillin anaphylaxis). */
  severeAllergy: boolean;
  child: boolean;
  /** `18 kg`; null when a child's weight is not recorded (the banner says so). */
  weight: string | null;
}

/** What the persistent patient banner shows, from the record the record panel also reads. */
export function bannerModel(model: RecordModel): BannerModel {
  const patient = model.patient;
  const age = patient?.age ?? null;
  const child = age !== null && (age.unit !== 'year' || age.value < CHILD_UNDER_YEARS);
  const weight = model.vitals.find((v) => v.key === BODY_WEIGHT_LOINC) ?? null;
  return {
    patient,
    maskedName: patient?.name ? maskName(patient.name) : null,
    allergies: model.allergies,
    allergiesUnknown: model.missing.includes('allergies'),
    severeAllergy: model.allergies.some((a) => a.criticality === 'high' || a.severity === 'severe'),
    child,
    weight: weight ? `${weight.display}${weight.unit ? ` ${weight.unit}` : ''}` : null,
  };
}
