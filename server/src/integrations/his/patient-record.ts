import type { CollectionBundle, FhirResource } from './fhir-schemas';
import type { RecordPartName } from './his-client';

export interface RecordPart {
  part: RecordPartName;
  resourceType: string;
  /** Search parameters besides `patient` (standard FHIR R4 names). */
  params: Record<string, string>;
}

/** One search per part, newest first where the type has a date. */
export const RECORD_PARTS: readonly RecordPart[] = [
  { part: 'conditions', resourceType: 'Condition', params: { _sort: '-recorded-date' } },
  { part: 'allergies', resourceType: 'AllergyIntolerance', params: {} },
  { part: 'observations', resourceType: 'Observation', params: { _sort: '-date' } },
  { part: 'diagnosticReports', resourceType: 'DiagnosticReport', params: { _sort: '-date' } },
  { part: 'imagingStudies', resourceType: 'ImagingStudy', params: { _sort: '-started' } },
  { part: 'medicationStatements', resourceType: 'MedicationStatement', params: {} },
  { part: 'medicationRequests', resourceType: 'MedicationRequest', params: { _sort: '-authoredon' } },
  { part: 'encounters', resourceType: 'Encounter', params: { _sort: '-date' } },
  { part: 'documents', resourceType: 'DocumentReference', params: { _sort: '-date' } },
];

export function collectionBundle(base: string, resources: readonly FhirResource[], now: Date): CollectionBundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: now.toISOString(),
    entry: resources.map((resource) => ({ fullUrl: `${base}/${resource.resourceType}/${resource.id}`, resource })),
  };
}
