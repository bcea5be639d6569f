import type { AccessClaims } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { forbidden } from '../../lib/errors';
import type { ConsultationAccess, ParticipantGrant } from '../consultations/consultation-access';

export interface OpinionExpert {
  id: string;
  name: string;
  qualificationNo: string | null;
  institution: string;
}

export interface OpinionParty {
  grant: ParticipantGrant;
  /** The consultation's expert participants, the first invited (the one who opened it) first. */
  experts: OpinionExpert[];
  /** 主持专家: the expert who opened the consultation. */
  chairId: string | null;
  isExpert: boolean;
  isChair: boolean;
}

/**
 * Who takes part in a consultation's opinions: its expert participants (each writes their own, and
 * signs the joint one) with the first of them as chair, and the patient's county doctor (reads the
 * final opinion, acknowledges it). The kiosk, the pharmacist, other counties' doctors and experts
 * not taking part are refused by the consultation's own policy (`ConsultationAccess`).
 */
export class OpinionAccess {
  constructor(
    private readonly prisma: Prisma,
    private readonly consultations: ConsultationAccess,
  ) {}

  async party(user: AccessClaims, consultationId: string): Promise<OpinionParty> {
    const grant = await this.consultations.grant(user, consultationId, { allowEnded: true, purpose: 'record' });
    if (grant.participantRole !== 'expert' && grant.participantRole !== 'local_doctor') throw forbidden('Opinions are for the consultation’s experts and the patient’s county doctor');
    const rows = await this.prisma.consultationParticipant.findMany({
      where: { consultationId, role: 'expert' },
      include: { user: { include: { institution: true } } },
      orderBy: [{ invitedAt: 'asc' }, { id: 'asc' }],
    });
    const experts = rows.map((p) => ({ id: p.userId, name: p.user.displayName, qualificationNo: p.user.qualificationNo, institution: p.user.institution.name }));
    const chairId = experts[0]?.id ?? null;
    const isExpert = grant.participantRole === 'expert';
    return { grant, experts, chairId, isExpert, isChair: isExpert && chairId === user.sub };
  }

  async expert(user: AccessClaims, consultationId: string): Promise<OpinionParty> {
    const party = await this.party(user, consultationId);
    if (!party.isExpert) throw forbidden('Only the consultation’s experts record opinions');
    return party;
  }

  async chair(user: AccessClaims, consultationId: string): Promise<OpinionParty> {
    const party = await this.expert(user, consultationId);
    if (!party.isChair) throw forbidden('Only the chair (主持专家) compiles the joint opinion');
    return party;
  }
}
