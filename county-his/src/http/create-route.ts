import { Router, type Request } from 'express';
import { badRequest, notSupported, operationOutcome, preconditionFailed } from '../fhir/fhir-error';
import { isWritableType } from '../fhir/resource-types';
import { runSearch, type SearchQuery } from '../search/search';
import type { ResourceStore } from '../store/resource-store';
import type { StoredResource } from '../store/stored-resource';
import { parseWrite } from '../write/parse-write';
import { readableType, versionHeaders } from './read-routes';
import { fhirBase, sendFhir } from './send';

/** `If-None-Exist: identifier=sys|val` (a full `Type?…` URL is accepted too) as a search query. */
function conditionQuery(header: string): SearchQuery {
  const query: Record<string, string[]> = {};
  for (const [k, v] of new URLSearchParams(header.includes('?') ? header.slice(header.indexOf('?') + 1) : header)) {
    (query[k] ??= []).push(v);
  }
  if (Object.keys(query).length === 0) throw badRequest('If-None-Exist has no search parameters');
  return query;
}

export function location(req: Request, resource: StoredResource): string {
  return `${fhirBase(req)}/${resource.resourceType}/${resource.id}/_history/${resource.meta?.versionId ?? '1'}`;
}

/**
 * POST /fhir/{type}: what the platform writes back (notes, prescriptions, dispenses, observations).
 * Conditional create (If-None-Exist) makes a retried write idempotent: 200 with the existing resource.
 */
export function createRoute(store: ResourceStore): Router {
  const router = Router();
  router.post('/fhir/:type', (req, res) => {
    const type = readableType(req);
    if (!isWritableType(type)) throw notSupported(`create is not supported for ${type}`);
    const resource = parseWrite(req, type, store);

    const condition = req.get('if-none-exist');
    if (condition !== undefined) {
      const existing = runSearch(store, type, { ...conditionQuery(condition), _count: '2' }, { strict: true });
      if (existing.total > 1) throw preconditionFailed(`If-None-Exist matched ${existing.total} ${type} resources`);
      const match = existing.page[0];
      if (match) {
        res.set({ ...versionHeaders(match), Location: location(req, match) });
        sendFhir(res, 200, match);
        return;
      }
    }

    const stored = store.create(resource);
    res.set({ ...versionHeaders(stored), Location: location(req, stored) });
    const prefer = req.get('prefer') ?? '';
    if (/return=minimal/.test(prefer)) res.status(201).end();
    else if (/return=OperationOutcome/.test(prefer)) sendFhir(res, 201, operationOutcome('information', 'processing', `Created ${type}/${stored.id}`));
    else sendFhir(res, 201, stored);
  });
  return router;
}
