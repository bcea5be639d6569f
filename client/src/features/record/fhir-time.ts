/**
 * FHIR dates and instants in China time (UTC+8 all year, no daylight saving), which is how the
 * county hospital and the expert both read them: a note stamped 2021-11-11T00:27Z is a 11 Nov visit.
 */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_ONLY = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Milliseconds since the epoch of a FHIR date / dateTime / instant; a date alone is China midnight. Null when unreadable. */
export function toEpoch(value: string | undefined | null): number | null {
  if (!value) return null;
  const trimmed = value.trim();
  const dateOnly = DATE_ONLY.exec(trimmed);
  if (dateOnly) {
    const [, y, m = '01', d = '01'] = dateOnly;
    const ms = Date.UTC(Number(y), Number(m) - 1, Number(d)) - CHINA_OFFSET_MS;
    return Number.isFinite(ms) ? ms : null;
  }
  const ms = Date.parse(HAS_ZONE.test(trimmed) ? trimmed : `${trimmed}+08:00`);
  return Number.isFinite(ms) ? ms : null;
}

/** `YYYY-MM-DD` of an instant, in China time. */
export function chinaDay(epochMs: number): string {
  return new Date(epochMs + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` (or the partial date as given, e.g. `2008-05`) of a FHIR date-ish value, in China time. */
export function dayOf(value: string | undefined | null): string | null {
  if (!value) return null;
  if (DATE_ONLY.test(value.trim())) return value.trim();
  const ms = toEpoch(value);
  return ms === null ? null : chinaDay(ms);
}

/** Completed age on `now` (China calendar): the shared clinic-time computation, also used by the dose checks. */
export { ageOn, type Age } from '@cloudclinic/shared';
