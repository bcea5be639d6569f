import { Router, type Request } from 'express';
import type { AbuseLimits } from '../middleware/abuse-limits';
import {
  ApprovePrescriptionRequestSchema,
  CreatePrescriptionRequestSchema,
  DispenseRequestSchema,
  FormularyQuerySchema,
  IdParamsSchema,
  RejectPrescriptionRequestSchema,
  SavePrescriptionRequestSchema,
  SignPrescriptionRequestSchema,
} from '@cloudclinic/shared';
import type { Prescriptions } from '../../modules/prescriptions/create-prescriptions';
import { idempotentRequest } from '../../modules/prescriptions/idempotency';
import { handle } from '../handler';
import { authOf } from '../middleware/auth';

/** The `Idempotency-Key` of a request, bound to its method, path and body (the password never enters the hash). */
function idem(req: Request, body: unknown) {
  return idempotentRequest(req.header('idempotency-key'), req.method, `${req.baseUrl}${req.path}`, body);
}

/** Online prescriptions: the pad (expert), review and dispensing (county pharmacist), verification. */
export function prescriptionRoutes(rx: Prescriptions, limits: Pick<AbuseLimits, 'signing'>): Router {
  const r = Router();
  r.get('/prescriptions/formulary', handle({ query: FormularyQuerySchema }, async ({ req, query }) => ({ medications: await rx.searchFormulary(authOf(req), query.q) })));
  r.get('/prescriptions/templates', handle({}, ({ req }) => rx.templates(authOf(req))));
  r.get('/prescriptions/review-queue', handle({}, async ({ req }) => ({ prescriptions: await rx.review.queue(authOf(req)) })));
  r.get('/consultations/:id/prescriptions', handle({ params: IdParamsSchema }, async ({ req, params }) => ({ prescriptions: await rx.drafting.listForConsultation(authOf(req), params.id) })));
  r.post(
    '/consultations/:id/prescriptions',
    handle({ params: IdParamsSchema, body: CreatePrescriptionRequestSchema, status: 201 }, ({ req, params, body }) => rx.drafting.create(authOf(req), params.id, body, idem(req, body))),
  );
  r.get('/prescriptions/:id', handle({ params: IdParamsSchema }, ({ req, params }) => rx.drafting.get(authOf(req), params.id)));
  r.put('/prescriptions/:id', handle({ params: IdParamsSchema, body: SavePrescriptionRequestSchema }, ({ req, params, body }) => rx.drafting.save(authOf(req), params.id, body)));
  r.post('/prescriptions/:id/check', handle({ params: IdParamsSchema }, ({ req, params }) => rx.drafting.recheck(authOf(req), params.id)));
  r.post(
    '/prescriptions/:id/sign',
    ...limits.signing,
    handle({ params: IdParamsSchema, body: SignPrescriptionRequestSchema }, ({ req, params, body }) =>
      rx.signing.sign(authOf(req), params.id, body, idem(req, { overrides: body.overrides })),
    ),
  );
  r.post('/prescriptions/:id/submit', handle({ params: IdParamsSchema }, ({ req, params }) => rx.signing.submit(authOf(req), params.id, idem(req, {}))));
  r.post('/prescriptions/:id/revise', handle({ params: IdParamsSchema }, ({ req, params }) => rx.drafting.revise(authOf(req), params.id)));
  r.post(
    '/prescriptions/:id/approve',
    handle({ params: IdParamsSchema, body: ApprovePrescriptionRequestSchema }, ({ req, params, body }) => rx.review.approve(authOf(req), params.id, body, idem(req, body))),
  );
  r.post(
    '/prescriptions/:id/reject',
    handle({ params: IdParamsSchema, body: RejectPrescriptionRequestSchema }, ({ req, params, body }) => rx.review.reject(authOf(req), params.id, body.reason, idem(req, body))),
  );
  r.post(
    '/prescriptions/:id/dispense',
    handle({ params: IdParamsSchema, body: DispenseRequestSchema }, ({ req, params, body }) => rx.review.dispense(authOf(req), params.id, body, idem(req, body))),
  );
  r.get('/prescriptions/:id/verify', handle({ params: IdParamsSchema }, ({ req, params }) => rx.signing.verify(authOf(req), params.id)));
  r.get('/prescriptions/:id/sheet', handle({ params: IdParamsSchema }, ({ req, params }) => rx.sheets.sheet(authOf(req), params.id)));
  r.get('/prescriptions/:id/document', handle({ params: IdParamsSchema }, ({ req, params }) => rx.signing.document(authOf(req), params.id)));
  return r;
}
