import { APPOINTMENT_CODE_KEYS, isValidResidentId, maskResidentId, normalizeAppointmentCode } from '@cloudclinic/shared';

/** How the patient identifies at the kiosk: the slip's appointment code (default) or the resident ID. */
export type CheckInMode = 'code' | 'resident_id';

/** Keys for appointment codes: the digits and the letters codes use (no I or O; see shared/appointment-code.ts). */
export const CODE_KEYS = APPOINTMENT_CODE_KEYS;
export const RESIDENT_ID_KEYS = [...'123456789X0'];

export const CODE_MAX = 12;
export const RESIDENT_ID_LENGTH = 18;

/** Keeps what the field may contain (typed, pasted or scanned): upper-case, allowed characters, max length. */
export function normalizeEntry(mode: CheckInMode, raw: string): string {
  if (mode === 'code') return normalizeAppointmentCode(raw).slice(0, CODE_MAX);
  const upper = raw.toUpperCase();
  // 17 digits, then a check character that may also be X.
  let out = '';
  for (const c of upper) {
    if (out.length >= RESIDENT_ID_LENGTH) break;
    if (/[0-9]/.test(c) || (c === 'X' && out.length === RESIDENT_ID_LENGTH - 1)) out += c;
  }
  return out;
}

export type EntryCheck =
  | { state: 'empty' }
  | { state: 'incomplete'; remaining: number }
  | { state: 'invalid' }
  | { state: 'valid'; masked: string | null };

/** Instant feedback while typing; `valid` means the submit button may be pressed. */
export function checkEntry(mode: CheckInMode, value: string): EntryCheck {
  if (value === '') return { state: 'empty' };
  if (mode === 'code') return value.length >= 4 ? { state: 'valid', masked: null } : { state: 'incomplete', remaining: 4 - value.length };
  if (value.length < RESIDENT_ID_LENGTH) return { state: 'incomplete', remaining: RESIDENT_ID_LENGTH - value.length };
  return isValidResidentId(value) ? { state: 'valid', masked: maskResidentId(value) } : { state: 'invalid' };
}

/** What the field shows: the digits while typing, then the ID masked in the middle (3301**********1234), never dots. */
export function displayEntry(mode: CheckInMode, value: string): string {
  const check = checkEntry(mode, value);
  return check.state === 'valid' && check.masked ? check.masked : value;
}
