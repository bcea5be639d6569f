import { clinicDate, FollowUpKindSchema, type AccessClaims, type FollowUpPlanView } from '@cloudclinic/shared';
import type { Prisma as Db } from '../../generated/prisma/client';

export const planInclude = { items: { orderBy: { position: 'asc' } } } as const;
export type PlanRow = Db.FollowUpPlanGetPayload<{ include: typeof planInclude }>;

/** The county doctors of the patient's institution carry out the plan; nobody else acts on it. */
export const carriesOut = (user: AccessClaims, plan: { institutionId: string }) => user.role === 'county_doctor' && user.inst === plan.institutionId;

/** Overdue: due before today on the clinic calendar (Asia/Shanghai) and not done. */
export function planView(user: AccessClaims, row: PlanRow, names: Map<string, string>, now: Date): FollowUpPlanView {
  const today = clinicDate(now);
  const mine = carriesOut(user, row);
  return {
    id: row.id,
    consultationId: row.consultationId,
    createdBy: { id: row.createdById, displayName: names.get(row.createdById) ?? row.createdById },
    createdAt: row.createdAt.toISOString(),
    acknowledgedAt: row.acknowledgedAt?.toISOString() ?? null,
    items: row.items.map((i) => ({
      id: i.id,
      kind: FollowUpKindSchema.parse(i.kind),
      text: i.text,
      dueDate: i.dueDate,
      doneAt: i.doneAt?.toISOString() ?? null,
      overdue: i.doneAt === null && i.dueDate < today,
    })),
    actions: mine ? (row.acknowledgedAt ? ['tick'] : ['acknowledge']) : [],
  };
}
