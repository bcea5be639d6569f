import type { Request } from 'express';
import { FhirError, badRequest, unsupportedMediaType } from '../fhir/fhir-error';
import { isRecord } from '../fhir/json';
import type { WritableType } from '../fhir/resource-types';
import type { ResourceStore } from '../store/resource-store';
import { WRITE_SCHEMAS } from './write-schemas';

/**
 * The body of a create or update, checked: JSON of the right media type, the resource type of the
 * URL, the write schema of that type, and a subject the HIS knows.
 */
export function parseWrite(req: Request, type: WritableType, store: ResourceStore) {
  if (!req.is(['application/fhir+json', 'application/json'])) throw unsupportedMediaType('Send application/fhir+json');
  const body: unknown = req.body;
  if (!isRecord(body)) throw badRequest('The body must be a FHIR resource (a JSON object)');
  if (body.resourceType !== type) throw badRequest(`resourceType ${String(body.resourceType)} does not match the URL (${type})`, [`${type}.resourceType`]);
  const parsed = WRITE_SCHEMAS[type].safeParse(body);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const message = issues.map((i) => `${[type, ...i.path.map(String)].join('.')}: ${i.message}`).join('; ');
    throw new FhirError(400, 'invalid', message, issues.map((i) => [type, ...i.path.map(String)].join('.')));
  }
  const resource = parsed.data;
  // A Task names its patient in `for`; every other written type in `subject`.
  const [patient, element] = resource.resourceType === 'Task' ? [resource.for, 'for'] : [resource.subject, 'subject'];
  if (!store.read('Patient', patient.reference.slice('Patient/'.length))) throw new FhirError(400, 'processing', `${patient.reference} does not exist in this HIS`, [`${type}.${element}`]);
  return resource;
}
