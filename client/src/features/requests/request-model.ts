import { URGENT_RESPONSE_MINUTES, type ConsultationRequestView } from '@cloudclinic/shared';

export interface ResponseClock {
  minutes: number;
  overdue: boolean;
}

/** The response clock of an urgent request the province has not answered yet (null: no clock). */
export function responseClock(r: Pick<ConsultationRequestView, 'urgency' | 'respondedAt' | 'status' | 'createdAt'>, now: number): ResponseClock | null {
  if (r.urgency !== 'urgent' || r.respondedAt !== null || r.status !== 'submitted') return null;
  const minutes = Math.max(0, Math.floor((now - Date.parse(r.createdAt)) / 60_000));
  return { minutes, overdue: minutes >= URGENT_RESPONSE_MINUTES };
}

/** The inbox order: open urgent requests first, then open ones, then the rest; newest first within each. */
export function inboxOrder(list: readonly ConsultationRequestView[]): ConsultationRequestView[] {
  const rank = (r: ConsultationRequestView) => (r.status === 'submitted' || r.status === 'time_proposed' ? (r.urgency === 'urgent' ? 0 : 1) : 2);
  return [...list].sort((a, b) => rank(a) - rank(b) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/** A `datetime-local` input's value (the browser's local time) as an ISO instant; null when empty or invalid. */
export function localToIso(value: string): string | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** An instant as a `datetime-local` value in the browser's time zone (minutes precision). */
export function isoToLocal(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}
