import type { TFunction } from 'i18next';

/** A duration in minutes in words: minutes, hours and minutes, or days and hours. */
export function formatMinutes(t: TFunction, minutes: number | null): string {
  if (minutes === null) return t('tracking.tiles.none');
  const whole = Math.round(minutes);
  if (whole < 60) return t('tracking.duration.minutes', { m: whole });
  if (whole < 1440) return t('tracking.duration.hours', { h: Math.floor(whole / 60), m: whole % 60 });
  return t('tracking.duration.days', { d: Math.floor(whole / 1440), h: Math.floor((whole % 1440) / 60) });
}

/** A share as a whole percentage; the "no data" words when there was nothing to count. */
export function formatRate(t: TFunction, rate: number | null): string {
  return rate === null ? t('tracking.tiles.none') : `${Math.round(rate * 100)}%`;
}
