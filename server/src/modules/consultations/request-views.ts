import type { ConsultationRequestView } from '@cloudclinic/shared';
import { z } from 'zod';
import type { Prisma } from '../../db/database';
import type { Prisma as Db } from '../../generated/prisma/client';
import { RequestPolicy, type RequestActor, type RequestFacts } from './request-policy';

export const requestInclude = {
  institution: { select: { id: true, name: true } },
  department: { select: { id: true, name: true, nameEn: true } },
  consultation: { select: { id: true, status: true } },
} as const;

export type RequestRow = Db.ConsultationRequestGetPayload<{ include: typeof requestInclude }>;

const TimesSchema = z.array(z.object({ from: z.string(), to: z.string() }));

export function requestFacts(r: RequestRow): RequestFacts {
  return {
    institutionId: r.institutionId,
    requestedById: r.requestedById,
    departmentId: r.departmentId,
    wantedExpertIds: r.wantedExpertIds,
    proposedExpertIds: r.proposedExpertIds,
    status: r.status,
    started: r.consultation !== null && r.consultation.status !== 'waiting',
  };
}

/** Views of requests for one actor, with the names of the people they mention (one lookup for the lot). */
export async function requestViews(prisma: Prisma, actor: RequestActor, rows: RequestRow[]): Promise<ConsultationRequestView[]> {
  const ids = new Set(rows.flatMap((r) => [r.requestedById, ...r.wantedExpertIds, ...r.proposedExpertIds]));
  const users = await prisma.user.findMany({ where: { id: { in: [...ids] } }, select: { id: true, displayName: true } });
  const name = new Map(users.map((u) => [u.id, u.displayName]));
  const person = (id: string) => ({ id, displayName: name.get(id) ?? id });
  return rows.map((r) => {
    const times = TimesSchema.safeParse(r.preferredTimes);
    return {
      id: r.id,
      hisPatientId: r.hisPatientId,
      institution: r.institution,
      requestedBy: person(r.requestedById),
      summary: r.summary,
      question: r.question,
      urgency: r.urgency,
      department: r.department,
      wantedExperts: r.wantedExpertIds.map(person),
      preferredTimes: times.success ? times.data : [],
      studyUids: r.studyUids,
      reportIds: r.reportIds,
      status: r.status,
      scheduledAt: r.scheduledAt?.toISOString() ?? null,
      proposedAt: r.proposedAt?.toISOString() ?? null,
      proposedExperts: r.status === 'time_proposed' ? r.proposedExpertIds.map(person) : [],
      assignedExperts: r.status === 'scheduled' ? r.proposedExpertIds.map(person) : [],
      declineReason: r.declineReason,
      respondedAt: r.respondedAt?.toISOString() ?? null,
      consultationId: r.consultation?.id ?? null,
      createdAt: r.createdAt.toISOString(),
      actions: RequestPolicy.actions(actor, requestFacts(r)),
    };
  });
}
