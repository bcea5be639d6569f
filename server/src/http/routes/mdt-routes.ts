import { Router } from 'express';
import { AddMdtCaseBodySchema, AdvanceMdtMeetingBodySchema, CreateMdtBoardBodySchema, IdParamsSchema, MdtMeetingListQuerySchema, ReorderMdtCasesBodySchema } from '@cloudclinic/shared';
import type { Mdt } from '../../modules/mdt/create-mdt';
import { handle } from '../handler';
import { authOf } from '../middleware/auth';

/** 多学科会诊: boards (coordinator), cases on a sitting (coordinator, the patient's county doctor), the chair's moves. */
export function mdtRoutes({ boards, cases, meetings }: Mdt): Router {
  const r = Router();
  r.post('/mdt/boards', handle({ body: CreateMdtBoardBodySchema, status: 201 }, ({ req, body }) => boards.create(authOf(req), body)));
  r.get('/mdt/boards', handle({}, async ({ req }) => ({ boards: await boards.list(authOf(req)) })));
  r.post('/mdt/boards/:id/cases', handle({ params: IdParamsSchema, body: AddMdtCaseBodySchema, status: 201 }, ({ req, params, body }) => cases.add(authOf(req), params.id, body)));
  r.get('/mdt/meetings', handle({ query: MdtMeetingListQuerySchema }, async ({ req, query }) => ({ meetings: await meetings.list(authOf(req), query.from) })));
  r.get('/mdt/meetings/:id', handle({ params: IdParamsSchema }, ({ req, params }) => meetings.get(authOf(req), params.id)));
  r.post('/mdt/meetings/:id/start', handle({ params: IdParamsSchema }, ({ req, params }) => meetings.start(authOf(req), params.id)));
  r.post('/mdt/meetings/:id/next', handle({ params: IdParamsSchema, body: AdvanceMdtMeetingBodySchema }, ({ req, params, body }) => meetings.advance(authOf(req), params.id, body.fromCaseId)));
  r.put('/mdt/meetings/:id/order', handle({ params: IdParamsSchema, body: ReorderMdtCasesBodySchema }, ({ req, params, body }) => cases.reorder(authOf(req), params.id, body.caseIds)));
  return r;
}
