import { z } from 'zod';
import { isClinicDate } from '../clinic-time';

export const FOLLOW_UP_LIMITS = { items: 20, text: 500 } as const;

export const FollowUpKindSchema = z.enum(['medication', 'check', 'rehab']);
export type FollowUpKind = z.infer<typeof FollowUpKindSchema>;
const DueDateSchema = z.string().refine(isClinicDate, 'Use a real YYYY-MM-DD date');

export const FollowUpItemBodySchema = z
  .object({ kind: FollowUpKindSchema, text: z.string().trim().min(2).max(FOLLOW_UP_LIMITS.text), dueDate: DueDateSchema })
  .strict();
/** 下转: the expert's follow-up plan for the county. */
export const FileFollowUpPlanBodySchema = z.object({ items: z.array(FollowUpItemBodySchema).min(1).max(FOLLOW_UP_LIMITS.items) }).strict();
export type FileFollowUpPlanBody = z.input<typeof FileFollowUpPlanBodySchema>;
export const TickFollowUpItemBodySchema = z.object({ done: z.boolean() }).strict();
export const FollowUpItemParamsSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/), itemId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

export const FollowUpItemViewSchema = z.object({
  id: z.string(),
  kind: FollowUpKindSchema,
  text: z.string(),
  dueDate: z.string(),
  doneAt: z.string().nullable(),
  /** Due before today on the clinic calendar and not done. */
  overdue: z.boolean(),
});
export type FollowUpItemView = z.infer<typeof FollowUpItemViewSchema>;

export const FollowUpPlanViewSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  acknowledgedAt: z.string().nullable(),
  items: z.array(FollowUpItemViewSchema),
  actions: z.array(z.enum(['acknowledge', 'tick'])),
});
export type FollowUpPlanView = z.infer<typeof FollowUpPlanViewSchema>;
export const FollowUpPlanListSchema = z.object({ plans: z.array(FollowUpPlanViewSchema) });
export type FollowUpPlanList = z.infer<typeof FollowUpPlanListSchema>;
