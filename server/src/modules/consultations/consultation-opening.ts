import type { AccessClaims, BreakGlassList, ConsultationView, CreateConsultationRequest, ParticipantRole } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, badRequest, forbidden } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { EventBus } from '../events/event-bus';
import type { PatientIdentity } from '../records/patient-identity';
import { ConsultationPolicy } from './consultation-policy';
import { consultationInclude, consultationView } from './views';

type Tx = Parameters<Parameters<Prisma['$transaction']>[0]>[0];
type CreateBody = CreateConsultationRequest & { kind: 'remote_consultation' | 'mdt' | 'field'; invite: { userId: string; role: ParticipantRole }[] };
type Basis = { kind: 'request'; requestId: string } | { kind: 'appointment' } | { kind: 'break_glass'; reason: string };

/**
 * Ad-hoc consultations (远程会诊 / MDT / field) opened by an expert. A consultation for a patient
 * starts from the patient's side: a scheduled consultation request from the patient's county (its
 * consultation, opened at scheduling, is started by an assigned expert), or a
 * clinic appointment with this expert; otherwise only break-glass with a reason, audited, flagged
 * and listed for the admin. The institution must be the patient's managing organization in the HIS.
 */
export class ConsultationOpening {
  constructor(
    private readonly prisma: Prisma,
    private readonly identity: PatientIdentity,
    private readonly audit: AuditLog,
    private readonly events: EventBus,
  ) {}

  async create(user: AccessClaims, req: CreateBody): Promise<ConsultationView> {
    const refuse = async (err: AppError): Promise<never> => {
      await this.audit.record({ action: 'consultation.create', outcome: err.code, actorId: user.sub, actorRole: user.role, institutionId: user.inst, hisPatientId: req.hisPatientId });
      throw err;
    };
    /** A policy rule that throws: refused attempts are audited too. */
    const check = async (rule: () => void): Promise<void> => {
      try {
        rule();
      } catch (err) {
        if (err instanceof AppError) await refuse(err);
        throw err;
      }
    };
    if (user.role !== 'expert' && user.role !== 'admin') return refuse(forbidden('Only experts and coordinators open consultations'));
    const inst = await this.prisma.institution.findUnique({ where: { id: req.institutionId } });
    if (!inst) throw badRequest('Unknown institutionId');
    const patient = await this.identity.byId(req.hisPatientId);
    await check(() => ConsultationPolicy.assertManagedBy(patient, inst));
    const basis = await this.basis(user, req).catch((err: unknown) => (err instanceof AppError ? refuse(err) : Promise.reject(err)));
    const invitees = await this.prisma.user.findMany({ where: { id: { in: req.invite.map((i) => i.userId) } } });
    if (invitees.length !== new Set(req.invite.map((i) => i.userId)).size) throw badRequest('Unknown invited userId');
    const participants = new Map<string, ParticipantRole>();
    if (user.role === 'expert') participants.set(user.sub, 'expert');
    for (const i of req.invite) {
      if (participants.has(i.userId)) continue;
      const invitee = invitees.find((u) => u.id === i.userId);
      if (!invitee) throw badRequest('Unknown invited userId');
      await check(() => ConsultationPolicy.assertInvitable(invitee, i.role, inst.id));
      participants.set(i.userId, i.role);
    }
    if (basis.kind === 'request') return this.startScheduled(user, basis.requestId, req.kind, participants);
    const c = await this.prisma.consultation.create({
      data: {
        kind: req.kind,
        status: 'active',
        institutionId: inst.id,
        hisPatientId: req.hisPatientId,
        startedAt: new Date(),
        ...(basis.kind === 'break_glass' ? { breakGlassReason: basis.reason } : {}),
        participants: { create: [...participants].map(([userId, role]) => ({ userId, role })) },
        note: { create: {} },
      },
      include: consultationInclude,
    });
    await this.audit.record({
      action: basis.kind === 'break_glass' ? 'consultation.break_glass' : 'consultation.create',
      outcome: basis.kind === 'break_glass' ? 'flagged' : 'ok',
      actorId: user.sub,
      actorRole: user.role,
      institutionId: user.inst,
      consultationId: c.id,
      hisPatientId: c.hisPatientId,
      detail: { basis: basis.kind },
    });
    this.events.publish('consultation.changed', { consultationId: c.id });
    return consultationView(c, participants.get(user.sub) ?? 'observer');
  }

  /**
   * The consultation a scheduled 远程会诊申请 becomes: waiting for its time, with the assigned experts
   * and the filing county doctor. `claim` moves the request to scheduled in the same transaction, so
   * a request never has two consultations (the second attempt is a 409) nor one it is not scheduled for.
   */
  async openScheduled(
    user: AccessClaims,
    r: { id: string; hisPatientId: string; institutionId: string; requestedById: string },
    expertIds: readonly string[],
    claim: (tx: Tx) => Promise<void>,
  ): Promise<ConsultationView> {
    const people = await this.prisma.user.findMany({ where: { id: { in: [...expertIds, r.requestedById] } } });
    const participants: { userId: string; role: ParticipantRole }[] = [];
    for (const [userId, role] of [...expertIds.map((e) => [e, 'expert'] as const), [r.requestedById, 'local_doctor'] as const]) {
      const person = people.find((p) => p.id === userId);
      if (!person) throw badRequest('Unknown expert id');
      if (person.role !== 'expert' && role === 'expert') throw badRequest('Only experts can be assigned');
      ConsultationPolicy.assertInvitable(person, role, r.institutionId);
      participants.push({ userId, role });
    }
    const c = await this.prisma
      .$transaction(async (tx) => {
        const created = await tx.consultation.create({
          data: {
            kind: 'remote_consultation',
            status: 'waiting',
            institutionId: r.institutionId,
            hisPatientId: r.hisPatientId,
            requestId: r.id,
            participants: { create: participants },
            note: { create: {} },
          },
          include: consultationInclude,
        });
        await claim(tx);
        return created;
      })
      .catch((err: unknown) => {
        if ((err as { code?: string }).code === 'P2002') throw new AppError('conflict', 'This request already has its consultation');
        throw err;
      });
    await this.audit.record({ action: 'consultation.create', outcome: 'ok', actorId: user.sub, actorRole: user.role, institutionId: user.inst, consultationId: c.id, hisPatientId: c.hisPatientId, detail: { basis: 'request' } });
    this.events.publish('consultation.changed', { consultationId: c.id });
    return consultationView(c, participants.find((p) => p.userId === user.sub)?.role ?? 'observer');
  }

  /**
   * An assigned expert opens the consultation a scheduled request became: it starts now, with the
   * invitees added (the patient's kiosk when the patient is present). Opening it again adds nobody twice.
   */
  private async startScheduled(user: AccessClaims, requestId: string, kind: CreateBody['kind'], participants: Map<string, ParticipantRole>): Promise<ConsultationView> {
    const existing = await this.prisma.consultation.findUnique({ where: { requestId } });
    if (!existing || existing.status === 'ended') throw new AppError('invalid_state', 'This request’s consultation has ended');
    await this.prisma.consultationParticipant.createMany({ data: [...participants].map(([userId, role]) => ({ consultationId: existing.id, userId, role })), skipDuplicates: true });
    await this.prisma.consultation.updateMany({ where: { id: existing.id, status: 'waiting' }, data: { status: 'active', startedAt: new Date(), kind } });
    await this.audit.record({ action: 'consultation.start', outcome: 'ok', actorId: user.sub, actorRole: user.role, institutionId: user.inst, consultationId: existing.id, hisPatientId: existing.hisPatientId, detail: { basis: 'request' } });
    this.events.publish('consultation.changed', { consultationId: existing.id });
    const c = await this.prisma.consultation.findUniqueOrThrow({ where: { id: existing.id }, include: consultationInclude });
    return consultationView(c, 'expert');
  }

  /** Break-glass consultations for the admin's review, newest first. */
  async breakGlassList(user: AccessClaims): Promise<BreakGlassList> {
    if (user.role !== 'admin') throw forbidden('Only administrators review break-glass access');
    const rows = await this.prisma.consultation.findMany({
      where: { breakGlassReason: { not: null } },
      include: { participants: { where: { role: 'expert' }, orderBy: { invitedAt: 'asc' }, take: 1 } },
      orderBy: { createdAt: 'desc' },
      take: 200,
    });
    return {
      consultations: rows.map((c) => ({
        id: c.id,
        hisPatientId: c.hisPatientId,
        institutionId: c.institutionId,
        openedById: c.participants[0]?.userId ?? null,
        reason: c.breakGlassReason ?? '',
        createdAt: c.createdAt.toISOString(),
      })),
    };
  }

  private async basis(user: AccessClaims, req: CreateBody): Promise<Basis> {
    if (req.requestId) {
      const r = await this.prisma.consultationRequest.findUnique({ where: { id: req.requestId } });
      if (!r || !r.proposedExpertIds.includes(user.sub) || r.status !== 'scheduled') throw forbidden('No scheduled consultation request of yours with this id');
      if (r.hisPatientId !== req.hisPatientId || r.institutionId !== req.institutionId) throw badRequest('The request is for another patient or institution');
      return { kind: 'request', requestId: r.id };
    }
    const appointment = await this.prisma.appointment.findFirst({
      where: {
        hisPatientId: req.hisPatientId,
        institutionId: req.institutionId,
        telemedicineConsentAt: { not: null },
        status: { in: ['checked_in', 'called', 'in_consultation', 'completed'] },
        session: { expertId: user.sub },
      },
      select: { id: true },
    });
    if (appointment) return { kind: 'appointment' };
    if (req.breakGlassReason) return { kind: 'break_glass', reason: req.breakGlassReason };
    throw new AppError(
      'consultation_request_required',
      'A consultation starts from the patient’s side: a clinic appointment or a scheduled consultation request. Otherwise give a break-glass reason.',
    );
  }
}
