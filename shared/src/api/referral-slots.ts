import { z } from 'zod';
import { IdSchema } from './common';
import { FutureInstantSchema } from './consultation-requests';
import { ExamTypeSchema, ReferralKindSchema } from './referral-kinds';

export const SLOT_LIMITS = { capacity: 200, place: 200 } as const;

/** 号源: a provincial department's bookable capacity for referrals (an exam room's hour, a clinic half-day, admission beds). */
export const OpenReferralSlotBodySchema = z
  .object({
    departmentId: IdSchema,
    kind: ReferralKindSchema,
    examType: ExamTypeSchema.optional(),
    at: FutureInstantSchema,
    place: z.string().trim().min(2).max(SLOT_LIMITS.place),
    capacity: z.number().int().min(1).max(SLOT_LIMITS.capacity),
  })
  .strict()
  .refine((b) => (b.kind === 'exam') === (b.examType !== undefined), { message: 'An exam slot names its exam type (and only an exam slot does)', path: ['examType'] });
export type OpenReferralSlotBody = z.input<typeof OpenReferralSlotBodySchema>;

export const ReferralSlotViewSchema = z.object({
  id: z.string(),
  departmentId: z.string(),
  kind: ReferralKindSchema,
  examType: ExamTypeSchema.nullable(),
  at: z.string(),
  place: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
});
export type ReferralSlotView = z.infer<typeof ReferralSlotViewSchema>;
export const ReferralSlotListSchema = z.object({ slots: z.array(ReferralSlotViewSchema) });
export type ReferralSlotList = z.infer<typeof ReferralSlotListSchema>;
