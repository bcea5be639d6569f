/** Resource types the county HIS serves, and the ones the platform may write back. */
export const READABLE_TYPES = [
  'Patient', 'Encounter', 'Condition', 'AllergyIntolerance', 'Observation', 'DiagnosticReport', 'ImagingStudy',
  'MedicationRequest', 'MedicationStatement', 'MedicationDispense', 'DocumentReference', 'Medication', 'Organization', 'Coverage',
  'ServiceRequest', 'Task',
] as const;
export type ReadableType = (typeof READABLE_TYPES)[number];

export const WRITABLE_TYPES = ['DocumentReference', 'MedicationRequest', 'MedicationDispense', 'Observation', 'ServiceRequest', 'Task'] as const;
/** Types only the platform writes (referrals): the generated dataset has none. */
export const WRITTEN_ONLY_TYPES: readonly ReadableType[] = ['ServiceRequest', 'Task'];
export type WritableType = (typeof WRITABLE_TYPES)[number];

export function isReadableType(type: string): type is ReadableType {
  return (READABLE_TYPES as readonly string[]).includes(type);
}

export function isWritableType(type: string): type is WritableType {
  return (WRITABLE_TYPES as readonly string[]).includes(type);
}

/** Types the platform may update (PUT): its own prescriptions and referrals, whose status moves on. */
export const UPDATABLE_TYPES = ['MedicationRequest', 'MedicationDispense', 'ServiceRequest', 'Task'] as const;
export type UpdatableType = (typeof UPDATABLE_TYPES)[number];

export function isUpdatableType(type: string): type is UpdatableType {
  return (UPDATABLE_TYPES as readonly string[]).includes(type);
}
