import { Router } from 'express';
import { IdParamsSchema, OutboxQuerySchema } from '@cloudclinic/shared';
import type { OutboxAdmin } from '../../modules/outbox/outbox-admin';
import { handle } from '../handler';
import { authOf, requireRole } from '../middleware/auth';

/** The outbox for administrators (under /api/admin/outbox): failed writes to the HIS, and their retry. */
export function outboxRoutes(admin: OutboxAdmin): Router {
  const r = Router();
  r.get('/', requireRole('admin'), handle({ query: OutboxQuerySchema }, ({ query, req }) => admin.list(authOf(req), query.status)));
  r.post('/:id/retry', requireRole('admin'), handle({ params: IdParamsSchema }, ({ params, req }) => admin.retry(authOf(req), params.id, { ip: req.ip, requestId: req.requestId })));
  return r;
}
