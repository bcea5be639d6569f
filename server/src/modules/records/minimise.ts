import { maskResidentId } from '@cloudclinic/shared';
import type { CollectionBundle, FhirResource } from '../../integrations/his';

export const RESIDENT_ID_SYSTEM = 'urn:oid:2.16.156.10011.1.1';

/**
 * Least access (PIPL): the expert needs to recognise the patient, not to know their ID number,
 * phone or street address. The Patient resource leaves the server with the resident ID masked,
 * telecom removed and addresses cut down to city and district.
 */
export function minimisePatient(resource: FhirResource): FhirResource {
  if (resource.resourceType !== 'Patient') return resource;
  const copy: Record<string, unknown> = { ...resource };
  if (Array.isArray(copy['identifier'])) {
    copy['identifier'] = copy['identifier'].map((id: unknown) => {
      if (typeof id !== 'object' || id === null) return id;
      const i = id as Record<string, unknown>;
      return i['system'] === RESIDENT_ID_SYSTEM && typeof i['value'] === 'string' ? { ...i, value: maskResidentId(i['value']) } : i;
    });
  }
  delete copy['telecom'];
  delete copy['photo'];
  if (Array.isArray(copy['address'])) {
    copy['address'] = copy['address'].map((a: unknown) => {
      if (typeof a !== 'object' || a === null) return a;
      const { city, district, state, country, use } = a as Record<string, unknown>;
      return { ...(use ? { use } : {}), ...(city ? { city } : {}), ...(district ? { district } : {}), ...(state ? { state } : {}), ...(country ? { country } : {}) };
    });
  }
  if (Array.isArray(copy['contact'])) delete copy['contact'];
  return copy as FhirResource;
}

export function minimiseBundle(bundle: CollectionBundle): CollectionBundle {
  return { ...bundle, ...(bundle.entry ? { entry: bundle.entry.map((e) => ({ ...e, resource: minimisePatient(e.resource) })) } : {}) };
}
