import { z } from 'zod';
import { RoleSchema } from '../domain';
import { IdSchema, IsoDateTimeSchema } from './common';

/** `GET /api/audit` query: every filter optional, combined with AND; newest first, paged by offset. */
export const AuditQuerySchema = z
  .object({
    actorId: IdSchema.optional(),
    /** The acting user's login name (e.g. `dr.chen`); an unknown name matches nothing. */
    actor: z.string().trim().min(1).max(64).optional(),
    hisPatientId: z.string().trim().min(1).max(64).optional(),
    consultationId: IdSchema.optional(),
    /** A prefix: `record` matches `record.read` and `record.refresh`. */
    action: z.string().trim().min(1).max(64).optional(),
    outcome: z.string().trim().min(1).max(32).optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: '`from` must not be after `to`', path: ['from'] });
export type AuditQueryParams = z.infer<typeof AuditQuerySchema>;

export const AuditEventViewSchema = z.object({
  id: z.string(),
  at: IsoDateTimeSchema,
  actorId: z.string().nullable(),
  actorUsername: z.string().nullable(),
  actorRole: RoleSchema.nullable(),
  institutionId: z.string().nullable(),
  action: z.string(),
  outcome: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  hisPatientId: z.string().nullable(),
  consultationId: z.string().nullable(),
  requestId: z.string().nullable(),
  ip: z.string().nullable(),
});
export type AuditEventView = z.infer<typeof AuditEventViewSchema>;

export const AuditPageSchema = z.object({
  events: z.array(AuditEventViewSchema),
  /** How many events match the filters in all. */
  total: z.number().int().min(0),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
