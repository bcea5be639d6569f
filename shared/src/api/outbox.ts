import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './common';

/** A write to an outside system (the county HIS) waiting, delivered, or set aside after failing. */
export const OutboxStatusSchema = z.enum(['pending', 'done', 'failed']);
export type OutboxStatus = z.infer<typeof OutboxStatusSchema>;

/** `GET /api/admin/outbox`: the jobs in one state, newest first (default: the failed ones). */
export const OutboxQuerySchema = z.object({ status: OutboxStatusSchema.default('failed') }).strict();
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

export const OutboxJobViewSchema = z.object({
  id: IdSchema,
  kind: z.string(),
  status: OutboxStatusSchema,
  attempts: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  createdAt: IsoDateTimeSchema,
  nextAttemptAt: IsoDateTimeSchema,
  doneAt: IsoDateTimeSchema.nullable(),
});
export type OutboxJobView = z.infer<typeof OutboxJobViewSchema>;

export const OutboxJobListSchema = z.object({ jobs: z.array(OutboxJobViewSchema), total: z.number().int().nonnegative() });
export type OutboxJobList = z.infer<typeof OutboxJobListSchema>;
