import {
  computeQuantity,
  icd10,
  type AntibioticGrade,
  type Finding,
  type PatientStatus,
  type PrescriptionItemInputSchema,
} from '@cloudclinic/shared';
import type { z } from 'zod';
import { badRequest } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { FormularyDrug } from './fhir-formulary';
import { hisUnavailable, type Formulary } from './formulary';
import type { PrescriptionHis } from './his-port';
import { ageInYears, parsePatientRecord, recordedPregnancy, type PatientRecord } from './patient-record';
import type { PlatformMedications } from './platform-medications';
import { runSafetyChecks, type CheckedItem, type OtherMedication, type OverrideRecord, type PlatformMedication } from './safety';

export type ItemInput = z.output<typeof PrescriptionItemInputSchema>;

/** A prescribed line resolved against the formulary, with its computed quantity. */
export interface ResolvedItem {
  input: ItemInput;
  drug: FormularyDrug;
  unitsPerDose: number;
  packages: number;
}

export interface CheckResult {
  items: ResolvedItem[];
  findings: Finding[];
  patient: PatientRecord;
}

export interface CheckRequest {
  hisPatientId: string;
  /** The prescription under check (left out of the patient's other platform prescriptions); null for a new one. */
  prescriptionId: string | null;
  /** ICD-10 codes of the 临床诊断 (unknown codes are rejected before the check). */
  diagnoses: readonly string[];
  items: readonly ItemInput[];
  patientStatus: PatientStatus;
  antibioticPrivilege: AntibioticGrade | null;
  overrides: Readonly<Record<string, OverrideRecord>>;
  /** Re-read stock from the HIS (at signing) instead of the cached catalogue. */
  freshStock: boolean;
  now: Date;
}

/** Resolves items against the formulary; a product outside it, or a dose unit it does not take, is a bad request. */
export async function resolveItems(formulary: Formulary, items: readonly ItemInput[], fresh: boolean): Promise<ResolvedItem[]> {
  const out: ResolvedItem[] = [];
  for (const [index, input] of items.entries()) {
    const drug = fresh ? await formulary.fresh(input.medicationId) : await formulary.get(input.medicationId);
    if (!drug) throw badRequest(`Item ${index + 1}: ${input.medicationId} is not in the county formulary`, { item: index, medicationId: input.medicationId });
    const q = computeQuantity(input, drug);
    if (!q.ok) {
      throw badRequest(`Item ${index + 1}: write the dose in ${drug.doseUnit}${drug.singleIngredient ? ` or ${drug.strength.unit}` : ''}`, {
        item: index,
        allowedUnits: drug.singleIngredient ? [drug.doseUnit, drug.strength.unit] : [drug.doseUnit],
      });
    }
    out.push({ input, drug, unitsPerDose: q.unitsPerDose, packages: q.packages });
  }
  return out;
}

/**
 * The server-side safety check: the prescription against the patient's HIS record (allergies,
 * current medications, age, pregnancy), the formulary (flags, stock) and the prescriber's privileges.
 */
export class SafetyChecker {
  constructor(
    private readonly his: PrescriptionHis,
    private readonly formulary: Formulary,
    private readonly platform: PlatformMedications,
    private readonly log: Logger,
  ) {}

  async patientRecord(hisPatientId: string): Promise<PatientRecord> {
    try {
      return parsePatientRecord(hisPatientId, await this.his.patientRecord(hisPatientId));
    } catch (err) {
      throw hisUnavailable(err, this.log);
    }
  }

  async check(req: CheckRequest): Promise<CheckResult> {
    const items = await resolveItems(this.formulary, req.items, req.freshStock);
    const patient = await this.patientRecord(req.hisPatientId);
    const current: OtherMedication[] = [];
    for (const m of patient.currentMedications) {
      const drug = (m.medicationId ? await this.formulary.get(m.medicationId) : undefined) ?? (m.code ? await this.formulary.byCode(m.code) : undefined) ?? null;
      current.push({ name: m.name || drug?.name || '', drug });
    }
    const platform: PlatformMedication[] = [];
    for (const line of await this.platform(req.hisPatientId, req.prescriptionId, req.now)) {
      const drug = await this.formulary.get(line.medicationId);
      if (!drug) continue;
      platform.push({ prescriptionNumber: line.prescriptionNumber, drug, dose: line.dose, frequency: line.frequency });
      // The platform's own prescriptions are current medication too (duplicate therapy, interactions).
      if (!current.some((c) => c.drug?.id === drug.id)) current.push({ name: drug.name, drug });
    }
    const recorded = recordedPregnancy(patient);
    const pregnant = recorded.pregnant || req.patientStatus.pregnancy === 'pregnant' ? true : req.patientStatus.pregnancy === 'not_pregnant' ? false : null;
    const checked: CheckedItem[] = items.map((i) => ({
      medicationId: i.drug.id,
      drug: i.drug,
      dose: i.input.dose,
      frequency: i.input.frequency,
      route: i.input.route,
      days: i.input.days,
      unitsPerDose: i.unitsPerDose,
      packages: i.packages,
    }));
    const findings = runSafetyChecks(
      {
        items: checked,
        diagnoses: req.diagnoses.map((c) => icd10(c)).filter((d) => d !== undefined),
        platformMedications: platform,
        patient: {
          ageYears: ageInYears(patient.birthDate, req.now),
          sex: patient.sex,
          allergies: patient.allergies,
          pregnant,
          lactating: recorded.lactating || req.patientStatus.lactating,
        },
        currentMedications: current,
        prescriber: { antibioticPrivilege: req.antibioticPrivilege },
      },
      req.overrides,
    );
    return { items, findings, patient };
  }
}
