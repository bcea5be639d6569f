import type { AccessClaims, ParticipantRole } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { ConsultationPolicy, type AccessPurpose } from './consultation-policy';

export interface ParticipantGrant {
  consultationId: string;
  participantRole: ParticipantRole;
  displayName: string;
  institutionName: string;
  hisPatientId: string;
  patientInstitutionId: string;
}

export interface GrantOptions {
  /** Reading after the end (the expert's amendments and prescriptions, the local doctor). */
  allowEnded?: boolean;
  /** What for: the kiosk joins the room but never reads the record or the note. */
  purpose?: AccessPurpose;
}

/**
 * Who may take part in a consultation (join its room, read its patient's record, prescribe …).
 * The one policy place for consultations: decided on the server from the database, per object.
 *  - an invited participant (expert, field doctor, kiosk that checked the patient in …) may, in the
 *    role their account holds;
 *  - a county doctor of the patient's institution may join as the local doctor;
 *  - a clinic visit needs the patient's telemedicine consent, standing, to be joined or read;
 *  - nobody joins once the consultation has ended; afterwards only the expert and the local doctor read.
 */
export class ConsultationAccess {
  constructor(private readonly prisma: Prisma) {}

  async grant(user: AccessClaims, consultationId: string, opts: GrantOptions = {}): Promise<ParticipantGrant> {
    const [c, person] = await Promise.all([
      this.prisma.consultation.findUnique({
        where: { id: consultationId },
        include: { participants: { where: { userId: user.sub } }, appointment: { select: { telemedicineConsentAt: true } } },
      }),
      this.prisma.user.findUnique({ where: { id: user.sub }, include: { institution: true } }),
    ]);
    if (!c) throw notFound('Consultation');
    if (!person || person.disabled) throw forbidden();
    const ended = c.status === 'ended';
    if (ended && !opts.allowEnded) throw new AppError('forbidden', 'This consultation has ended');
    const invited = c.participants[0];
    let participantRole: ParticipantRole | null = invited && ConsultationPolicy.rolesHeld(person.role).includes(invited.role) ? invited.role : null;
    if (!participantRole && person.role === 'county_doctor' && person.institutionId === c.institutionId) participantRole = 'local_doctor';
    if (!participantRole) throw forbidden('You are not a participant of this consultation');
    ConsultationPolicy.assertPurpose(participantRole, opts.purpose ?? 'join', ended);
    if (c.appointment && !c.appointment.telemedicineConsentAt && !(ended && participantRole === 'expert')) {
      throw new AppError('consent_required', 'The patient has not given telemedicine consent');
    }
    return {
      consultationId: c.id,
      participantRole,
      displayName: person.displayName,
      institutionName: person.institution.name,
      hisPatientId: c.hisPatientId,
      patientInstitutionId: c.institutionId,
    };
  }
}
