import { z } from 'zod';
import { addClinicDays, clinicDayRange } from '../clinic-time';
import { ClinicDateSchema } from './clinic';
import { RequestStatusSchema } from './consultation-requests';
import { ReferralStatusSchema } from './referral-kinds';

/** The longest range the tracking dashboard answers for, in clinic days (a leap year). */
export const TRACKING_MAX_DAYS = 366;
/** Without `from`, the range is this many clinic days ending on `to` (today by default). */
export const TRACKING_DEFAULT_DAYS = 30;
/** Up to this many days the series has a point per day; a longer range has one per 7 days. */
export const TRACKING_DAILY_MAX_DAYS = 62;

/** `GET /api/tracking?from=YYYY-MM-DD&to=YYYY-MM-DD`: clinic days (Asia/Shanghai), both included. */
export const TrackingQuerySchema = z.object({ from: ClinicDateSchema.optional(), to: ClinicDateSchema.optional() }).strict();
export type TrackingQuery = z.infer<typeof TrackingQuerySchema>;

/** Clinic days from `from` to `to`, both included (1 for a single day; 0 or less when `to` is earlier). */
export function clinicDaysInRange(from: string, to: string): number {
  return Math.round((clinicDayRange(to).from.getTime() - clinicDayRange(from).from.getTime()) / 86_400_000) + 1;
}

export type TrackingRange = { ok: true; from: string; to: string; days: number } | { ok: false; message: string };

/** The range a query asks for, `today` being the clinic date now: defaults filled in, order and length checked. */
export function trackingRange(query: TrackingQuery, today: string): TrackingRange {
  const to = query.to ?? today;
  const from = query.from ?? addClinicDays(to, 1 - TRACKING_DEFAULT_DAYS);
  const days = clinicDaysInRange(from, to);
  if (days < 1) return { ok: false, message: '`from` must not be after `to`' };
  if (days > TRACKING_MAX_DAYS) return { ok: false, message: `A range covers at most ${TRACKING_MAX_DAYS} days` };
  return { ok: true, from, to, days };
}

const Count = z.number().int().min(0);
/** A share from 0 to 1; null when there is nothing to divide by. */
const Rate = z.number().min(0).max(1).nullable();

/** Durations in minutes: how many were measured, their median and 90th percentile (null when none). */
export const TurnaroundSchema = z.object({ count: Count, medianMinutes: z.number().min(0).nullable(), p90Minutes: z.number().min(0).nullable() });
export type Turnaround = z.infer<typeof TurnaroundSchema>;

export const TrackingPointSchema = z.object({
  /** The first clinic day of the point (a day, or 7 days from it). */
  date: ClinicDateSchema,
  /** Requests filed on these days. */
  filed: Count,
  /** Requested consultations that ended (were held) on these days. */
  completed: Count,
});
export type TrackingPoint = z.infer<typeof TrackingPointSchema>;

/**
 * The coordinator's tracking figures. Requests, referrals and plans are those filed in the range
 * (their figures follow them whenever they were answered); follow-up items are those due in the
 * range whose day has passed; the series counts each day's filings and completions.
 */
export const TrackingStatsSchema = z.object({
  range: z.object({ from: ClinicDateSchema, to: ClinicDateSchema, days: z.number().int().min(1).max(TRACKING_MAX_DAYS) }),
  requests: z.object({
    total: Count,
    byStatus: z.record(RequestStatusSchema, Count),
    urgent: Count,
    /** Filed → scheduled (the consultation opened), per urgency. */
    toScheduled: z.object({ routine: TurnaroundSchema, urgent: TurnaroundSchema }),
    /** Urgent requests: filed → the province's first answer, against the response clock. */
    urgentResponse: TurnaroundSchema.extend({ clockMinutes: z.number().int().min(1), withinClock: Count, unanswered: Count }),
    /** Decided: scheduled (a consultation was opened) or declined; completed: that consultation was held and ended. */
    completion: z.object({ decided: Count, completed: Count, rate: Rate }),
  }),
  referrals: z.object({
    /** 上转 (referrals to the province) and 下转 (follow-up plans back to the county) filed. */
    byDirection: z.object({ up: Count, down: Count }),
    byStatus: z.record(ReferralStatusSchema, Count),
    /** 上转 filed → booked. */
    toBooked: TurnaroundSchema,
    /** Booked (whatever happened next) and completed. */
    completion: z.object({ booked: Count, completed: Count, rate: Rate }),
    /** 下转 plans acknowledged by the county. */
    downAcknowledged: Count,
  }),
  followUp: z.object({ due: Count, onTime: Count, late: Count, missed: Count, rate: Rate }),
  series: z.object({ bucket: z.enum(['day', 'week']), points: z.array(TrackingPointSchema) }),
});
export type TrackingStats = z.infer<typeof TrackingStatsSchema>;
