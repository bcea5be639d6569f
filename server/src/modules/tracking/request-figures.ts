import { RequestStatusSchema, URGENT_RESPONSE_MINUTES, type RequestUrgency, type TrackingStats } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { rate, turnaround, type DurationRow } from './turnaround';
import type { TrackingWindow } from './window';

type RequestFigures = TrackingStats['requests'];

/**
 * 远程会诊申请 filed in the window, aggregated in the database: counts by state, filed → scheduled
 * (the consultation opened in the same step), the urgent response clock (filed → the province's
 * first answer), and how many decided requests became a consultation that was held and ended.
 */
export async function requestFigures(prisma: Prisma, w: TrackingWindow): Promise<RequestFigures> {
  const counts = await prisma.consultationRequest.groupBy({ by: ['status', 'urgency'], where: { createdAt: { gte: w.start, lt: w.end } }, _count: { _all: true } });
  const byStatus = Object.fromEntries(RequestStatusSchema.options.map((s) => [s, 0])) as RequestFigures['byStatus'];
  let urgent = 0;
  for (const c of counts) {
    byStatus[c.status] += c._count._all;
    if (c.urgency === 'urgent') urgent += c._count._all;
  }
  const scheduled = await prisma.$queryRaw<(DurationRow & { urgency: RequestUrgency })[]>`
    SELECT r."urgency"::text AS urgency, count(*)::int AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c."createdAt" - r."createdAt")::float8) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c."createdAt" - r."createdAt")::float8) AS p90
    FROM "ConsultationRequest" r JOIN "Consultation" c ON c."requestId" = r."id"
    WHERE r."createdAt" >= ${w.start}::timestamp(3) AND r."createdAt" < ${w.end}::timestamp(3)
    GROUP BY r."urgency"`;
  const clock = URGENT_RESPONSE_MINUTES * 60;
  const [response] = await prisma.$queryRaw<(DurationRow & { within: number; unanswered: number })[]>`
    SELECT count("respondedAt")::int AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "respondedAt" - "createdAt")::float8) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM "respondedAt" - "createdAt")::float8) AS p90,
      count(*) FILTER (WHERE extract(epoch FROM "respondedAt" - "createdAt") <= ${clock}::int)::int AS within,
      count(*) FILTER (WHERE "respondedAt" IS NULL AND "status" IN ('submitted', 'time_proposed'))::int AS unanswered
    FROM "ConsultationRequest"
    WHERE "urgency" = 'urgent' AND "createdAt" >= ${w.start}::timestamp(3) AND "createdAt" < ${w.end}::timestamp(3)`;
  const [outcome] = await prisma.$queryRaw<{ decided: number; completed: number }[]>`
    SELECT count(*) FILTER (WHERE r."status" = 'declined' OR c."id" IS NOT NULL)::int AS decided,
      count(*) FILTER (WHERE r."status" = 'scheduled' AND c."status" = 'ended' AND c."startedAt" IS NOT NULL)::int AS completed
    FROM "ConsultationRequest" r LEFT JOIN "Consultation" c ON c."requestId" = r."id"
    WHERE r."createdAt" >= ${w.start}::timestamp(3) AND r."createdAt" < ${w.end}::timestamp(3)`;
  const decided = outcome?.decided ?? 0;
  const completed = outcome?.completed ?? 0;
  return {
    total: counts.reduce((n, c) => n + c._count._all, 0),
    byStatus,
    urgent,
    toScheduled: { routine: turnaround(scheduled.find((s) => s.urgency === 'routine')), urgent: turnaround(scheduled.find((s) => s.urgency === 'urgent')) },
    urgentResponse: { ...turnaround(response), clockMinutes: URGENT_RESPONSE_MINUTES, withinClock: response?.within ?? 0, unanswered: response?.unanswered ?? 0 },
    completion: { decided, completed, rate: rate(completed, decided) },
  };
}
