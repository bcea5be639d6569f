import { clinicDate } from '@cloudclinic/shared';

/** Message keys of the ISO weekdays (1 Monday … 7 Sunday). */
const WEEKDAY_KEYS = ['mdt.weekdays.1', 'mdt.weekdays.2', 'mdt.weekdays.3', 'mdt.weekdays.4', 'mdt.weekdays.5', 'mdt.weekdays.6', 'mdt.weekdays.7'] as const;

export function weekdayKey(weekday: number): (typeof WEEKDAY_KEYS)[number] {
  return WEEKDAY_KEYS[(weekday - 1 + 7) % 7] ?? 'mdt.weekdays.1';
}

/** The next date (today included) on a board's weekday, clinic calendar. */
export function nextSitting(weekday: number, today = clinicDate(new Date())): string {
  const d = new Date(`${today}T00:00:00Z`);
  const ahead = (weekday - (d.getUTCDay() || 7) + 7) % 7;
  return new Date(d.getTime() + ahead * 86_400_000).toISOString().slice(0, 10);
}
