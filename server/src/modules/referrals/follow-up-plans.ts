import { FileFollowUpPlanBodySchema, type AccessClaims, type FileFollowUpPlanBody, type FollowUpPlanView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { forbidden, invalidState, notFound } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import { carriesOut, planInclude, planView, type PlanRow } from './follow-up-views';
import type { ReferralService } from './referral-service';

/**
 * 下转: a consultation's expert sends the patient back to the county with a follow-up plan (medication,
 * checks, rehabilitation, each with a due date); a county doctor of the patient's institution
 * acknowledges it and ticks the items done. Items past their due date and not done are flagged.
 */
export class FollowUpPlans {
  constructor(
    private readonly prisma: Prisma,
    private readonly referrals: ReferralService,
    private readonly audit: AuditLog,
  ) {}

  async file(user: AccessClaims, consultationId: string, input: FileFollowUpPlanBody): Promise<FollowUpPlanView> {
    const body = FileFollowUpPlanBodySchema.parse(input);
    const grant = await this.referrals.party(user, consultationId);
    if (grant.participantRole !== 'expert') throw forbidden('Only the consultation’s experts send a patient back with a plan');
    const row = await this.prisma.followUpPlan.create({
      data: {
        consultationId,
        institutionId: grant.patientInstitutionId,
        hisPatientId: grant.hisPatientId,
        createdById: user.sub,
        items: { create: body.items.map((i, position) => ({ position, kind: i.kind, text: i.text, dueDate: i.dueDate })) },
      },
      include: planInclude,
    });
    await this.record(user, 'follow_up_plan.create', row, { items: row.items.length });
    return this.view(user, row);
  }

  async forConsultation(user: AccessClaims, consultationId: string): Promise<FollowUpPlanView[]> {
    await this.referrals.party(user, consultationId);
    const rows = await this.prisma.followUpPlan.findMany({ where: { consultationId }, include: planInclude, orderBy: { createdAt: 'desc' } });
    const names = await this.names(rows);
    return rows.map((r) => planView(user, r, names, new Date()));
  }

  async acknowledge(user: AccessClaims, id: string): Promise<FollowUpPlanView> {
    const plan = await this.allowed(user, id);
    if (plan.acknowledgedAt) throw invalidState('This plan has been acknowledged already');
    const n = await this.prisma.followUpPlan.updateMany({ where: { id, acknowledgedAt: null }, data: { acknowledgedAt: new Date(), acknowledgedById: user.sub } });
    if (n.count !== 1) throw invalidState('This plan has been acknowledged already');
    return this.done(user, id, 'follow_up_plan.acknowledge');
  }

  async tick(user: AccessClaims, id: string, itemId: string, done: boolean): Promise<FollowUpPlanView> {
    const plan = await this.allowed(user, id);
    if (!plan.acknowledgedAt) throw invalidState('Acknowledge the plan before ticking its items');
    const n = await this.prisma.followUpItem.updateMany({ where: { id: itemId, planId: id }, data: done ? { doneAt: new Date(), doneById: user.sub } : { doneAt: null, doneById: null } });
    if (n.count !== 1) throw notFound('Follow-up item');
    return this.done(user, id, done ? 'follow_up_item.done' : 'follow_up_item.undone', { itemId });
  }

  private async allowed(user: AccessClaims, id: string): Promise<PlanRow> {
    const plan = await this.prisma.followUpPlan.findUnique({ where: { id }, include: planInclude });
    if (!plan) throw notFound('Follow-up plan');
    if (!carriesOut(user, plan)) throw forbidden('The patient’s county doctors carry out the plan');
    return plan;
  }

  private async done(user: AccessClaims, id: string, action: string, detail?: Record<string, unknown>): Promise<FollowUpPlanView> {
    const row = await this.prisma.followUpPlan.findUniqueOrThrow({ where: { id }, include: planInclude });
    await this.record(user, action, row, detail);
    return this.view(user, row);
  }

  private async view(user: AccessClaims, row: PlanRow): Promise<FollowUpPlanView> {
    return planView(user, row, await this.names([row]), new Date());
  }

  private async names(rows: PlanRow[]): Promise<Map<string, string>> {
    const users = await this.prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.createdById))] } }, select: { id: true, displayName: true } });
    return new Map(users.map((u) => [u.id, u.displayName]));
  }

  private record(user: AccessClaims, action: string, row: PlanRow, detail?: Record<string, unknown>): Promise<void> {
    return this.audit.record({ action, outcome: 'ok', actorId: user.sub, actorRole: user.role, institutionId: user.inst, entityType: 'FollowUpPlan', entityId: row.id, consultationId: row.consultationId, hisPatientId: row.hisPatientId, detail });
  }
}
