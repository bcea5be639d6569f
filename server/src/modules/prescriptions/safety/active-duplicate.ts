import type { RawFinding, SafetyInput } from './types';

/**
 * The same product already on another active prescription from this platform for this patient
 * (signed, in review, approved, or dispensed with the course still running) is refused: a second
 * identical prescription is how a patient gets a double supply. Revise or cancel the other one.
 */
export function activeDuplicateRule(input: SafetyInput): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { drug } of input.items) {
    const other = input.platformMedications.find((m) => m.drug.id === drug.id);
    if (!other) continue;
    out.push({
      id: `active_duplicate:${drug.id}:${other.prescriptionNumber}`,
      rule: 'active_duplicate',
      severity: 'refused',
      medicationIds: [drug.id],
      message: `患者已有本平台有效处方${other.prescriptionNumber}开具${drug.name}，不得重复开具。`,
      messageEn: `The patient already has an active prescription ${other.prescriptionNumber} from this platform for ${drug.nameEn}: it may not be prescribed twice.`,
    });
  }
  return out;
}
