import type { AccessClaims, ParticipantRole } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, forbidden, notFound } from '../../lib/errors';

export interface ParticipantGrant {
  consultationId: string;
  participantRole: ParticipantRole;
  displayName: string;
  institutionName: string;
  hisPatientId: string;
  patientInstitutionId: string;
}

/**
 * Who may take part in a consultation (join its room, read its patient's record, prescribe …).
 * The one policy place for consultations: decided on the server from the database, per object.
 *  - an invited participant (expert, field doctor, kiosk that checked the patient in …) may;
 *  - a county doctor of the patient's institution may join as the local doctor;
 *  - nobody may join once the consultation has ended (reading its record afterwards is opt-in per use).
 */
export class ConsultationAccess {
  constructor(private readonly prisma: Prisma) {}

  async grant(user: AccessClaims, consultationId: string, opts: { allowEnded?: boolean } = {}): Promise<ParticipantGrant> {
    const c = await this.prisma.consultation.findUnique({
      where: { id: consultationId },
      include: { participants: { where: { userId: user.sub } } },
    });
    if (!c) throw notFound('Consultation');
    const person = await this.prisma.user.findUnique({ where: { id: user.sub }, include: { institution: true } });
    if (!person || person.disabled) throw forbidden();
    if (c.status === 'ended' && !opts.allowEnded) throw new AppError('forbidden', 'This consultation has ended');
    const invited = c.participants[0];
    let participantRole: ParticipantRole | null = invited?.role ?? null;
    if (!participantRole && person.role === 'county_doctor' && person.institutionId === c.institutionId) participantRole = 'local_doctor';
    if (!participantRole) throw forbidden('You are not a participant of this consultation');
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
