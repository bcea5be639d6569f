import { z } from 'zod';
import { IdSchema } from './common';
import { FutureInstantSchema, HisReportIdSchema, REQUEST_LIMITS, RequestUrgencySchema, uniqueList } from './consultation-requests';
import { DicomUidSchema } from './imaging';
import { ExamTypeSchema, ReferralKindSchema, ReferralStatusSchema } from './referral-kinds';

export const REFERRAL_LIMITS = { reason: 1000, summary: 4000, place: 200, preparation: 2000, declineReason: 500 } as const;

/** 上转: filed from a consultation to a provincial department. */
export const FileReferralBodySchema = z
  .object({
    departmentId: IdSchema,
    kind: ReferralKindSchema,
    examType: ExamTypeSchema.optional(),
    reason: z.string().trim().min(2).max(REFERRAL_LIMITS.reason),
    urgency: RequestUrgencySchema,
    summary: z.string().trim().min(10).max(REFERRAL_LIMITS.summary),
    /** Results sent along (the patient's PACS studies, HIS reports): each carries its 互认 mark. */
    studyUids: uniqueList(DicomUidSchema, REQUEST_LIMITS.studies).default([]),
    reportIds: uniqueList(HisReportIdSchema, REQUEST_LIMITS.reports).default([]),
  })
  .strict()
  .refine((b) => (b.kind === 'exam') === (b.examType !== undefined), { message: 'An exam referral names its exam type (and only an exam referral does)', path: ['examType'] });
export type FileReferralBody = z.input<typeof FileReferralBodySchema>;

const Preparation = z.string().trim().max(REFERRAL_LIMITS.preparation).optional();
/**
 * 预约: the provincial coordinator books a seat of one of the department's slots (号源), or, for a
 * department without slots, writes the time and place.
 */
export const BookReferralBodySchema = z.union([
  z.object({ slotId: IdSchema, preparation: Preparation }).strict(),
  z
    .object({
      at: FutureInstantSchema,
      place: z.string().trim().min(2).max(REFERRAL_LIMITS.place),
      preparation: Preparation,
    })
    .strict(),
]);
export type BookReferralBody = z.input<typeof BookReferralBodySchema>;
export const DeclineReferralBodySchema = z.object({ reason: z.string().trim().min(2).max(REFERRAL_LIMITS.declineReason) }).strict();
export const ReferralListQuerySchema = z.object({ status: ReferralStatusSchema.optional() }).strict();
export type ReferralListQuery = z.infer<typeof ReferralListQuerySchema>;

const Person = z.object({ id: z.string(), displayName: z.string() });

/** A result sent with a referral, with its 互认 mark as of today (clinic time). */
export const ReferralResultSchema = z.object({
  kind: z.enum(['study', 'report']),
  /** Study Instance UID or HIS DiagnosticReport id. */
  ref: z.string(),
  title: z.string(),
  /** The day the result was produced (YYYY-MM-DD), if known. */
  date: z.string().nullable(),
  recognition: z.enum(['recognized', 'expired', 'not_listed']),
  /** The last clinic day it is accepted without repeating; null when it is not on the list. */
  validUntil: z.string().nullable(),
});
export type ReferralResult = z.infer<typeof ReferralResultSchema>;

export const ReferralViewSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  hisPatientId: z.string(),
  institution: z.object({ id: z.string(), name: z.string() }),
  department: z.object({ id: z.string(), name: z.string(), nameEn: z.string(), institutionName: z.string() }),
  requestedBy: Person,
  kind: ReferralKindSchema,
  examType: ExamTypeSchema.nullable(),
  reason: z.string(),
  urgency: RequestUrgencySchema,
  summary: z.string(),
  status: ReferralStatusSchema,
  declineReason: z.string().nullable(),
  slotAt: z.string().nullable(),
  place: z.string().nullable(),
  preparation: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  results: z.array(ReferralResultSchema).default([]),
  /** What this user may do now (decided on the server). */
  actions: z.array(z.enum(['book', 'decline', 'complete', 'cancel'])),
});
export type ReferralView = z.infer<typeof ReferralViewSchema>;
export type ReferralAction = ReferralView['actions'][number];
export const ReferralListSchema = z.object({ referrals: z.array(ReferralViewSchema) });
export type ReferralList = z.infer<typeof ReferralListSchema>;
