/** Resource types the county HIS serves, and the ones the platform may write back. */
export const READABLE_TYPES = [
  'Patient', 'Encounter', 'Condition', 'AllergyIntolerance', 'Observation', 'DiagnosticReport', 'ImagingStudy',
  'MedicationRequest', 'MedicationStatement', 'MedicationDispense', 'DocumentReference', 'Medication', 'Organization',
] as const;
export type ReadableType = (typeof READABLE_TYPES)[number];

export const WRITABLE_TYPES = ['DocumentReference', 'MedicationRequest', 'MedicationDispense', 'Observation'] as const;
export type WritableType = (typeof WRITABLE_TYPES)[number];

export function isReadableType(type: string): type is ReadableType {
  return (READABLE_TYPES as readonly string[]).includes(type);
}

export function isWritableType(type: string): type is WritableType {
  return (WRITABLE_TYPES as readonly string[]).includes(type);
}
