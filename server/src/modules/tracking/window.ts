import { clinicDate, clinicDayRange, trackingRange, type TrackingQuery } from '@cloudclinic/shared';
import { badRequest } from '../../lib/errors';

/** The clinic days asked for, and the instants they span: [start, end). */
export interface TrackingWindow {
  from: string;
  to: string;
  days: number;
  start: Date;
  end: Date;
}

/** The query's range with its defaults (the last 30 clinic days up to today); 400 when out of order or too long. */
export function trackingWindow(query: TrackingQuery, now: Date): TrackingWindow {
  const range = trackingRange(query, clinicDate(now));
  if (!range.ok) throw badRequest(range.message, { from: query.from ?? null, to: query.to ?? null });
  return { from: range.from, to: range.to, days: range.days, start: clinicDayRange(range.from).from, end: clinicDayRange(range.to).to };
}
