import crypto from 'node:crypto';
import type { AccessClaims, AcceptInvitationResponse, CreateInvitationRequest, InvitationView } from '@cloudclinic/shared';
import { FIELD_INVITATION_MAX_TTL_SECONDS } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, badRequest, forbidden } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess } from '../consultations/consultation-access';
import type { EventBus } from '../events/event-bus';
import { signInvitation, verifyInvitation } from './invitation-token';

export const INVITATION_PATH = '/field/join';

/**
 * Invitations of a field doctor (ship, ambulance) into a consultation. The expert of the
 * consultation creates one (link + QR code, ≤ 15 min); a field doctor of the named institution,
 * logged in as themselves, accepts it and becomes a participant. The token alone grants nothing:
 * acceptance needs the login, the row (revocable), the institution, and a live consultation.
 * The first field doctor to accept owns the invitation; anyone else is refused.
 */
export class InvitationService {
  constructor(
    private readonly prisma: Prisma,
    private readonly access: ConsultationAccess,
    private readonly audit: AuditLog,
    private readonly events: EventBus,
    private readonly secret: string,
  ) {}

  async create(user: AccessClaims, consultationId: string, req: CreateInvitationRequest, origin: string): Promise<InvitationView> {
    const refuse = async (err: AppError): Promise<never> => {
      await this.audit.record({ action: 'field.invitation.create', outcome: err.code, actorId: user.sub, actorRole: user.role, institutionId: user.inst, consultationId });
      throw err;
    };
    const grant = await this.access.grant(user, consultationId).catch((err: unknown) => refuse(err instanceof AppError ? err : forbidden()));
    if (grant.participantRole !== 'expert') return refuse(forbidden('Only the consultation’s expert may invite a field doctor'));
    const institution = req.institutionId
      ? await this.prisma.institution.findUnique({ where: { id: req.institutionId } })
      : await this.prisma.institution.findFirst({ where: { kind: 'mobile_clinic' }, orderBy: { code: 'asc' } });
    if (!institution) throw badRequest('Unknown institutionId');
    const id = crypto.randomUUID();
    const ttl = Math.min(req.ttlSeconds ?? FIELD_INVITATION_MAX_TTL_SECONDS, FIELD_INVITATION_MAX_TTL_SECONDS);
    const expiresAt = new Date(Date.now() + ttl * 1000);
    await this.prisma.fieldInvitation.create({ data: { id, consultationId, institutionId: institution.id, createdById: user.sub, expiresAt } });
    const token = await signInvitation(this.secret, { consultationId, invitationId: id, institutionId: institution.id, expiresAt });
    await this.audit.record({
      action: 'field.invitation.create',
      outcome: 'ok',
      actorId: user.sub,
      actorRole: user.role,
      institutionId: user.inst,
      consultationId,
      hisPatientId: grant.hisPatientId,
      entityType: 'FieldInvitation',
      entityId: id,
      detail: { invitedInstitutionId: institution.id, expiresAt: expiresAt.toISOString() },
    });
    const path = `${INVITATION_PATH}?t=${encodeURIComponent(token)}`;
    return { id, path, url: `${origin}${path}`, token, expiresAt: expiresAt.toISOString(), institution: { id: institution.id, name: institution.name } };
  }

  async accept(user: AccessClaims, token: string): Promise<AcceptInvitationResponse> {
    const refuse = async (err: AppError, consultationId?: string, invitationId?: string): Promise<never> => {
      await this.audit.record({
        action: 'field.invitation.accept',
        outcome: err.code,
        actorId: user.sub,
        actorRole: user.role,
        institutionId: user.inst,
        ...(consultationId ? { consultationId } : {}),
        ...(invitationId ? { entityType: 'FieldInvitation', entityId: invitationId } : {}),
        detail: { reason: err.message },
      });
      throw err;
    };
    if (user.role !== 'field_doctor') return refuse(forbidden('Only field doctors accept field invitations'));
    let claims;
    try {
      claims = await verifyInvitation(this.secret, token);
    } catch (err) {
      return refuse(err instanceof AppError ? err : forbidden('This invitation is not valid'));
    }
    const consultationId = claims.sub;
    const row = await this.prisma.fieldInvitation.findUnique({ where: { id: claims.jti }, include: { consultation: true } });
    if (!row || row.consultationId !== consultationId || row.institutionId !== claims.inst) {
      return refuse(forbidden('This invitation is not valid'), consultationId, claims.jti);
    }
    if (row.revokedAt) return refuse(new AppError('invitation_revoked', 'This invitation was withdrawn; ask the expert for a new one'), consultationId, row.id);
    if (row.expiresAt.getTime() <= Date.now()) return refuse(new AppError('invitation_expired', 'This invitation has expired; ask the expert for a new one'), consultationId, row.id);
    if (row.institutionId !== user.inst) return refuse(forbidden('This invitation is for another institution’s field team'), consultationId, row.id);
    if (row.consultation.status === 'ended') return refuse(forbidden('This consultation has ended'), consultationId, row.id);
    if (row.acceptedById && row.acceptedById !== user.sub) return refuse(forbidden('This invitation has already been used by another doctor'), consultationId, row.id);
    // First acceptance binds the invitation to this doctor (a concurrent second one loses the race).
    if (!row.acceptedById) {
      const claimed = await this.prisma.fieldInvitation.updateMany({ where: { id: row.id, acceptedById: null }, data: { acceptedById: user.sub, acceptedAt: new Date() } });
      if (claimed.count !== 1) {
        const now = await this.prisma.fieldInvitation.findUniqueOrThrow({ where: { id: row.id } });
        if (now.acceptedById !== user.sub) return refuse(forbidden('This invitation has already been used by another doctor'), consultationId, row.id);
      }
    }
    await this.prisma.consultationParticipant.upsert({
      where: { consultationId_userId: { consultationId, userId: user.sub } },
      update: {},
      create: { consultationId, userId: user.sub, role: 'field_doctor' },
    });
    await this.audit.record({
      action: 'field.invitation.accept',
      outcome: 'ok',
      actorId: user.sub,
      actorRole: user.role,
      institutionId: user.inst,
      consultationId,
      hisPatientId: row.consultation.hisPatientId,
      entityType: 'FieldInvitation',
      entityId: row.id,
    });
    this.events.publish('consultation.changed', { consultationId });
    return { consultationId };
  }
}
