/**
 * Appointment codes, as the kiosk's keypad and the server agree on them.
 * Random codes (booked online) use no 0/1/I/O, so nobody confuses them; the slip codes of the daily
 * clinics are `<prefix><MMDD><queue number>` (XN112301) and do contain 0 and 1, but never I or O.
 */
export const RANDOM_CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** Every character a code may contain: the digits and the letters without I and O. */
export const APPOINTMENT_CODE_KEYS: readonly string[] = [...'1234567890ABCDEFGHJKLMNPQRSTUVWXYZ'];

/** Upper-case, a typed I or O read as 1 or 0 (codes never contain them), anything else dropped. */
export function normalizeAppointmentCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/O/g, '0')
    .replace(/I/g, '1')
    .replace(/[^0-9A-Z]/g, '');
}
