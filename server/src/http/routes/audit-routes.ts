import { Router } from 'express';
import { z } from 'zod';
import { IdSchema } from '@cloudclinic/shared';
import type { AuditLog } from '../../modules/audit/audit-log';
import { handle } from '../handler';
import { requireRole } from '../middleware/auth';

const AuditQuerySchema = z.object({
  actorId: IdSchema.optional(),
  hisPatientId: z.string().max(64).optional(),
  consultationId: IdSchema.optional(),
  action: z.string().max(64).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

/** The audit trail, for admins only. */
export function auditRoutes(audit: AuditLog): Router {
  const r = Router();
  r.get(
    '/',
    requireRole('admin'),
    handle({ query: AuditQuerySchema }, async ({ query }) => ({ events: await audit.query(query) })),
  );
  return r;
}
