import type { PrescriptionView } from '@cloudclinic/shared';

/** A prescription as the pharmacist's queue lists it, for the queue's unit tests. */
export function reviewed(over: Partial<PrescriptionView> & { id: string }): PrescriptionView {
  return {
    number: `RX-${over.id}`, consultationId: 'c1', status: 'under_review', revision: 1, version: 1, diagnosis: '', diagnoses: [], validityDays: 1,
    patientStatus: { pregnancy: 'unknown', lactating: false, weightKg: null },
    items: [{ id: 'i1', position: 1, medicationId: 'amlodipine-5mg-tab', code: 'F0101', name: '苯磺酸氨氯地平片', nameEn: 'Amlodipine besylate tablets', strength: '5 mg', dose: { value: 5, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 7, instructions: '', unitsPerDose: 1, doseUnit: '片', quantity: { value: 1, unit: '盒' }, dispensed: null }],
    findings: [], checkedAt: null, checkError: null, signable: false,
    prescriber: { id: 'u', name: '陈建华', qualificationNo: null }, patient: { hisPatientId: 'p-0001', name: '王建国', sex: 'male', birthDate: null, institution: { id: 'i', name: '嵊泗' }, allergies: [] },
    signedAt: '2026-01-01T01:00:00Z', validUntil: null, submittedAt: '2026-01-01T01:00:00Z', review: null, dispensedAt: null, dispensedBy: null, versions: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T01:00:00Z',
    ...over,
  };
}
