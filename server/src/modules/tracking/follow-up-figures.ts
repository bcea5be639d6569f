import { CLINIC_OFFSET_MS, type TrackingStats } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { rate } from './turnaround';
import type { TrackingWindow } from './window';

/**
 * Follow-up plan items due in the window whose due day is over (before `today`): ticked on time (by
 * the end of the due day, clinic time), ticked late, or not ticked at all.
 */
export async function followUpFigures(prisma: Prisma, w: TrackingWindow, today: string): Promise<TrackingStats['followUp']> {
  const offset = CLINIC_OFFSET_MS / 1000;
  const [row] = await prisma.$queryRaw<{ due: number; on_time: number; late: number }[]>`
    SELECT count(*)::int AS due,
      count(*) FILTER (WHERE to_char("doneAt" + make_interval(secs => ${offset}::int), 'YYYY-MM-DD') <= "dueDate")::int AS on_time,
      count(*) FILTER (WHERE to_char("doneAt" + make_interval(secs => ${offset}::int), 'YYYY-MM-DD') > "dueDate")::int AS late
    FROM "FollowUpItem"
    WHERE "dueDate" >= ${w.from} AND "dueDate" <= ${w.to} AND "dueDate" < ${today}`;
  const due = row?.due ?? 0;
  const onTime = row?.on_time ?? 0;
  const late = row?.late ?? 0;
  return { due, onTime, late, missed: due - onTime - late, rate: rate(onTime, due) };
}
