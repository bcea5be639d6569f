import type { AccessClaims } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { JointOpinionRow } from './views';

/** Loading joint opinions and writing their audit trail: the one place the opinion tables are read. */
export class OpinionRecords {
  constructor(
    readonly prisma: Prisma,
    private readonly audit: AuditLog,
  ) {}

  async load(id: string): Promise<JointOpinionRow> {
    const row = await this.prisma.jointOpinion.findUnique({ where: { id }, include: { signatures: true } });
    if (!row) throw notFound('Opinion');
    return row;
  }

  /** The newest version of a consultation's joint opinion, or null. */
  latest(consultationId: string): Promise<JointOpinionRow | null> {
    return this.prisma.jointOpinion.findFirst({ where: { consultationId }, orderBy: { version: 'desc' }, include: { signatures: true } });
  }

  record(user: AccessClaims | null, action: string, consultationId: string, entityId: string, outcome: string, detail?: Record<string, unknown>): Promise<void> {
    return this.audit.record({
      action,
      outcome,
      actorId: user?.sub,
      actorRole: user?.role,
      institutionId: user?.inst,
      entityType: 'JointOpinion',
      entityId,
      consultationId,
      detail,
    });
  }
}
