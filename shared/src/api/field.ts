import { z } from 'zod';
import { ConsultationViewSchema } from './clinic';
import { IdSchema } from './common';

/**
 * Field medicine (巡诊 / 上车即入院) REST schemas: invitations of a field doctor into a consultation,
 * ad-hoc field consultations started from the ship or the ambulance, vital-sign summaries kept in
 * the record, and attachments (snapshots of the marked video frame).
 */

// ── Invitations ──────────────────────────────────────────────────────────────────────────────────

/** Invitations live at most this long (the token's `exp`). */
export const FIELD_INVITATION_MAX_TTL_SECONDS = 15 * 60;
export const FIELD_INVITATION_AUDIENCE = 'cloudclinic-field-invite';

export const CreateInvitationRequestSchema = z.object({
  /** The institution whose field doctors may accept (default: the first mobile clinic). */
  institutionId: IdSchema.optional(),
  ttlSeconds: z.number().int().min(60).max(FIELD_INVITATION_MAX_TTL_SECONDS).optional(),
});
export type CreateInvitationRequest = z.input<typeof CreateInvitationRequestSchema>;

/** A compact JWS (three base64url parts). */
export const InvitationTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{10,1000}\.[A-Za-z0-9_-]{10,2000}\.[A-Za-z0-9_-]{10,200}$/, 'invalid invitation token');

export const InvitationViewSchema = z.object({
  id: z.string(),
  /** Path + query to open on the field device (`/field/join?t=…`); the client prefixes its origin. */
  path: z.string(),
  url: z.string(),
  token: InvitationTokenSchema,
  expiresAt: z.string(),
  institution: z.object({ id: z.string(), name: z.string() }),
});
export type InvitationView = z.infer<typeof InvitationViewSchema>;

/** An invitation that can still be accepted (neither revoked nor expired), as listed for revocation. */
export const ActiveInvitationSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  institution: z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional() }),
  createdBy: z.object({ id: z.string(), displayName: z.string() }),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** Set once a field doctor accepted it: the link then works for that doctor only. */
  acceptedAt: z.string().nullable(),
});
export type ActiveInvitation = z.infer<typeof ActiveInvitationSchema>;
export const ActiveInvitationListSchema = z.object({ invitations: z.array(ActiveInvitationSchema) });
export const RevokedInvitationSchema = z.object({ id: z.string(), revokedAt: z.string() });
export const InvitationListQuerySchema = z.object({ consultationId: IdSchema.optional() }).strict();

export const AcceptInvitationRequestSchema = z.object({ token: InvitationTokenSchema });
export type AcceptInvitationRequest = z.input<typeof AcceptInvitationRequestSchema>;

export const AcceptInvitationResponseSchema = z.object({ consultationId: z.string() });
export type AcceptInvitationResponse = z.infer<typeof AcceptInvitationResponseSchema>;

// ── Field consultations (ambulance / ship) ───────────────────────────────────────────────────────

export const StartFieldConsultationRequestSchema = z.object({
  /** The patient in the county HIS. */
  hisPatientId: z.string().regex(/^[A-Za-z0-9.-]{1,64}$/),
  /** The patient's county institution (owner of the HIS record). */
  institutionId: IdSchema,
  /** The receiving hospital's expert, invited at once. */
  expertUserId: IdSchema,
});
export type StartFieldConsultationRequest = z.input<typeof StartFieldConsultationRequestSchema>;

export const FieldDirectorySchema = z.object({
  experts: z.array(z.object({ id: z.string(), displayName: z.string(), institutionName: z.string(), departmentName: z.string().nullable() })),
  institutions: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
});
export type FieldDirectory = z.infer<typeof FieldDirectorySchema>;

export const FieldConsultationListSchema = z.object({ consultations: z.array(ConsultationViewSchema) });
export type FieldConsultationList = z.infer<typeof FieldConsultationListSchema>;

// ── Vital signs kept in the record ───────────────────────────────────────────────────────────────

const Measured = (min: number, max: number) => z.number().finite().min(min).max(max).nullable();

/** One set of readings from the monitor (null: not measured). */
export const VitalsReadingSchema = z.object({
  /** Client-generated: a retried upload of the same reading is stored once. */
  readingId: z.string().uuid(),
  takenAt: z.string().datetime({ offset: true }),
  heartRate: Measured(0, 350),
  spo2: Measured(0, 100),
  systolic: Measured(0, 350),
  diastolic: Measured(0, 250),
  respiratoryRate: Measured(0, 150),
  temperature: Measured(25, 45),
});
export type VitalsReading = z.infer<typeof VitalsReadingSchema>;

export const VitalsUploadRequestSchema = z.object({ readings: z.array(VitalsReadingSchema).min(1).max(60) });
export type VitalsUploadRequest = z.input<typeof VitalsUploadRequestSchema>;

export const VitalsListSchema = z.object({
  readings: z.array(VitalsReadingSchema.extend({ recordedBy: z.string() })),
});
export type VitalsList = z.infer<typeof VitalsListSchema>;

export const VitalsUploadResponseSchema = z.object({ stored: z.number().int(), duplicates: z.number().int() });

// ── Attachments ──────────────────────────────────────────────────────────────────────────────────

export const ATTACHMENT_MIME_TYPES = ['image/jpeg', 'image/png'] as const;
export const AttachmentMimeSchema = z.enum(ATTACHMENT_MIME_TYPES);
export const ATTACHMENT_KINDS = ['annotated_snapshot'] as const;
export const AttachmentKindSchema = z.enum(ATTACHMENT_KINDS);
/** Largest attachment accepted (bytes). */
export const ATTACHMENT_MAX_BYTES = 2 * 1024 * 1024;

export const AttachmentViewSchema = z.object({
  id: z.string(),
  consultationId: z.string(),
  kind: AttachmentKindSchema,
  mime: AttachmentMimeSchema,
  size: z.number().int(),
  createdBy: z.object({ id: z.string(), displayName: z.string() }),
  createdAt: z.string(),
});
export type AttachmentView = z.infer<typeof AttachmentViewSchema>;

export const AttachmentListSchema = z.object({ attachments: z.array(AttachmentViewSchema) });

export const AttachmentUploadQuerySchema = z.object({ kind: AttachmentKindSchema.default('annotated_snapshot') });
