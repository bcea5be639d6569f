import { describe, expect, it } from 'vitest';
import { isValidResidentId, maskName, maskResidentId, residentIdCheckChar } from './resident-id';

describe('resident ID numbers', () => {
  it('accepts numbers with a correct MOD 11-2 check character, including X', () => {
    expect(isValidResidentId('11010519491231002X')).toBe(true);
    expect(isValidResidentId('330902198001010011')).toBe(true);
    const body = '33092219560312001';
    expect(isValidResidentId(body + residentIdCheckChar(body))).toBe(true);
  });

  it('refuses a wrong check digit, a wrong length, letters and impossible birth dates', () => {
    expect(isValidResidentId('110105194912310021')).toBe(false);
    expect(isValidResidentId('11010519491231002')).toBe(false);
    expect(isValidResidentId('1101051949123100AX')).toBe(false);
    const feb30 = '33092219560230001';
    expect(isValidResidentId(feb30 + residentIdCheckChar(feb30))).toBe(false);
  });

  it('masks what screens may show', () => {
    expect(maskResidentId('11010519491231002X')).toBe('110105********002X');
    expect(maskName('王建国')).toBe('王*国');
    expect(maskName('李明')).toBe('李*');
    expect(maskName('欧阳小雨')).toBe('欧**雨');
  });
});
