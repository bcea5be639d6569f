import { Router } from 'express';
import { FhirError, badRequest, notFound, notSupported } from '../fhir/fhir-error';
import { isRecord } from '../fhir/json';
import { isUpdatableType } from '../fhir/resource-types';
import { patientIdOf, type ResourceStore } from '../store/resource-store';
import { parseWrite } from '../write/parse-write';
import { location } from './create-route';
import { readableType, versionHeaders } from './read-routes';
import { sendFhir } from './send';

/**
 * PUT /fhir/{type}/{id}: the platform moves its own MedicationRequests on (active → completed when
 * dispensed, cancelled when withdrawn). Only existing resources (no update-as-create); `If-Match:
 * W/"n"` makes the update conditional on the version read (412 when another write came first);
 * the patient of a resource never changes.
 */
export function updateRoute(store: ResourceStore): Router {
  const router = Router();
  router.put('/fhir/:type/:id', (req, res) => {
    const type = readableType(req);
    if (!isUpdatableType(type)) throw notSupported(`update is not supported for ${type}`);
    const id = req.params.id;
    const resource = parseWrite(req, type, store);
    const body: unknown = req.body;
    if (!isRecord(body) || body.id !== id) throw badRequest(`The body's id must be the id of the URL (${id})`, [`${type}.id`]);
    const current = store.read(type, id);
    if (!current) throw notSupported(`${type}/${id} does not exist and this HIS does not create on update`, 405);
    const ifMatch = req.get('if-match');
    if (ifMatch !== undefined && ifMatch.replace(/^W\//, '') !== `"${current.meta?.versionId ?? '1'}"`) {
      throw new FhirError(412, 'conflict', `${type}/${id} is at version ${current.meta?.versionId ?? '1'}, not ${ifMatch}`);
    }
    if (patientIdOf({ ...resource, id }) !== patientIdOf(current)) throw badRequest(`The subject of ${type}/${id} cannot change`, [`${type}.subject`]);
    const stored = store.update(id, resource);
    if (!stored) throw notFound(`${type}/${id} not found`);
    res.set({ ...versionHeaders(stored), Location: location(req, stored) });
    sendFhir(res, 200, stored);
  });
  return router;
}
