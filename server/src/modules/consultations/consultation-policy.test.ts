import { describe, expect, it } from 'vitest';
import { PARTICIPANT_ROLES, ROLES } from '@cloudclinic/shared';
import { AppError } from '../../lib/errors';
import { ConsultationPolicy } from './consultation-policy';

const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof AppError ? err.code : 'thrown';
  }
};

describe('ConsultationPolicy', () => {
  it('never lets an invitation grant a role the account does not hold, for every pair of roles', () => {
    const held: Record<string, string[]> = { expert: ['expert', 'observer'], county_doctor: ['local_doctor', 'observer'], kiosk: ['patient_kiosk'], field_doctor: ['field_doctor'], pharmacist: [], admin: ['observer'] };
    for (const role of ROLES) {
      for (const as of PARTICIPANT_ROLES) {
        const outcome = codeOf(() => ConsultationPolicy.assertInvitable({ role, institutionId: 'sscph-id', disabled: false }, as, 'sscph-id'));
        expect(outcome, `${role} as ${as}`).toBe(held[role]?.includes(as) ? null : 'forbidden');
      }
    }
  });

  it('keeps the patient’s side to the patient’s own institution, and refuses disabled accounts', () => {
    expect(codeOf(() => ConsultationPolicy.assertInvitable({ role: 'kiosk', institutionId: 'dsfph-id', disabled: false }, 'patient_kiosk', 'sscph-id'))).toBe('forbidden');
    expect(codeOf(() => ConsultationPolicy.assertInvitable({ role: 'county_doctor', institutionId: 'dsfph-id', disabled: false }, 'local_doctor', 'sscph-id'))).toBe('forbidden');
    expect(codeOf(() => ConsultationPolicy.assertInvitable({ role: 'expert', institutionId: 'zjh-id', disabled: true }, 'expert', 'sscph-id'))).toBe('forbidden');
    expect(codeOf(() => ConsultationPolicy.assertInvitable({ role: 'expert', institutionId: 'zjh-id', disabled: false }, 'expert', 'sscph-id'))).toBeNull();
  });

  it('files a patient only at their managing organization', () => {
    const patient = { hisPatientId: 'p-0004', sex: 'male' as const, birthDate: '1962-11-02', hisNumber: 'DS2000001', managingOrganization: 'dsfph' };
    expect(codeOf(() => ConsultationPolicy.assertManagedBy(patient, { code: 'sscph' }))).toBe('patient_institution_mismatch');
    expect(codeOf(() => ConsultationPolicy.assertManagedBy({ ...patient, managingOrganization: null }, { code: 'sscph' }))).toBe('patient_institution_mismatch');
    expect(codeOf(() => ConsultationPolicy.assertManagedBy(patient, { code: 'dsfph' }))).toBeNull();
  });

  it('gives the kiosk the room but not the record or the note; after the end only the expert and the local doctor read', () => {
    expect(codeOf(() => ConsultationPolicy.assertPurpose('patient_kiosk', 'join', false))).toBeNull();
    expect(codeOf(() => ConsultationPolicy.assertPurpose('patient_kiosk', 'record', false))).toBe('forbidden');
    expect(codeOf(() => ConsultationPolicy.assertPurpose('patient_kiosk', 'note', false))).toBe('forbidden');
    for (const role of PARTICIPANT_ROLES) {
      expect(codeOf(() => ConsultationPolicy.assertPurpose(role, 'read', true)), role).toBe(role === 'expert' || role === 'local_doctor' ? null : 'forbidden');
    }
  });
});
