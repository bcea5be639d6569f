import { Router } from 'express';
import { IdParamsSchema, SaveExpertOpinionBodySchema, SaveJointOpinionBodySchema, SignOpinionBodySchema } from '@cloudclinic/shared';
import type { Opinions } from '../../modules/opinions/create-opinions';
import type { AbuseLimits } from '../middleware/abuse-limits';
import { handle } from '../handler';
import { authOf } from '../middleware/auth';

/** 会诊意见: the experts' own opinions, the chair's joint opinion, its signatures, acknowledgement and verification. */
export function opinionRoutes(o: Opinions, limits: Pick<AbuseLimits, 'signing'>): Router {
  const r = Router();
  r.get('/consultations/:id/opinions', handle({ params: IdParamsSchema }, ({ req, params }) => o.service.list(authOf(req), params.id)));
  r.put('/consultations/:id/opinions/mine', handle({ params: IdParamsSchema, body: SaveExpertOpinionBodySchema }, ({ req, params, body }) => o.service.saveMine(authOf(req), params.id, body)));
  r.put('/consultations/:id/joint-opinion', handle({ params: IdParamsSchema, body: SaveJointOpinionBodySchema }, ({ req, params, body }) => o.service.saveDraft(authOf(req), params.id, body)));
  r.post('/consultations/:id/joint-opinion/submit', handle({ params: IdParamsSchema }, ({ req, params }) => o.service.submit(authOf(req), params.id)));
  r.post('/consultations/:id/joint-opinion/amendments', handle({ params: IdParamsSchema, status: 201 }, ({ req, params }) => o.service.amend(authOf(req), params.id)));
  r.post('/opinions/:id/sign', ...limits.signing, handle({ params: IdParamsSchema, body: SignOpinionBodySchema }, ({ req, params, body }) => o.signing.sign(authOf(req), params.id, body.password)));
  r.post('/opinions/:id/acknowledge', handle({ params: IdParamsSchema }, ({ req, params }) => o.signing.acknowledge(authOf(req), params.id)));
  r.get('/opinions/:id/verify', handle({ params: IdParamsSchema }, ({ req, params }) => o.verifier.verify(authOf(req), params.id)));
  return r;
}
