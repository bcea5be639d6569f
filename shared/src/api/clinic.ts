import { z } from 'zod';
import { AppointmentStatusSchema, ConsultationKindSchema, ConsultationStatusSchema, ParticipantRoleSchema } from '../domain';
import { isValidResidentId } from '../resident-id';
import { IdSchema } from './common';

const Ref = z.object({ id: z.string(), name: z.string() });

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

/** What the kiosk shows while the patient waits, when called, and after the visit. */
export const KioskAppointmentViewSchema = AppointmentViewSchema.extend({
  position: z.number().int().nullable(),
  estimatedWaitMinutes: z.number().int().nullable(),
  expertName: z.string(),
  departmentName: z.string(),
  summary: z
    .object({
      plan: z.string(),
      assessment: z.string(),
      prescriptions: z.array(z.object({ id: z.string(), status: z.string(), items: z.array(z.string()) })),
      referral: z.string().nullable(),
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

export const BookAppointmentRequestSchema = z.object({
  hisPatientId: z.string().regex(/^[A-Za-z0-9.-]{1,64}$/),
  institutionId: IdSchema,
  /** Patient's name as on the ID card; only its masked form is stored. */
  patientName: z.string().trim().min(1).max(32),
  residentId: ResidentIdSchema.optional(),
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

export const NoteSaveRequestSchema = NoteFieldsSchema.partial().extend({ baseRevision: z.number().int().min(0) });
export type NoteSaveRequest = z.input<typeof NoteSaveRequestSchema>;

export const NoteViewSchema = NoteFieldsSchema.extend({
  revision: z.number().int(),
  signed: z.boolean(),
  updatedAt: z.string(),
  versions: z.array(z.object({ version: z.number().int(), signedAt: z.string(), signedById: z.string(), hash: z.string() })),
});
export type NoteView = z.infer<typeof NoteViewSchema>;

export const NoteAmendRequestSchema = NoteFieldsSchema.extend({ reason: z.string().trim().min(2).max(500) });

export const CreateConsultationRequestSchema = z.object({
  kind: z.enum(['remote_consultation', 'mdt', 'field']).default('remote_consultation'),
  hisPatientId: z.string().regex(/^[A-Za-z0-9.-]{1,64}$/),
  institutionId: IdSchema,
  invite: z.array(z.object({ userId: IdSchema, role: ParticipantRoleSchema })).max(20).default([]),
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
});
export type ConsultationView = z.infer<typeof ConsultationViewSchema>;

export const CallResultSchema = z.object({ appointment: AppointmentViewSchema, consultation: ConsultationViewSchema });
