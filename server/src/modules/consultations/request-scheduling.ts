import type { AccessClaims, ConsultationRequestView, RequestStatus } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { badRequest, invalidState, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { EventBus } from '../events/event-bus';
import type { ConsultationOpening } from './consultation-opening';
import type { ConsultationRequests } from './consultation-requests';
import { REQUEST_CHANGED } from './request-events';
import { RequestPolicy, type RequestAction, type RequestActor } from './request-policy';
import { requestFacts, type RequestRow } from './request-views';

const OPEN: RequestStatus[] = ['submitted', 'time_proposed'];
const moved = (n: { count: number }) => {
  if (n.count !== 1) throw invalidState('The request changed meanwhile; reload it');
};

/**
 * The answers to a 远程会诊申请: schedule (a time and experts: the consultation is opened in the same
 * step), propose another time (the filer accepts, which schedules, or not, which re-opens it),
 * decline with a reason, and the filer's cancel until the consultation starts. Each move is a
 * conditional update on the state it starts from, so two answers at once never both land.
 */
export class RequestScheduling {
  constructor(
    private readonly prisma: Prisma,
    private readonly requests: ConsultationRequests,
    private readonly opening: ConsultationOpening,
    private readonly audit: AuditLog,
    private readonly events: EventBus,
  ) {}

  async schedule(user: AccessClaims, id: string, at: string, expertIds: readonly string[]): Promise<ConsultationRequestView> {
    const { actor, r } = await this.allowed(user, id, 'schedule');
    await this.book(user, actor, r, new Date(at), expertIds);
    return this.done(user, r, 'schedule');
  }

  async propose(user: AccessClaims, id: string, at: string, expertIds: readonly string[]): Promise<ConsultationRequestView> {
    const { actor, r } = await this.allowed(user, id, 'propose');
    await this.assertExperts(expertIds);
    const now = new Date();
    moved(
      await this.prisma.consultationRequest.updateMany({
        where: { id, status: 'submitted' },
        data: { status: 'time_proposed', proposedAt: new Date(at), proposedExpertIds: [...expertIds], respondedAt: r.respondedAt ?? now, decidedById: actor.id },
      }),
    );
    return this.done(user, r, 'propose');
  }

  /** The filer's answer to a proposed time: yes schedules it as proposed, no sends it back to the inbox. */
  async respond(user: AccessClaims, id: string, accept: boolean): Promise<ConsultationRequestView> {
    const { actor, r } = await this.allowed(user, id, 'respond');
    if (accept) {
      if (!r.proposedAt || r.proposedAt.getTime() < Date.now() - 60_000) throw invalidState('The proposed time has passed; ask the province for another');
      await this.book(user, actor, r, r.proposedAt, r.proposedExpertIds);
    } else {
      moved(await this.prisma.consultationRequest.updateMany({ where: { id, status: 'time_proposed' }, data: { status: 'submitted', proposedAt: null, proposedExpertIds: [] } }));
    }
    return this.done(user, r, accept ? 'accept_time' : 'reject_time');
  }

  async decline(user: AccessClaims, id: string, reason: string): Promise<ConsultationRequestView> {
    const { actor, r } = await this.allowed(user, id, 'decline');
    moved(
      await this.prisma.consultationRequest.updateMany({
        where: { id, status: { in: OPEN } },
        data: { status: 'declined', declineReason: reason, respondedAt: r.respondedAt ?? new Date(), decidedById: actor.id },
      }),
    );
    return this.done(user, r, 'decline');
  }

  /** The filer withdraws it; a scheduled consultation that has not started is ended with it. */
  async cancel(user: AccessClaims, id: string): Promise<ConsultationRequestView> {
    const { r } = await this.allowed(user, id, 'cancel');
    await this.prisma.$transaction(async (tx) => {
      moved(await tx.consultationRequest.updateMany({ where: { id, status: { in: [...OPEN, 'scheduled'] } }, data: { status: 'cancelled' } }));
      if (r.consultation) moved(await tx.consultation.updateMany({ where: { id: r.consultation.id, status: 'waiting' }, data: { status: 'ended', endedAt: new Date() } }));
    });
    if (r.consultation) this.events.publish('consultation.changed', { consultationId: r.consultation.id });
    return this.done(user, r, 'cancel');
  }

  private async allowed(user: AccessClaims, id: string, action: RequestAction): Promise<{ actor: RequestActor; r: RequestRow }> {
    const actor = await this.requests.actor(user);
    const r = await this.requests.load(id);
    RequestPolicy.assertMay(actor, requestFacts(r), action);
    return { actor, r };
  }

  /** Opens the consultation and marks the request scheduled, in one transaction. */
  private async book(user: AccessClaims, actor: RequestActor, r: RequestRow, at: Date, expertIds: readonly string[]): Promise<void> {
    await this.assertExperts(expertIds);
    await this.opening.openScheduled(user, r, expertIds, async (tx) => {
      moved(
        await tx.consultationRequest.updateMany({
          where: { id: r.id, status: { in: OPEN } },
          data: { status: 'scheduled', scheduledAt: at, proposedAt: null, proposedExpertIds: [...expertIds], respondedAt: r.respondedAt ?? new Date(), decidedById: actor.id },
        }),
      );
    });
  }

  private async assertExperts(expertIds: readonly string[]): Promise<void> {
    const n = await this.prisma.user.count({ where: { id: { in: [...expertIds] }, role: 'expert', disabled: false } });
    if (n !== expertIds.length) throw badRequest('expertIds must name active experts');
  }

  private async done(user: AccessClaims, r: RequestRow, what: string): Promise<ConsultationRequestView> {
    await this.audit.record({ action: `consultation_request.${what}`, outcome: 'ok', actorId: user.sub, actorRole: user.role, institutionId: user.inst, entityType: 'ConsultationRequest', entityId: r.id, hisPatientId: r.hisPatientId });
    this.events.publish(REQUEST_CHANGED, { requestId: r.id, institutionId: r.institutionId });
    const view = await this.requests.get(user, r.id).catch(() => null);
    if (!view) throw notFound('Consultation request');
    return view;
  }
}
