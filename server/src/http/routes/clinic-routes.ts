import { Router } from 'express';
import type { AbuseLimits } from '../middleware/abuse-limits';
import {
  BookAppointmentRequestSchema,
  CheckInRequestSchema,
  ConsentRequestSchema,
  IdParamsSchema,
  PublishSessionRequestSchema,
  SessionListQuerySchema,
  clinicDate,
  clinicDayRange,
} from '@cloudclinic/shared';
import type { QueueService } from '../../modules/clinic/queue-service';
import type { ScheduleService } from '../../modules/clinic/schedule-service';
import { handle } from '../handler';
import { authOf } from '../middleware/auth';

/** Clinic sessions, appointments, kiosk check-in and the expert's queue actions. Reads like a table. */
export function clinicRoutes(schedule: ScheduleService, queue: QueueService, limits: Pick<AbuseLimits, 'checkIn'>): Router {
  const r = Router();
  r.get(
    '/sessions',
    handle({ query: SessionListQuerySchema }, async ({ req, query }) => {
      const day = clinicDayRange(query.date ?? clinicDate(new Date()));
      const from = query.from ? new Date(query.from) : day.from;
      const to = query.to ? new Date(query.to) : day.to;
      return { sessions: await schedule.listSessions(authOf(req), from, to) };
    }),
  );
  r.post('/sessions', handle({ body: PublishSessionRequestSchema, status: 201 }, ({ req, body }) => schedule.publish(authOf(req), body)));
  r.get('/sessions/:id/queue', handle({ params: IdParamsSchema }, ({ req, params }) => queue.queue(authOf(req), params.id)));
  r.post(
    '/sessions/:id/appointments',
    handle({ params: IdParamsSchema, body: BookAppointmentRequestSchema, status: 201 }, ({ req, params, body }) => schedule.book(authOf(req), params.id, body)),
  );
  r.post('/sessions/:id/call-next', handle({ params: IdParamsSchema }, ({ req, params }) => queue.callNext(authOf(req), params.id)));
  r.get('/appointments/:id', handle({ params: IdParamsSchema }, ({ req, params }) => queue.kioskView(authOf(req), params.id)));
  r.post('/appointments/:id/cancel', handle({ params: IdParamsSchema }, ({ req, params }) => schedule.cancel(authOf(req), params.id)));
  r.post('/appointments/:id/call', handle({ params: IdParamsSchema }, ({ req, params }) => queue.call(authOf(req), params.id)));
  r.post('/appointments/:id/no-show', handle({ params: IdParamsSchema }, ({ req, params }) => queue.markNoShow(authOf(req), params.id)));
  r.post('/appointments/:id/reopen', handle({ params: IdParamsSchema }, ({ req, params }) => queue.reopen(authOf(req), params.id)));
  r.post('/appointments/:id/recall', handle({ params: IdParamsSchema }, ({ req, params }) => queue.recall(authOf(req), params.id)));
  r.post(
    '/appointments/:id/consents',
    handle({ params: IdParamsSchema, body: ConsentRequestSchema, status: 201 }, ({ req, params, body }) => queue.recordConsent(authOf(req), params.id, body)),
  );
  r.post('/kiosk/check-in', ...limits.checkIn, handle({ body: CheckInRequestSchema }, ({ req, body }) => queue.checkIn(authOf(req), body)));
  return r;
}
