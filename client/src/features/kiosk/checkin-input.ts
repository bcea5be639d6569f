import { isValidResidentId, maskResidentId } from '@cloudclinic/shared';

/** How the patient identifies at the kiosk: the slip's appointment code (default) or the resident ID. */
export type CheckInMode = 'code' | 'resident_id';

/** Keys for appointment codes: every digit and letter (random codes avoid 0/1/I/O, printed slip codes may not). */
export const CODE_KEYS = [...'1234567890ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
export const RESIDENT_ID_KEYS = [...'123456789X0'];

export const CODE_MAX = 12;
export const RESIDENT_ID_LENGTH = 18;

/** Keeps what the field may contain (typed, pasted or scanned): upper-case, allowed characters, max length. */
export function normalizeEntry(mode: CheckInMode, raw: string): string {
  const upper = raw.toUpperCase();
  if (mode === 'code') return upper.replace(/[^A-Z0-9]/g, '').slice(0, CODE_MAX);
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
