import type { AccessClaims } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, forbidden } from '../../lib/errors';
import type { ConsultationAccess, ParticipantGrant } from '../consultations/consultation-access';

/**
 * Who may do what with a prescription, decided on the server per object:
 *  - only the consultation's expert prescribes for its patient (drafts, signs, submits, revises);
 *  - only pharmacists of the patient's county institution review and dispense;
 *  - the prescriber, those pharmacists, the consultation's participants and admins may read it.
 */
export class PrescriptionAccess {
  constructor(
    private readonly prisma: Prisma,
    private readonly consultations: ConsultationAccess,
  ) {}

  /** The consultation's expert (also after it ended: a rejected prescription is revised later). */
  async assertPrescriberOf(user: AccessClaims, consultationId: string): Promise<ParticipantGrant> {
    if (user.role !== 'expert') throw forbidden('Only the consultation’s expert may prescribe');
    const grant = await this.consultations.grant(user, consultationId, { allowEnded: true });
    if (grant.participantRole !== 'expert') throw forbidden('Only the consultation’s expert may prescribe');
    return grant;
  }

  async assertPrescriberOfPrescription(user: AccessClaims, rx: { prescriberId: string; consultationId: string }): Promise<ParticipantGrant> {
    if (rx.prescriberId !== user.sub) throw forbidden('Only the prescriber may change this prescription');
    return this.assertPrescriberOf(user, rx.consultationId);
  }

  /** A pharmacist (active account, per the database) of the prescription's county institution. */
  async assertPharmacistFor(user: AccessClaims, institutionId: string): Promise<void> {
    if (user.role !== 'pharmacist') throw forbidden('Only pharmacists review and dispense prescriptions');
    const me = await this.prisma.user.findUnique({ where: { id: user.sub }, select: { institutionId: true, disabled: true, role: true } });
    if (!me || me.disabled || me.role !== 'pharmacist') throw forbidden();
    if (me.institutionId !== institutionId) throw forbidden('This prescription is dispensed by another institution’s pharmacy');
  }

  /** The prescriptions of a consultation: its expert, its other participants, admins. */
  async assertCanReadConsultation(user: AccessClaims, consultationId: string): Promise<void> {
    if (user.role === 'admin') return;
    await this.consultations.grant(user, consultationId, { allowEnded: true });
  }

  async assertCanRead(user: AccessClaims, rx: { prescriberId: string; consultationId: string; institutionId: string; status: string }): Promise<void> {
    if (user.role === 'admin' || rx.prescriberId === user.sub) return;
    if (user.role === 'pharmacist') {
      if (rx.status === 'draft') throw forbidden('A draft is not yet for review');
      return this.assertPharmacistFor(user, rx.institutionId);
    }
    try {
      await this.consultations.grant(user, rx.consultationId, { allowEnded: true });
    } catch (err) {
      if (err instanceof AppError && err.code === 'not_found') throw forbidden();
      throw err;
    }
  }

  /**
   * The 处方笺 (name, diagnosis, 病历号, 费别): whoever may read the prescription, except a kiosk,
   * which shows the patient the visit summary instead; and only once a version is signed.
   */
  async assertCanReadSheet(user: AccessClaims, rx: { prescriberId: string; consultationId: string; institutionId: string; status: string }): Promise<void> {
    if (user.role === 'kiosk') throw forbidden('The kiosk shows the visit summary, not the printed prescription');
    await this.assertCanRead(user, rx);
  }
}
