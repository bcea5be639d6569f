import { describe, expect, it } from 'vitest';
import { DEMO_PATIENTS } from '../demo-patients';
import { isValidResidentId, makeResidentId, residentIdBirthDate, residentIdCheckChar } from './resident-id';

describe('resident ID (GB 11643, ISO 7064 MOD 11-2)', () => {
  it('computes the check character of the standard example and others', () => {
    // The example printed in GB 11643-1999 itself.
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('440524188001010014')).toBe(true);
  });

  it('rejects a wrong check character, a wrong length and an impossible birth date', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('11010519491231002')).toBe(false);
    const feb30 = '33092219560230001';
    expect(isValidResidentId(feb30 + residentIdCheckChar(feb30))).toBe(false);
  });

  it('makes valid Zhoushan IDs whose sequence digit carries the sex', () => {
    const man = makeResidentId('330922', '1956-03-12', 12, 'male');
    const woman = makeResidentId('330921', '1948-09-30', 13, 'female');
    expect(isValidResidentId(man) && isValidResidentId(woman)).toBe(true);
    expect(Number(man[16]) % 2).toBe(1);
    expect(Number(woman[16]) % 2).toBe(0);
    expect(residentIdBirthDate(man)).toBe('1956-03-12');
  });

  it('gives every demo patient a valid ID matching their birth date, sex and island', () => {
    for (const p of DEMO_PATIENTS) {
      expect(isValidResidentId(p.residentId), p.id).toBe(true);
      expect(residentIdBirthDate(p.residentId)).toBe(p.birthDate);
      expect(Number(p.residentId[16]) % 2 === 1).toBe(p.sex === 'male');
      expect(p.residentId.slice(0, 6)).toBe(p.institution === 'sscph' ? '330922' : '330921');
    }
  });
});
