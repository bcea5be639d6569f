import { z } from 'zod';
import { HisPatientIdSchema } from './clinic';
import { IdSchema } from './common';
import { DicomUidSchema } from './imaging';

/** An urgent (急诊) request not answered within this many minutes shows as overdue on the provincial inbox. */
export const URGENT_RESPONSE_MINUTES = 30;
export const REQUEST_LIMITS = { summary: 4000, question: 1000, reason: 500, studies: 10, reports: 10, experts: 5, times: 5 } as const;

export const RequestUrgencySchema = z.enum(['urgent', 'routine']);
export type RequestUrgency = z.infer<typeof RequestUrgencySchema>;
export const RequestStatusSchema = z.enum(['submitted', 'time_proposed', 'scheduled', 'declined', 'cancelled']);
export type RequestStatus = z.infer<typeof RequestStatusSchema>;

/** A HIS report (DiagnosticReport) id, as FHIR ids are spelled. */
export const HisReportIdSchema = z.string().regex(/^[A-Za-z0-9.-]{1,64}$/, 'invalid report id');

const Instant = z.iso.datetime({ offset: true });
/** A time that must still be ahead (a minute of clock skew allowed). */
export const FutureInstantSchema = Instant.refine((s) => Date.parse(s) > Date.now() - 60_000, 'must be in the future');

export const TimeWindowSchema = z
  .object({ from: FutureInstantSchema, to: Instant })
  .strict()
  .refine((w) => Date.parse(w.to) > Date.parse(w.from), { message: 'to must be after from', path: ['to'] });
export type TimeWindow = z.infer<typeof TimeWindowSchema>;

export const uniqueList = <T extends z.ZodType<string>>(item: T, max: number) =>
  z
    .array(item)
    .max(max)
    .refine((a) => new Set(a).size === a.length, 'duplicates');

/** 发起远程会诊: filed by a county doctor for a patient of their own institution. */
export const FileConsultationRequestBodySchema = z
  .object({
    hisPatientId: HisPatientIdSchema,
    summary: z.string().trim().min(10).max(REQUEST_LIMITS.summary),
    question: z.string().trim().min(2).max(REQUEST_LIMITS.question),
    urgency: RequestUrgencySchema,
    departmentId: IdSchema.optional(),
    expertIds: uniqueList(IdSchema, REQUEST_LIMITS.experts).default([]),
    preferredTimes: z.array(TimeWindowSchema).min(1).max(REQUEST_LIMITS.times),
    studyUids: uniqueList(DicomUidSchema, REQUEST_LIMITS.studies).default([]),
    reportIds: uniqueList(HisReportIdSchema, REQUEST_LIMITS.reports).default([]),
  })
  .strict()
  .refine((b) => b.departmentId !== undefined || b.expertIds.length > 0, { message: 'Ask a department or name at least one expert', path: ['departmentId'] });
export type FileConsultationRequestBody = z.input<typeof FileConsultationRequestBodySchema>;

/** 安排: a time and the experts who take the case. */
export const ScheduleRequestBodySchema = z.object({ at: FutureInstantSchema, expertIds: uniqueList(IdSchema, REQUEST_LIMITS.experts).min(1) }).strict();
export type ScheduleRequestBody = z.input<typeof ScheduleRequestBodySchema>;
export const DeclineRequestBodySchema = z.object({ reason: z.string().trim().min(2).max(REQUEST_LIMITS.reason) }).strict();
export const RespondProposalBodySchema = z.object({ accept: z.boolean() }).strict();

export const RequestListQuerySchema = z
  .object({ status: RequestStatusSchema.optional(), urgency: RequestUrgencySchema.optional() })
  .strict();
export type RequestListQuery = z.infer<typeof RequestListQuerySchema>;
export const AttachableQuerySchema = z.object({ hisPatientId: HisPatientIdSchema }).strict();

const Person = z.object({ id: z.string(), displayName: z.string() });

export const ConsultationRequestViewSchema = z.object({
  id: z.string(),
  hisPatientId: z.string(),
  institution: z.object({ id: z.string(), name: z.string() }),
  requestedBy: Person,
  summary: z.string(),
  question: z.string(),
  urgency: RequestUrgencySchema,
  department: z.object({ id: z.string(), name: z.string(), nameEn: z.string() }).nullable(),
  wantedExperts: z.array(Person),
  preferredTimes: z.array(z.object({ from: z.string(), to: z.string() })),
  studyUids: z.array(z.string()),
  reportIds: z.array(z.string()),
  status: RequestStatusSchema,
  scheduledAt: z.string().nullable(),
  proposedAt: z.string().nullable(),
  proposedExperts: z.array(Person),
  assignedExperts: z.array(Person),
  declineReason: z.string().nullable(),
  respondedAt: z.string().nullable(),
  consultationId: z.string().nullable(),
  createdAt: z.string(),
  /** What this user may do now (the server decides; the screen shows only these buttons). */
  actions: z.array(z.enum(['schedule', 'propose', 'decline', 'respond', 'cancel'])),
});
export type ConsultationRequestView = z.infer<typeof ConsultationRequestViewSchema>;
export const ConsultationRequestListSchema = z.object({ requests: z.array(ConsultationRequestViewSchema) });
export type ConsultationRequestList = z.infer<typeof ConsultationRequestListSchema>;

/** Who the county may ask: the provincial departments and their experts. */
export const RequestOptionsSchema = z.object({
  departments: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string(), institutionName: z.string() })),
  experts: z.array(z.object({ id: z.string(), displayName: z.string(), departmentId: z.string().nullable(), institutionName: z.string() })),
});
export type RequestOptions = z.infer<typeof RequestOptionsSchema>;

/** What the county doctor may attach for a patient: the PACS studies and the HIS reports. */
export const AttachablesSchema = z.object({
  studies: z.array(z.object({ studyUid: z.string(), date: z.string().nullable(), modalities: z.array(z.string()), description: z.string().nullable() })),
  reports: z.array(z.object({ id: z.string(), title: z.string(), date: z.string().nullable(), section: z.string().nullable().default(null) })),
  /** Sources that could not be read (no PACS configured, HIS down): the form says so. */
  unavailable: z.array(z.enum(['pacs', 'his'])),
});
export type Attachables = z.infer<typeof AttachablesSchema>;

/** The admin's review list of break-glass consultations. */
export const BreakGlassListSchema = z.object({
  consultations: z.array(
    z.object({ id: z.string(), hisPatientId: z.string(), institutionId: z.string(), openedById: z.string().nullable(), reason: z.string(), createdAt: z.string() }),
  ),
});
export type BreakGlassList = z.infer<typeof BreakGlassListSchema>;
