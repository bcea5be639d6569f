import type { AccessClaims, ActiveInvitation } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, invalidState, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import { InvitationPolicy } from './invitation-policy';

/**
 * Active field invitations (not revoked, not expired) and their revocation. A revoked link is refused
 * on acceptance (`invitation_revoked`, 410); a doctor who already joined keeps their place.
 */
export class InvitationRevocation {
  constructor(
    private readonly prisma: Prisma,
    private readonly audit: AuditLog,
  ) {}

  async listActive(user: AccessClaims, consultationId?: string): Promise<ActiveInvitation[]> {
    const createdById = InvitationPolicy.listScope(user);
    const rows = await this.prisma.fieldInvitation.findMany({
      where: { revokedAt: null, expiresAt: { gt: new Date() }, ...(createdById ? { createdById } : {}), ...(consultationId ? { consultationId } : {}) },
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
    const [institutions, creators] = await Promise.all([
      this.prisma.institution.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.institutionId))] } } }),
      this.prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, displayName: true } }),
    ]);
    return rows.map((r) => {
      const inst = institutions.find((i) => i.id === r.institutionId);
      return {
        id: r.id,
        consultationId: r.consultationId,
        institution: { id: r.institutionId, name: inst?.name ?? '', ...(inst ? { nameEn: inst.nameEn } : {}) },
        createdBy: { id: r.createdById, displayName: creators.find((u) => u.id === r.createdById)?.displayName ?? '' },
        createdAt: r.createdAt.toISOString(),
        expiresAt: r.expiresAt.toISOString(),
        acceptedAt: r.acceptedAt?.toISOString() ?? null,
      };
    });
  }

  async revoke(user: AccessClaims, invitationId: string): Promise<{ id: string; revokedAt: string }> {
    const record = (outcome: string, consultationId?: string) =>
      this.audit.record({
        action: 'field.invitation.revoke',
        outcome,
        actorId: user.sub,
        actorRole: user.role,
        institutionId: user.inst,
        entityType: 'FieldInvitation',
        entityId: invitationId,
        ...(consultationId ? { consultationId } : {}),
      });
    let consultationId: string | undefined;
    try {
      InvitationPolicy.listScope(user);
      const row = await this.prisma.fieldInvitation.findUnique({ where: { id: invitationId } });
      if (!row) throw notFound('Invitation');
      consultationId = row.consultationId;
      InvitationPolicy.assertMayRevoke(user, row);
      const revokedAt = new Date();
      // Only an unrevoked row changes: of two revocations at once, one wins and the other is told.
      const done = await this.prisma.fieldInvitation.updateMany({ where: { id: row.id, revokedAt: null }, data: { revokedAt } });
      if (done.count !== 1) throw invalidState('This invitation is already revoked');
      await record('ok', row.consultationId);
      return { id: row.id, revokedAt: revokedAt.toISOString() };
    } catch (err) {
      if (err instanceof AppError) await record(err.code, consultationId);
      throw err;
    }
  }
}
