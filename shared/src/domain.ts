import { z } from 'zod';

export const ROLES = ['expert', 'county_doctor', 'kiosk', 'pharmacist', 'field_doctor', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const INSTITUTION_KINDS = ['provincial_hospital', 'county_hospital', 'township_health_centre', 'mobile_clinic'] as const;
export const InstitutionKindSchema = z.enum(INSTITUTION_KINDS);
export type InstitutionKind = z.infer<typeof InstitutionKindSchema>;

/** Lifecycle of an appointment in a cloud-clinic session. */
export const APPOINTMENT_STATUSES = ['booked', 'checked_in', 'called', 'in_consultation', 'completed', 'no_show', 'cancelled', 'consent_declined'] as const;
export const AppointmentStatusSchema = z.enum(APPOINTMENT_STATUSES);
export type AppointmentStatus = z.infer<typeof AppointmentStatusSchema>;

export const CONSULTATION_KINDS = ['cloud_clinic', 'remote_consultation', 'mdt', 'field'] as const;
export const ConsultationKindSchema = z.enum(CONSULTATION_KINDS);
export type ConsultationKind = z.infer<typeof ConsultationKindSchema>;

export const CONSULTATION_STATUSES = ['waiting', 'active', 'ended'] as const;
export const ConsultationStatusSchema = z.enum(CONSULTATION_STATUSES);
export type ConsultationStatus = z.infer<typeof ConsultationStatusSchema>;

export const PARTICIPANT_ROLES = ['expert', 'patient_kiosk', 'local_doctor', 'field_doctor', 'observer'] as const;
export const ParticipantRoleSchema = z.enum(PARTICIPANT_ROLES);
export type ParticipantRole = z.infer<typeof ParticipantRoleSchema>;
