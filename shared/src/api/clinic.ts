import { z } from 'zod';
import { AppointmentStatusSchema, ConsultationKindSchema, ConsultationStatusSchema, ParticipantRoleSchema } from '../domain';
import { DiagnosisSchema, Icd10CodeSchema } from '../icd10/index';
import { isClinicDate } from '../clinic-time';
import { isValidResidentId } from '../resident-id';
import { NoteRequirementSchema } from './note-requirements';
import { IdSchema } from './common';
import { KioskReferralSchema } from './referral-kinds';

/** A named thing of the directory; `nameEn` where the data has an English name (see the client's localName). */
const Ref = z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional() });

export const ClinicSessionViewSchema = z.object({
  id: z.string(),
  expert: z.object({ id: z.string(), displayName: z.string() }),
  department: Ref,
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  slotMinutes: z.number().int(),
  institutions: z.array(Ref),
  counts: z.object({ booked: z.number().int(), waiting: z.number().int(), done: z.number().int() }),
});
export type ClinicSessionView = z.infer<typeof ClinicSessionViewSchema>;

export const AppointmentViewSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  code: z.string(),
  queueNumber: z.number().int(),
  status: AppointmentStatusSchema,
  patientLabel: z.string(),
  maskedId: z.string().nullable(),
  hisPatientId: z.string(),
  /** Second identifiers, so two 王*国 rows are told apart: sex and age (China time), the HIS number for staff. */
  patient: z.object({
    sex: z.enum(['male', 'female', 'other', 'unknown']).nullable(),
    age: z.number().int().min(0).nullable(),
    /** The HIS number (病历号); null on the public kiosk screen. */
    hisNumber: z.string().nullable(),
    /** False when the booking could not be checked against a county HIS. */
    verified: z.boolean(),
  }),
  institution: Ref,
  checkedInAt: z.string().nullable(),
  calledAt: z.string().nullable(),
  completedAt: z.string().nullable(),
  consultationId: z.string().nullable(),
  consents: z.object({ telemedicine: z.boolean().nullable(), recording: z.boolean().nullable() }),
});
export type AppointmentView = z.infer<typeof AppointmentViewSchema>;

export const QueueViewSchema = z.object({ session: ClinicSessionViewSchema, appointments: z.array(AppointmentViewSchema) });
export type QueueView = z.infer<typeof QueueViewSchema>;

export const SessionListSchema = z.object({ sessions: z.array(ClinicSessionViewSchema) });

/** A day of the clinic calendar (Asia/Shanghai), `YYYY-MM-DD`. */
export const ClinicDateSchema = z.string().refine(isClinicDate, { message: 'Use a calendar date YYYY-MM-DD' });

/** `GET /sessions`: one clinic day (default: today in clinic time), or an explicit range of instants. */
export const SessionListQuerySchema = z
  .object({ date: ClinicDateSchema.optional(), from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional() })
  .strict()
  .refine((q) => !(q.date && (q.from || q.to)), { message: 'Give either a date or a from/to range', path: ['date'] });
export type SessionListQuery = z.infer<typeof SessionListQuerySchema>;

/** One drug of the visit's prescription as the patient reads it: the instruction in plain words (shared/src/plain-words.ts). */
export const KioskDrugSchema = z.object({
  name: z.string(),
  strength: z.string(),
  quantity: z.string(),
  instruction: z.object({ zh: z.string(), en: z.string() }),
});
export type KioskDrug = z.infer<typeof KioskDrugSchema>;

export const KioskPrescriptionSummarySchema = z.object({
  id: z.string(),
  status: z.string(),
  items: z.array(z.string()),
  drugs: z.array(KioskDrugSchema),
  /** The 8-character code printed beside the QR to `/verify/:id` (signed prescriptions only). */
  verifyCode: z.string().nullable(),
});
export type KioskPrescriptionSummary = z.infer<typeof KioskPrescriptionSummarySchema>;

/** What the kiosk shows while the patient waits, when called, and after the visit. */
export const KioskAppointmentViewSchema = AppointmentViewSchema.extend({
  position: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
  /** The expert's usual minutes per patient (the session's slot length). */
  typicalVisitMinutes: z.number().int().positive(),
  /** When the visit the expert is in now began (called or started); null while the expert is free. */
  currentVisitStartedAt: z.string().nullable(),
  expertName: z.string(),
  departmentName: z.string(),
  /** For English screens; absent where the directory has no English name. */
  departmentNameEn: z.string().optional(),
  summary: z
    .object({
      plan: z.string(),
      assessment: z.string(),
      prescriptions: z.array(KioskPrescriptionSummarySchema),
      /** The booked 上转 of this visit: when, where, how to prepare. */
      referral: KioskReferralSchema.nullable(),
    })
    .nullable(),
});
export type KioskAppointmentView = z.infer<typeof KioskAppointmentViewSchema>;

export const PublishSessionRequestSchema = z
  .object({
    expertId: IdSchema,
    departmentId: IdSchema,
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    capacity: z.number().int().min(1).max(200),
    slotMinutes: z.number().int().min(3).max(120).default(10),
    institutionIds: z.array(IdSchema).min(1).max(50),
  })
  .refine((s) => new Date(s.endsAt) > new Date(s.startsAt), { message: 'endsAt must be after startsAt', path: ['endsAt'] });
export type PublishSessionRequest = z.input<typeof PublishSessionRequestSchema>;

export const ResidentIdSchema = z
  .string()
  .trim()
  .transform((s) => s.toUpperCase())
  .refine(isValidResidentId, { message: 'Invalid resident ID number (checksum or birth date)' });

export const HisPatientIdSchema = z.string().regex(/^[A-Za-z0-9.-]{1,64}$/, 'Invalid HIS patient id');
export const BirthDateSchema = z.iso.date('Use YYYY-MM-DD');

/**
 * Booking names the patient the way the county HIS knows them: the HIS patient id, the resident ID
 * number, or the name with the date of birth. The server resolves the patient in the HIS and refuses
 * a name that does not match the record.
 */
export const BookAppointmentRequestSchema = z
  .object({
    hisPatientId: HisPatientIdSchema.optional(),
    institutionId: IdSchema,
    /** Patient's name as on the ID card; only its masked form is stored. */
    patientName: z.string().trim().min(1).max(32),
    residentId: ResidentIdSchema.optional(),
    birthDate: BirthDateSchema.optional(),
  })
  .strict()
  .refine((b) => b.hisPatientId || b.residentId || b.birthDate, {
    message: 'Name the patient by HIS patient id, resident ID, or date of birth with the name',
    path: ['hisPatientId'],
  });
export type BookAppointmentRequest = z.input<typeof BookAppointmentRequestSchema>;

export const CheckInRequestSchema = z.union([
  z.object({ code: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{4,12}$/, 'Invalid appointment code') }).strict(),
  z.object({ residentId: ResidentIdSchema }).strict(),
]);
export type CheckInRequest = z.input<typeof CheckInRequestSchema>;

export const ConsentRequestSchema = z.object({
  kind: z.enum(['telemedicine', 'recording']),
  granted: z.boolean(),
  confirmedBy: z.enum(['patient', 'guardian']),
  guardianName: z.string().trim().min(1).max(32).optional(),
}).refine((c) => c.confirmedBy === 'patient' || c.guardianName, { message: 'guardianName is required when a guardian confirms', path: ['guardianName'] });
export type ConsentRequest = z.input<typeof ConsentRequestSchema>;

const NoteField = z.string().max(20_000);
export const NoteFieldsSchema = z.object({
  chiefComplaint: NoteField,
  history: NoteField,
  examination: NoteField,
  assessment: NoteField,
  plan: NoteField,
});
export type NoteFields = z.infer<typeof NoteFieldsSchema>;

/** The assessment's coded diagnoses: ICD-10 codes from the bundled list. */
export const NoteDiagnosisCodesSchema = z.array(Icd10CodeSchema).max(10);

export const NoteSaveRequestSchema = NoteFieldsSchema.partial().extend({ baseRevision: z.number().int().min(0), diagnoses: NoteDiagnosisCodesSchema.optional() });
export type NoteSaveRequest = z.input<typeof NoteSaveRequestSchema>;

export const NoteViewSchema = NoteFieldsSchema.extend({
  diagnoses: z.array(DiagnosisSchema),
  /** What is still missing before the note may be signed and the consultation ended. */
  missing: z.array(NoteRequirementSchema),
  revision: z.number().int(),
  signed: z.boolean(),
  updatedAt: z.string(),
  versions: z.array(z.object({ version: z.number().int(), signedAt: z.string(), signedById: z.string(), hash: z.string() })),
});
export type NoteView = z.infer<typeof NoteViewSchema>;

export const NoteAmendRequestSchema = NoteFieldsSchema.extend({ diagnoses: NoteDiagnosisCodesSchema.default([]), reason: z.string().trim().min(2).max(500) });

export const CreateConsultationRequestSchema = z.object({
  kind: z.enum(['remote_consultation', 'mdt', 'field']).default('remote_consultation'),
  hisPatientId: HisPatientIdSchema,
  institutionId: IdSchema,
  invite: z.array(z.object({ userId: IdSchema, role: ParticipantRoleSchema })).max(20).default([]),
  /** The accepted 远程会诊 request (from the patient's county) this consultation answers. */
  requestId: IdSchema.optional(),
  /** Without a request: "break-glass", audited, flagged and listed for the admin's review. */
  breakGlassReason: z.string().trim().min(10, 'Give the reason for break-glass access (at least 10 characters)').max(500).optional(),
});
export type CreateConsultationRequest = z.input<typeof CreateConsultationRequestSchema>;

export const ConsultationViewSchema = z.object({
  id: z.string(),
  kind: ConsultationKindSchema,
  status: ConsultationStatusSchema,
  hisPatientId: z.string(),
  institution: Ref,
  appointmentId: z.string().nullable(),
  participants: z.array(z.object({ userId: z.string(), displayName: z.string(), role: ParticipantRoleSchema, institutionName: z.string() })),
  startedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  myRole: ParticipantRoleSchema,
  /** Set when opened by break-glass (no appointment, no request). */
  breakGlass: z.boolean(),
  /** The 远程会诊申请 this consultation answers, and the PACS studies the county attached to it (listed first, marked). */
  requestId: z.string().nullable(),
  attachedStudyUids: z.array(z.string()),
});
export type ConsultationView = z.infer<typeof ConsultationViewSchema>;

export const CallResultSchema = z.object({ appointment: AppointmentViewSchema, consultation: ConsultationViewSchema });
