/** Clinic hours are Asia/Shanghai wall-clock time, whatever the browser's time zone. */
export const CLINIC_TIME_ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';

/** `YYYY-MM-DD` of `now` in Shanghai. */
export function shanghaiDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** ISO timestamp (with offset) of a Shanghai wall-clock date and `HH:MM`. */
export function shanghaiDateTime(date: string, time: string): string {
  return `${date}T${time}:00${OFFSET}`;
}

/** The Shanghai calendar day `date` as a half-open range for `GET /sessions?from&to`. */
export function shanghaiDayRange(date: string): { from: string; to: string } {
  const start = new Date(shanghaiDateTime(date, '00:00'));
  return { from: start.toISOString(), to: new Date(start.getTime() + 24 * 3600_000).toISOString() };
}

export function formatClock(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: CLINIC_TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false }).format(new Date(iso));
}

export function formatDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: CLINIC_TIME_ZONE, month: 'short', day: 'numeric', weekday: 'short' }).format(new Date(iso));
}

/** The whole date with the weekday, e.g. 2026年11月24日星期二 / Tuesday, November 24, 2026. */
export function formatFullDate(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: CLINIC_TIME_ZONE, dateStyle: 'full' }).format(new Date(iso));
}

export function formatDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: CLINIC_TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Whole minutes between `since` and `now` (never negative); null without a start. */
export function minutesSince(since: string | null, now: number): number | null {
  if (!since) return null;
  const t = Date.parse(since);
  return Number.isFinite(t) ? Math.max(0, Math.floor((now - t) / 60_000)) : null;
}
