import { Router } from 'express';
import {
  BookReferralBodySchema,
  DeclineReferralBodySchema,
  FileFollowUpPlanBodySchema,
  FileReferralBodySchema,
  FollowUpItemParamsSchema,
  IdParamsSchema,
  OpenReferralSlotBodySchema,
  ReferralListQuerySchema,
  TickFollowUpItemBodySchema,
} from '@cloudclinic/shared';
import type { Referrals } from '../../modules/referrals/create-referrals';
import { handle } from '../handler';
import { authOf } from '../middleware/auth';

/** 双向转诊: up-referrals from a consultation and the coordinator's booking; down-referral follow-up plans. */
export function referralRoutes({ service, booking, plans, slots }: Referrals): Router {
  const r = Router();
  r.post('/referral-slots', handle({ body: OpenReferralSlotBodySchema, status: 201 }, ({ req, body }) => slots.open(authOf(req), body)));
  r.get('/referrals/:id/slots', handle({ params: IdParamsSchema }, async ({ req, params }) => ({ slots: await slots.forReferral(authOf(req), params.id) })));
  r.post('/consultations/:id/referrals', handle({ params: IdParamsSchema, body: FileReferralBodySchema, status: 201 }, ({ req, params, body }) => service.file(authOf(req), params.id, body)));
  r.get('/consultations/:id/referrals/attachables', handle({ params: IdParamsSchema }, ({ req, params }) => service.attachables(authOf(req), params.id)));
  r.get('/consultations/:id/referrals', handle({ params: IdParamsSchema }, async ({ req, params }) => ({ referrals: await service.forConsultation(authOf(req), params.id) })));
  r.get('/referrals', handle({ query: ReferralListQuerySchema }, async ({ req, query }) => ({ referrals: await service.list(authOf(req), query) })));
  r.get('/referrals/:id', handle({ params: IdParamsSchema }, ({ req, params }) => service.get(authOf(req), params.id)));
  r.post('/referrals/:id/book', handle({ params: IdParamsSchema, body: BookReferralBodySchema }, ({ req, params, body }) => booking.book(authOf(req), params.id, body)));
  r.post('/referrals/:id/decline', handle({ params: IdParamsSchema, body: DeclineReferralBodySchema }, ({ req, params, body }) => booking.decline(authOf(req), params.id, body.reason)));
  r.post('/referrals/:id/complete', handle({ params: IdParamsSchema }, ({ req, params }) => booking.complete(authOf(req), params.id)));
  r.post('/referrals/:id/cancel', handle({ params: IdParamsSchema }, ({ req, params }) => booking.cancel(authOf(req), params.id)));
  r.post('/consultations/:id/follow-up-plans', handle({ params: IdParamsSchema, body: FileFollowUpPlanBodySchema, status: 201 }, ({ req, params, body }) => plans.file(authOf(req), params.id, body)));
  r.get('/consultations/:id/follow-up-plans', handle({ params: IdParamsSchema }, async ({ req, params }) => ({ plans: await plans.forConsultation(authOf(req), params.id) })));
  r.post('/follow-up-plans/:id/acknowledge', handle({ params: IdParamsSchema }, ({ req, params }) => plans.acknowledge(authOf(req), params.id)));
  r.post('/follow-up-plans/:id/items/:itemId', handle({ params: FollowUpItemParamsSchema, body: TickFollowUpItemBodySchema }, ({ req, params, body }) => plans.tick(authOf(req), params.id, params.itemId, body.done)));
  return r;
}
