/** Time helpers for the generator. Everything is China Standard Time (UTC+08:00, no DST). */
const CST_OFFSET_MS = 8 * 3600 * 1000;
export const DAY_MS = 24 * 3600 * 1000;

/** Epoch ms of local midnight of a YYYY-MM-DD date in China Standard Time. */
export function parseLocalDate(date: string): number {
  const ms = Date.parse(`${date}T00:00:00+08:00`);
  if (Number.isNaN(ms)) throw new Error(`bad date ${date}`);
  return ms;
}

/** `2024-03-05T09:30:00+08:00` */
export function formatDateTime(ms: number): string {
  return `${new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 19)}+08:00`;
}

/** `2024-03-05` (local date). */
export function formatDate(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole years between a birth date and an instant. */
export function ageAt(birthDate: string, ms: number): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = formatDate(ms).split('-').map(Number);
  if (by === undefined || bm === undefined || bd === undefined || y === undefined || m === undefined || d === undefined) {
    throw new Error(`bad date ${birthDate}`);
  }
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** A clinic time on the day of `dayMs`: between 08:00 and 16:30 local time, on a 5-minute grid. */
export function clinicTime(dayMs: number, minuteOfDay: number): number {
  const local = parseLocalDate(formatDate(dayMs));
  return local + Math.round(minuteOfDay / 5) * 5 * 60 * 1000;
}
