import { z } from 'zod';
import { ClinicDateSchema, HisPatientIdSchema } from './clinic';
import { IdSchema } from './common';

/** 多学科会诊 (standing MDT boards): limits of what a board and a case carry. */
export const MDT_LIMITS = { title: 80, summary: 4000, question: 1000, members: 20, cases: 40, minMinutes: 5, maxMinutes: 120 } as const;

/** `HH:MM`, 00:00–23:59, clinic wall-clock time. */
export const ClockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use HH:MM');
const uniqueIds = (max: number) =>
  z
    .array(IdSchema)
    .max(max)
    .refine((a) => new Set(a).size === a.length, 'duplicates');
const Minutes = z.number().int().min(MDT_LIMITS.minMinutes).max(MDT_LIMITS.maxMinutes);

/** The coordinator creates a board: a recurring slot with its chair and member experts. */
export const CreateMdtBoardBodySchema = z
  .object({
    title: z.string().trim().min(2).max(MDT_LIMITS.title),
    departmentId: IdSchema.optional(),
    /** ISO weekday: 1 Monday … 7 Sunday. */
    weekday: z.number().int().min(1).max(7),
    startTime: ClockTimeSchema,
    caseMinutes: Minutes.default(15),
    chairId: IdSchema,
    memberIds: uniqueIds(MDT_LIMITS.members).default([]),
  })
  .strict();
export type CreateMdtBoardBody = z.input<typeof CreateMdtBoardBodySchema>;

/** A case for a sitting (the date falls on the board's weekday); the patient is checked against the county HIS. */
export const AddMdtCaseBodySchema = z
  .object({
    date: ClinicDateSchema,
    hisPatientId: HisPatientIdSchema,
    /** The patient's name as the HIS holds it (checked, then only its masked form is kept). */
    patientName: z.string().trim().min(1).max(32),
    /** The coordinator names the patient's county institution; a county doctor files for their own. */
    institutionId: IdSchema.optional(),
    summary: z.string().trim().min(10).max(MDT_LIMITS.summary),
    question: z.string().trim().min(2).max(MDT_LIMITS.question),
    minutes: Minutes.optional(),
  })
  .strict();
export type AddMdtCaseBody = z.input<typeof AddMdtCaseBodySchema>;

/** The chair moves on from the case named (a second "next" from the same case is a 409, never a double move). */
export const AdvanceMdtMeetingBodySchema = z.object({ fromCaseId: IdSchema }).strict();
/** The chair's new order of the cases still queued (every queued case exactly once). */
export const ReorderMdtCasesBodySchema = z.object({ caseIds: uniqueIds(MDT_LIMITS.cases).refine((a) => a.length > 0, 'empty') }).strict();
export const MdtMeetingListQuerySchema = z.object({ from: ClinicDateSchema.optional() }).strict();

export const MdtCaseStatusSchema = z.enum(['queued', 'current', 'done']);
export type MdtCaseStatus = z.infer<typeof MdtCaseStatusSchema>;
export const MdtMeetingStatusSchema = z.enum(['scheduled', 'running', 'ended']);
export type MdtMeetingStatus = z.infer<typeof MdtMeetingStatusSchema>;

const Person = z.object({ id: z.string(), displayName: z.string() });

export const MdtBoardViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  institution: z.object({ id: z.string(), name: z.string() }),
  department: z.object({ id: z.string(), name: z.string() }).nullable(),
  weekday: z.number(),
  startTime: z.string(),
  caseMinutes: z.number(),
  chair: Person,
  members: z.array(Person),
});
export type MdtBoardView = z.infer<typeof MdtBoardViewSchema>;
export const MdtBoardListSchema = z.object({ boards: z.array(MdtBoardViewSchema) });

/**
 * A case as one participant sees it. `restricted`: a case of another county's patient shown to a
 * county doctor: only its place and time box, never the patient, the summary or the consultation.
 */
export const MdtCaseViewSchema = z.object({
  id: z.string(),
  position: z.number(),
  status: MdtCaseStatusSchema,
  minutes: z.number(),
  startedAt: z.string().nullable(),
  doneAt: z.string().nullable(),
  institution: z.object({ id: z.string(), name: z.string() }),
  restricted: z.boolean(),
  patientLabel: z.string().nullable(),
  hisPatientId: z.string().nullable(),
  summary: z.string().nullable(),
  question: z.string().nullable(),
  consultationId: z.string().nullable(),
});
export type MdtCaseView = z.infer<typeof MdtCaseViewSchema>;

export const MdtMeetingViewSchema = z.object({
  id: z.string(),
  date: z.string(),
  status: MdtMeetingStatusSchema,
  revision: z.number(),
  startedAt: z.string().nullable(),
  board: MdtBoardViewSchema,
  cases: z.array(MdtCaseViewSchema),
  /** The server's clock when answering: countdowns are computed against it, not the browser's. */
  serverTime: z.string(),
  /** What this user may do now (decided on the server). */
  actions: z.array(z.enum(['start', 'next', 'reorder', 'add_case'])),
});
export type MdtMeetingView = z.infer<typeof MdtMeetingViewSchema>;
export type MdtMeetingAction = MdtMeetingView['actions'][number];

export const MdtMeetingSummarySchema = z.object({ id: z.string(), date: z.string(), status: MdtMeetingStatusSchema, boardId: z.string(), title: z.string(), startTime: z.string(), cases: z.number() });
export type MdtMeetingSummary = z.infer<typeof MdtMeetingSummarySchema>;
export const MdtMeetingListSchema = z.object({ meetings: z.array(MdtMeetingSummarySchema) });
