import type { ReferralView } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import type { Prisma as Db } from '../../generated/prisma/client';
import { resultView } from './referral-results';
import { ReferralPolicy, type ReferralActor, type ReferralFacts } from './referral-policy';

export const referralInclude = {
  consultation: { select: { institution: { select: { id: true, name: true } } } },
  results: { orderBy: { position: 'asc' } },
} as const;

export type ReferralRow = Db.ReferralGetPayload<{ include: typeof referralInclude }>;

export const referralFacts = (r: ReferralRow): ReferralFacts => ({ institutionId: r.institutionId, requestedById: r.requestedById, departmentId: r.departmentId, status: r.status });

/** Views of referrals for one actor, with the people and departments they name (one lookup each for the lot). */
export async function referralViews(prisma: Prisma, actor: ReferralActor, rows: ReferralRow[]): Promise<ReferralView[]> {
  const [users, departments] = await Promise.all([
    prisma.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.requestedById))] } }, select: { id: true, displayName: true } }),
    prisma.department.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.departmentId))] } }, include: { institution: { select: { name: true } } } }),
  ]);
  const name = new Map(users.map((u) => [u.id, u.displayName]));
  const dept = new Map(departments.map((d) => [d.id, { id: d.id, name: d.name, nameEn: d.nameEn, institutionName: d.institution.name }]));
  const now = new Date();
  return rows.map((r) => ({
    id: r.id,
    consultationId: r.consultationId,
    hisPatientId: r.hisPatientId,
    institution: r.consultation.institution,
    department: dept.get(r.departmentId) ?? { id: r.departmentId, name: '', nameEn: '', institutionName: '' },
    requestedBy: { id: r.requestedById, displayName: name.get(r.requestedById) ?? r.requestedById },
    kind: r.kind,
    examType: r.examType,
    reason: r.reason,
    urgency: r.urgency,
    summary: r.summary,
    status: r.status,
    declineReason: r.declineReason,
    slotAt: r.slotAt?.toISOString() ?? null,
    place: r.place,
    preparation: r.preparation,
    decidedAt: r.decidedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    results: r.results.map((x) => resultView(x, now)),
    actions: ReferralPolicy.actions(actor, referralFacts(r)),
  }));
}
