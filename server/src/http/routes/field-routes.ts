import express, { Router } from 'express';
import { z } from 'zod';
import {
  AcceptInvitationRequestSchema,
  ATTACHMENT_MAX_BYTES,
  ATTACHMENT_MIME_TYPES,
  AttachmentMimeSchema,
  AttachmentUploadQuerySchema,
  CreateInvitationRequestSchema,
  IdParamsSchema,
  IdSchema,
  InvitationListQuerySchema,
  StartFieldConsultationRequestSchema,
  VitalsUploadRequestSchema,
} from '@cloudclinic/shared';
import { badRequest } from '../../lib/errors';
import type { Field } from '../../modules/field/create-field';
import { handle } from '../handler';
import { authOf, requireRole } from '../middleware/auth';

const AttachmentParams = z.object({ id: IdSchema, attachmentId: IdSchema });

/** Field medicine: invitations, ambulance / ship consultations, vitals kept in the record, attachments. */
export function fieldRoutes(field: Field, publicUrl: string): Router {
  const r = Router();
  // Invitations: the consultation's expert creates one; a field doctor (logged in) accepts it.
  r.post(
    '/consultations/:id/invitations',
    handle({ params: IdParamsSchema, body: CreateInvitationRequestSchema, status: 201 }, ({ req, params, body }) =>
      field.invitations.create(authOf(req), params.id, body, publicUrl),
    ),
  );
  r.post('/field/invitations/accept', handle({ body: AcceptInvitationRequestSchema }, ({ req, body }) => field.invitations.accept(authOf(req), body.token)));
  // The inviting expert or an administrator lists the links still open and withdraws one.
  r.get('/field/invitations', handle({ query: InvitationListQuerySchema }, async ({ req, query }) => ({ invitations: await field.revocation.listActive(authOf(req), query.consultationId) })));
  r.post('/field/invitations/:id/revoke', handle({ params: IdParamsSchema }, ({ req, params }) => field.revocation.revoke(authOf(req), params.id)));

  // 上车即入院: the crew opens a field consultation and invites the receiving hospital's expert.
  r.get('/field/directory', requireRole('field_doctor'), handle({}, () => field.consultations.directory()));
  r.post('/field/consultations', handle({ body: StartFieldConsultationRequestSchema, status: 201 }, ({ req, body }) => field.consultations.start(authOf(req), body)));
  r.get('/field/consultations', handle({}, async ({ req }) => ({ consultations: await field.consultations.listMine(authOf(req)) })));

  // Vital signs kept in the record (and written to the HIS as Observations).
  r.post('/consultations/:id/vitals', handle({ params: IdParamsSchema, body: VitalsUploadRequestSchema }, ({ req, params, body }) => field.vitals.upload(authOf(req), params.id, body.readings)));
  r.get('/consultations/:id/vitals', handle({ params: IdParamsSchema }, ({ req, params }) => field.vitals.list(authOf(req), params.id)));

  // Attachments: the image itself is the body (not JSON), up to ATTACHMENT_MAX_BYTES.
  r.post(
    '/consultations/:id/attachments',
    express.raw({ type: [...ATTACHMENT_MIME_TYPES], limit: ATTACHMENT_MAX_BYTES }),
    handle({ params: IdParamsSchema, query: AttachmentUploadQuerySchema, status: 201 }, ({ req, params, query }) => {
      const mime = AttachmentMimeSchema.safeParse(req.get('content-type')?.split(';')[0]?.trim());
      if (!mime.success) throw badRequest(`Send the image as ${ATTACHMENT_MIME_TYPES.join(' or ')}`);
      if (!Buffer.isBuffer(req.body)) throw badRequest('Empty attachment');
      return field.attachments.upload(authOf(req), params.id, query.kind, mime.data, req.body);
    }),
  );
  r.get('/consultations/:id/attachments', handle({ params: IdParamsSchema }, async ({ req, params }) => ({ attachments: await field.attachments.list(authOf(req), params.id) })));
  r.get(
    '/consultations/:id/attachments/:attachmentId',
    handle({ params: AttachmentParams }, async ({ req, res, params }) => {
      const file = await field.attachments.read(authOf(req), params.id, params.attachmentId);
      res.setHeader('Content-Type', file.mime);
      res.setHeader('Cache-Control', 'private, no-store');
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.status(200).end(file.bytes);
    }),
  );
  return r;
}
