import { Router, type Request } from 'express';
import { z } from 'zod';
import { searchsetBundle } from '../fhir/bundle';
import { badRequest, notFound } from '../fhir/fhir-error';
import { isReadableType, type ReadableType } from '../fhir/resource-types';
import { runSearch } from '../search/search';
import type { ResourceStore } from '../store/resource-store';
import type { StoredResource } from '../store/stored-resource';
import { fhirBase, sendFhir } from './send';

const QuerySchema = z.record(z.string(), z.union([z.string(), z.array(z.string())]));
const ID = /^[A-Za-z0-9\-.]{1,64}$/;

export function readableType(req: Request): ReadableType {
  const raw = req.params.type;
  const type = typeof raw === 'string' ? raw : '';
  if (!isReadableType(type)) throw notFound(`Unknown resource type ${type}`);
  return type;
}

function found(store: ResourceStore, type: string, id: string): StoredResource {
  if (!ID.test(id)) throw badRequest(`Invalid id ${id}`);
  const resource = store.read(type, id);
  if (!resource) throw notFound(`${type}/${id} not found`);
  return resource;
}

export function versionHeaders(resource: StoredResource): Record<string, string> {
  const headers: Record<string, string> = { ETag: `W/"${resource.meta?.versionId ?? '1'}"` };
  if (resource.meta?.lastUpdated) headers['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
  return headers;
}

/** GET search, read and vread. */
export function readRoutes(store: ResourceStore): Router {
  const router = Router();

  router.get('/fhir/:type', (req, res) => {
    const type = readableType(req);
    const query = QuerySchema.safeParse(req.query);
    if (!query.success) throw badRequest('Malformed query string');
    const strict = /handling=strict/.test(req.get('prefer') ?? '');
    const outcome = runSearch(store, type, query.data, { strict });
    sendFhir(res, 200, searchsetBundle(fhirBase(req), type, outcome, new Date()));
  });

  router.get('/fhir/:type/:id', (req, res) => {
    const type = readableType(req);
    const resource = found(store, type, req.params.id);
    res.set(versionHeaders(resource));
    sendFhir(res, 200, resource);
  });

  router.get('/fhir/:type/:id/_history/:vid', (req, res) => {
    const type = readableType(req);
    found(store, type, req.params.id);
    const resource = store.readVersion(type, req.params.id, req.params.vid);
    if (!resource) throw notFound(`${type}/${req.params.id} has no version ${req.params.vid}`);
    res.set(versionHeaders(resource));
    sendFhir(res, 200, resource);
  });

  return router;
}
