/** A moment as people in the clinic read it: China time, short date, seconds. */
export function chinaDateTime(iso: string, language: string): string {
  return new Intl.DateTimeFormat(language, { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'medium', hour12: false }).format(new Date(iso));
}
