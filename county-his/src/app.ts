import express, { type Express } from 'express';
import { notFound, notSupported } from './fhir/fhir-error';
import { capabilityStatement } from './fhir/capability-statement';
import { createRoute } from './http/create-route';
import { errorHandler } from './http/error-handler';
import type { Faults } from './http/faults';
import { bearerAuth, faultInjection } from './http/middleware';
import { readRoutes } from './http/read-routes';
import { updateRoute } from './http/update-route';
import { fhirBase, sendFhir } from './http/send';
import type { ResourceStore } from './store/resource-store';

export interface HisAppDeps {
  store: ResourceStore;
  faults: Faults;
  /** Bearer token required on every request but /fhir/metadata; none when undefined. */
  token?: string;
}

export const SOFTWARE = { name: 'CloudClinic county HIS simulator', version: '0.1.0' };

/** The county HIS REST API (FHIR R4). Never listens itself. */
export function createHisApp(deps: HisAppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(faultInjection(deps.faults));
  app.use(bearerAuth(deps.token));
  app.use(express.json({ type: ['application/fhir+json', 'application/json'], limit: '10mb' }));

  const started = new Date().toISOString();
  app.get('/fhir/metadata', (req, res) => sendFhir(res, 200, capabilityStatement(fhirBase(req), SOFTWARE, started)));
  app.use(readRoutes(deps.store));
  app.use(createRoute(deps.store));
  app.use(updateRoute(deps.store));
  app.all('/fhir/:type{/:id}', () => {
    throw notSupported('Only read, search, create and update (of MedicationRequest and MedicationDispense) are supported by this HIS');
  });
  app.use(() => {
    throw notFound('Not a FHIR endpoint of this HIS (base: /fhir)');
  });
  app.use(errorHandler);
  return app;
}
