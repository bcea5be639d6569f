import { Router } from 'express';
import { CreateConsultationRequestSchema, IdParamsSchema, NoteAmendRequestSchema, NoteSaveRequestSchema } from '@cloudclinic/shared';
import type { ConsultationService } from '../../modules/consultations/consultation-service';
import type { NoteService } from '../../modules/consultations/note-service';
import { handle } from '../handler';
import { authOf } from '../middleware/auth';

export function consultationRoutes(consultations: ConsultationService, notes: NoteService): Router {
  const r = Router();
  r.post('/', handle({ body: CreateConsultationRequestSchema, status: 201 }, ({ req, body }) => consultations.create(authOf(req), body)));
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
