import { describe, expect, it } from 'vitest';
import { APPOINTMENT_CODE_KEYS, normalizeAppointmentCode, RANDOM_CODE_ALPHABET } from './appointment-code';

describe('appointment code alphabet', () => {
  it('offers a key for every character of a random code and of a slip code, and no I or O', () => {
    for (const c of `${RANDOM_CODE_ALPHABET}XNJS0123456789`) expect(APPOINTMENT_CODE_KEYS).toContain(c);
    expect(APPOINTMENT_CODE_KEYS).not.toContain('I');
    expect(APPOINTMENT_CODE_KEYS).not.toContain('O');
  });

  it('reads a typed O as 0 and I as 1, and drops what no code contains', () => {
    expect(normalizeAppointmentCode('xn11 23o1')).toBe('XN112301');
    expect(normalizeAppointmentCode('js-i12302')).toBe('JS112302');
  });
});
