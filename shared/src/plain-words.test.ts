import { describe, expect, it } from 'vitest';
import { FREQUENCIES, DRUG_ROUTES } from './api/prescriptions';
import { plainFrequency, plainInstruction, plainRoute } from './plain-words';

describe('prescription shorthand in plain words', () => {
  it.each([
    ['qd', '每日一次'],
    ['bid', '每日两次'],
    ['tid', '每日三次'],
    ['qid', '每日四次'],
    ['qn', '每晚一次'],
    ['prn', '需要时'],
    ['QD', '每日一次'],
    ['b.i.d.', '每日两次'],
  ])('%s → %s', (code, zh) => {
    expect(plainFrequency(code).zh).toBe(zh);
  });

  it('says how to take it: po and oral both read 口服', () => {
    expect(plainRoute('po')).toEqual(plainRoute('oral'));
    expect(plainRoute('PO').zh).toBe('口服');
    expect(plainRoute('sl').zh).toBe('舌下含服');
  });

  it('knows every frequency and route the prescription pad can write (no code reaches the patient)', () => {
    for (const code of Object.keys(FREQUENCIES)) expect(plainFrequency(code).zh).not.toBe(code);
    for (const code of Object.keys(DRUG_ROUTES)) expect(plainRoute(code).zh).not.toBe(code);
  });

  it('keeps an unknown code as written rather than dropping it', () => {
    expect(plainFrequency('q3d')).toEqual({ zh: 'q3d', en: 'q3d' });
  });

  it('builds one line in each language', () => {
    const line = plainInstruction({ frequency: 'bid', route: 'oral', doseValue: 1, doseUnit: '片', days: 7 });
    expect(line.zh).toBe('口服，每日两次，每次 1 片，共 7 天');
    expect(line.en).toBe('by mouth, twice a day, 1 片 each time, for 7 days');
    expect(plainInstruction({ frequency: 'prn', route: 'sublingual', doseValue: 0.5, doseUnit: 'mg' }).zh).toBe('舌下含服，需要时，每次 0.5 mg');
  });
});
