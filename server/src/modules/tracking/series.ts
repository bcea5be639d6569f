import { CLINIC_OFFSET_MS, type TrackingStats } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { seriesPoints, type DayCounts } from './series-points';
import type { TrackingWindow } from './window';

type DayRow = { day: string; n: number };
const byDay = (rows: DayRow[]): DayCounts => new Map(rows.map((r) => [r.day, r.n]));

/**
 * The chart: requests filed per clinic day, and requested consultations held and ended per clinic
 * day, each counted in the database by day and gathered into the window's points.
 */
export async function trackingSeries(prisma: Prisma, w: TrackingWindow): Promise<TrackingStats['series']> {
  const offset = CLINIC_OFFSET_MS / 1000;
  const filed = await prisma.$queryRaw<DayRow[]>`
    SELECT to_char("createdAt" + make_interval(secs => ${offset}::int), 'YYYY-MM-DD') AS day, count(*)::int AS n
    FROM "ConsultationRequest"
    WHERE "createdAt" >= ${w.start}::timestamp(3) AND "createdAt" < ${w.end}::timestamp(3)
    GROUP BY 1`;
  const completed = await prisma.$queryRaw<DayRow[]>`
    SELECT to_char(c."endedAt" + make_interval(secs => ${offset}::int), 'YYYY-MM-DD') AS day, count(*)::int AS n
    FROM "Consultation" c JOIN "ConsultationRequest" r ON r."id" = c."requestId"
    WHERE r."status" = 'scheduled' AND c."status" = 'ended' AND c."startedAt" IS NOT NULL
      AND c."endedAt" >= ${w.start}::timestamp(3) AND c."endedAt" < ${w.end}::timestamp(3)
    GROUP BY 1`;
  return seriesPoints(w.from, w.days, byDay(filed), byDay(completed));
}
