/**
 * Clinic time: the hospitals' calendar is China Standard Time (Asia/Shanghai, UTC+8 all year, no
 * daylight saving). Every "today", every age and every end-of-day is computed here, once, for the
 * server and the client alike, so the dose checker and the record panel never disagree about a
 * patient's age around midnight.
 */
export const CLINIC_TIME_ZONE = 'Asia/Shanghai';
export const CLINIC_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
const BIRTH_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` of an instant on the clinic calendar. */
export function clinicDate(now: Date): string {
  return new Date(now.getTime() + CLINIC_OFFSET_MS).toISOString().slice(0, 10);
}

/** UTC milliseconds of midnight of a `YYYY-MM-DD` taken as a UTC date; null unless it is a real calendar day. */
function calendarDay(date: string): number | null {
  const m = CALENDAR_DATE.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t : null;
}

/** Whether `date` is a real `YYYY-MM-DD` calendar day (2026-02-30 is not). */
export function isClinicDate(date: string): boolean {
  return calendarDay(date) !== null;
}

/** The clinic day `date` (`YYYY-MM-DD`) as the half-open range of instants [from, to). */
export function clinicDayRange(date: string): { from: Date; to: Date } {
  const day = calendarDay(date);
  if (day === null) throw new RangeError(`Not a calendar date: ${date}`);
  return { from: new Date(day - CLINIC_OFFSET_MS), to: new Date(day + DAY_MS - CLINIC_OFFSET_MS) };
}

/** The clinic date `days` calendar days after `date` (negative: before). */
export function addClinicDays(date: string, days: number): string {
  const day = calendarDay(date);
  if (day === null) throw new RangeError(`Not a calendar date: ${date}`);
  return new Date(day + days * DAY_MS).toISOString().slice(0, 10);
}

/** The last millisecond of the clinic day `days - 1` days after `at` (1 = the end of `at`'s own day). */
export function endOfClinicDay(at: Date, days = 1): Date {
  const local = new Date(at.getTime() + CLINIC_OFFSET_MS);
  const nextMidnight = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + days);
  return new Date(nextMidnight - CLINIC_OFFSET_MS - 1);
}

export interface Age {
  value: number;
  unit: 'year' | 'month' | 'day';
}

/**
 * Completed age on `now` by the clinic calendar: years, or months / days for infants. A partial
 * birth date (`2008`, `2008-05`) counts from its first day. Null for an unreadable or future date.
 */
export function ageOn(birthDate: string | null | undefined, now: Date): Age | null {
  const match = birthDate ? BIRTH_DATE.exec(birthDate.trim()) : null;
  if (!match) return null;
  const [, by, bm = '01', bd = '01'] = match;
  const [ty, tm, td] = clinicDate(now).split('-').map(Number);
  if (ty === undefined || tm === undefined || td === undefined) return null;
  const birth = { y: Number(by), m: Number(bm), d: Number(bd) };
  let months = (ty - birth.y) * 12 + (tm - birth.m);
  if (td < birth.d) months -= 1;
  if (months < 0) return null;
  if (months >= 12) return { value: Math.floor(months / 12), unit: 'year' };
  if (months >= 1) return { value: months, unit: 'month' };
  const days = Math.floor((Date.UTC(ty, tm - 1, td) - Date.UTC(birth.y, birth.m - 1, birth.d)) / DAY_MS);
  return days < 0 ? null : { value: days, unit: 'day' };
}

/** Whole years of age on `now` by the clinic calendar (0 for infants; null when unknown or in the future). */
export function ageInYears(birthDate: string | null | undefined, now: Date): number | null {
  const age = ageOn(birthDate, now);
  if (!age) return null;
  return age.unit === 'year' ? age.value : 0;
}

const CLINIC_LOCAL = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/;

/** A clinic wall-clock time `YYYY-MM-DDTHH:mm` (a `datetime-local` value read as Asia/Shanghai) as an ISO instant; null if invalid. */
export function clinicLocalToIso(value: string): string | null {
  const m = CLINIC_LOCAL.exec(value);
  if (!m?.[1] || !isClinicDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59) return null;
  return new Date(clinicDayRange(m[1]).from.getTime() + (Number(m[2]) * 60 + Number(m[3])) * 60_000).toISOString();
}

/** An instant as clinic wall-clock time `YYYY-MM-DD HH:mm` (Asia/Shanghai), whatever the browser's zone. */
export function clinicDateTime(iso: string): string {
  const local = new Date(Date.parse(iso) + CLINIC_OFFSET_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}
