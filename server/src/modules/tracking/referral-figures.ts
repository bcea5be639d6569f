import { ReferralStatusSchema, type TrackingStats } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { rate, turnaround, type DurationRow } from './turnaround';
import type { TrackingWindow } from './window';

type ReferralFigures = TrackingStats['referrals'];

/**
 * 双向转诊 filed in the window, aggregated in the database: 上转 by state and filed → booked (a
 * booked referral keeps its slot whatever happens next, so "was booked" is a slot set), how many
 * booked ones were completed, and the 下转 follow-up plans sent back and acknowledged.
 */
export async function referralFigures(prisma: Prisma, w: TrackingWindow): Promise<ReferralFigures> {
  const filed = { createdAt: { gte: w.start, lt: w.end } };
  const counts = await prisma.referral.groupBy({ by: ['status'], where: filed, _count: { _all: true } });
  const byStatus = Object.fromEntries(ReferralStatusSchema.options.map((s) => [s, 0])) as ReferralFigures['byStatus'];
  for (const c of counts) byStatus[c.status] = c._count._all;
  const [booked] = await prisma.$queryRaw<DurationRow[]>`
    SELECT count(*)::int AS n,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "decidedAt" - "createdAt")::float8) AS median,
      percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM "decidedAt" - "createdAt")::float8) AS p90
    FROM "Referral"
    WHERE "slotAt" IS NOT NULL AND "decidedAt" IS NOT NULL AND "createdAt" >= ${w.start}::timestamp(3) AND "createdAt" < ${w.end}::timestamp(3)`;
  const plans = await prisma.followUpPlan.count({ where: filed });
  const acknowledged = await prisma.followUpPlan.count({ where: { ...filed, acknowledgedAt: { not: null } } });
  const everBooked = booked?.n ?? 0;
  return {
    byDirection: { up: counts.reduce((n, c) => n + c._count._all, 0), down: plans },
    byStatus,
    toBooked: turnaround(booked),
    completion: { booked: everBooked, completed: byStatus.completed, rate: rate(byStatus.completed, everBooked) },
    downAcknowledged: acknowledged,
  };
}
