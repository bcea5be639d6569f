/** What the store keeps: any FHIR resource with an id; the rest of its fields travel untouched. */
export interface StoredResource {
  resourceType: string;
  id: string;
  meta?: { versionId?: string; lastUpdated?: string; tag?: unknown[] };
}
