import { Router } from 'express';
import {
  AttachableQuerySchema,
  CreateConsultationRequestSchema,
  DeclineRequestBodySchema,
  FileConsultationRequestBodySchema,
  RequestListQuerySchema,
  RespondProposalBodySchema,
  ScheduleRequestBodySchema,
  IdParamsSchema,
  NoteAmendRequestSchema,
  NoteSaveRequestSchema,
} from '@cloudclinic/shared';
import type { ConsultationOpening } from '../../modules/consultations/consultation-opening';
import type { ConsultationRequests } from '../../modules/consultations/consultation-requests';
import type { RequestScheduling } from '../../modules/consultations/request-scheduling';
import type { ConsultationService } from '../../modules/consultations/consultation-service';
import type { NoteService } from '../../modules/consultations/note-service';
import { handle } from '../handler';
import { authOf } from '../middleware/auth';

export interface ConsultationRouteDeps {
  consultations: ConsultationService;
  opening: ConsultationOpening;
  requests: ConsultationRequests;
  scheduling: RequestScheduling;
  notes: NoteService;
}

export function consultationRoutes({ consultations, opening, requests, scheduling, notes }: ConsultationRouteDeps): Router {
  const r = Router();
  // 远程会诊申请: filed by the patient's county, answered by the provincial inbox (before /:id).
  r.get('/requests/options', handle({}, ({ req }) => requests.options(authOf(req))));
  r.get('/requests/attachables', handle({ query: AttachableQuerySchema }, ({ req, query }) => requests.attachables(authOf(req), query.hisPatientId)));
  r.post('/requests', handle({ body: FileConsultationRequestBodySchema, status: 201 }, ({ req, body }) => requests.file(authOf(req), body)));
  r.get('/requests', handle({ query: RequestListQuerySchema }, async ({ req, query }) => ({ requests: await requests.list(authOf(req), query) })));
  r.get('/requests/:id', handle({ params: IdParamsSchema }, ({ req, params }) => requests.get(authOf(req), params.id)));
  r.post('/requests/:id/schedule', handle({ params: IdParamsSchema, body: ScheduleRequestBodySchema }, ({ req, params, body }) => scheduling.schedule(authOf(req), params.id, body.at, body.expertIds)));
  r.post('/requests/:id/propose', handle({ params: IdParamsSchema, body: ScheduleRequestBodySchema }, ({ req, params, body }) => scheduling.propose(authOf(req), params.id, body.at, body.expertIds)));
  r.post('/requests/:id/respond', handle({ params: IdParamsSchema, body: RespondProposalBodySchema }, ({ req, params, body }) => scheduling.respond(authOf(req), params.id, body.accept)));
  r.post('/requests/:id/decline', handle({ params: IdParamsSchema, body: DeclineRequestBodySchema }, ({ req, params, body }) => scheduling.decline(authOf(req), params.id, body.reason)));
  r.post('/requests/:id/cancel', handle({ params: IdParamsSchema }, ({ req, params }) => scheduling.cancel(authOf(req), params.id)));
  r.get('/break-glass', handle({}, ({ req }) => opening.breakGlassList(authOf(req))));

  r.post('/', handle({ body: CreateConsultationRequestSchema, status: 201 }, ({ req, body }) => opening.create(authOf(req), body)));
  r.get('/:id', handle({ params: IdParamsSchema }, ({ req, params }) => consultations.view(authOf(req), params.id)));
  r.post('/:id/end', handle({ params: IdParamsSchema }, ({ req, params }) => consultations.end(authOf(req), params.id)));
  r.get('/:id/note', handle({ params: IdParamsSchema }, ({ req, params }) => notes.get(authOf(req), params.id)));
  r.put('/:id/note', handle({ params: IdParamsSchema, body: NoteSaveRequestSchema }, ({ req, params, body }) => notes.save(authOf(req), params.id, body)));
  r.post(
    '/:id/note/amendments',
    handle({ params: IdParamsSchema, body: NoteAmendRequestSchema, status: 201 }, ({ req, params, body }) => {
      const { reason, ...fields } = body;
      return notes.amend(authOf(req), params.id, fields, reason);
    }),
  );
  return r;
}
