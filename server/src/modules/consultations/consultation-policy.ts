import type { ParticipantRole, Role } from '@cloudclinic/shared';
import { AppError, forbidden } from '../../lib/errors';
import type { HisPatient } from '../records/patient-identity';

/** Participant roles each account role may hold: an invitation never grants more than the account is. */
const ROLES_HELD: Record<Role, readonly ParticipantRole[]> = {
  expert: ['expert', 'observer'],
  county_doctor: ['local_doctor', 'observer'],
  kiosk: ['patient_kiosk'],
  field_doctor: ['field_doctor'],
  pharmacist: [],
  admin: ['observer'],
};

/** What a participant may read through the consultation besides the live room. */
export type AccessPurpose = 'join' | 'record' | 'note' | 'read';

/**
 * The rules of who may open and join a consultation for which patient, as plain functions; the
 * database-backed checks (`ConsultationAccess`, `ConsultationService.create`, field start, booking)
 * all call these, so REST, sockets, DICOMweb and record reads share one decision.
 */
export const ConsultationPolicy = {
  rolesHeld(role: Role): readonly ParticipantRole[] {
    return ROLES_HELD[role];
  },

  /** An invitee must hold the role; patient-side accounts (kiosk, county doctor) must be of the patient's institution. */
  assertInvitable(invitee: { role: Role; institutionId: string; disabled: boolean }, as: ParticipantRole, patientInstitutionId: string): void {
    if (invitee.disabled) throw forbidden('The invited account is disabled');
    if (!ROLES_HELD[invitee.role].includes(as)) throw forbidden(`An account of role ${invitee.role} cannot take part as ${as}`);
    if ((as === 'patient_kiosk' || as === 'local_doctor') && invitee.institutionId !== patientInstitutionId) {
      throw forbidden('Only the patient’s own institution’s kiosk or doctor can take part on the patient’s side');
    }
  },

  /** The consultation's institution must be the patient's managing organization in the HIS. */
  assertManagedBy(patient: HisPatient | null, institution: { code: string }): void {
    if (!patient) return; // no HIS configured: nothing to compare with (and no record to protect)
    if (patient.managingOrganization !== institution.code) {
      throw new AppError('patient_institution_mismatch', 'This patient is managed by another institution in the county HIS; file the consultation there');
    }
  },

  /**
   * Least access per participant role: the kiosk (a public screen) joins the room but never reads
   * the HIS record or the note draft; after the end only the expert (amendments, prescriptions)
   * and the patient's local doctor keep reading.
   */
  assertPurpose(role: ParticipantRole, purpose: AccessPurpose, ended: boolean): void {
    if (ended && role !== 'expert' && role !== 'local_doctor') throw forbidden('This consultation has ended');
    if (role === 'patient_kiosk' && (purpose === 'record' || purpose === 'note')) throw forbidden('The kiosk screen does not show the record or the note');
  },
};
