import { Router } from 'express';
import { AuditQuerySchema } from '@cloudclinic/shared';
import type { AuditLog } from '../../modules/audit/audit-log';
import { handle } from '../handler';
import { requireRole } from '../middleware/auth';

/** The audit trail, for admins only: filtered and paged on the server. */
export function auditRoutes(audit: AuditLog): Router {
  const r = Router();
  r.get(
    '/',
    requireRole('admin'),
    handle({ query: AuditQuerySchema }, async ({ query }) => audit.search(query)),
  );
  return r;
}
