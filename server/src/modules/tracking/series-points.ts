import { addClinicDays, TRACKING_DAILY_MAX_DAYS, type TrackingStats } from '@cloudclinic/shared';

type Series = TrackingStats['series'];

/** How many things happened on each clinic day (`YYYY-MM-DD` → count); days absent count 0. */
export type DayCounts = ReadonlyMap<string, number>;

/**
 * The chart's points for `days` clinic days from `from`: one per day up to 62 days, otherwise one
 * per 7 days starting on `from` (the last may be shorter), every point present even when empty.
 */
export function seriesPoints(from: string, days: number, filed: DayCounts, completed: DayCounts): Series {
  const bucket = days <= TRACKING_DAILY_MAX_DAYS ? 'day' : 'week';
  const size = bucket === 'day' ? 1 : 7;
  const points: Series['points'] = [];
  for (let start = 0; start < days; start += size) {
    const point = { date: addClinicDays(from, start), filed: 0, completed: 0 };
    for (let d = start; d < Math.min(start + size, days); d += 1) {
      const date = addClinicDays(from, d);
      point.filed += filed.get(date) ?? 0;
      point.completed += completed.get(date) ?? 0;
    }
    points.push(point);
  }
  return { bucket, points };
}
