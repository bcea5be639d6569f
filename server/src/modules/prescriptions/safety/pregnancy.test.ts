import { describe, expect, it } from 'vitest';
import { input, item } from '../test-fixtures';
import { lactationRule, pregnancyRule } from './pregnancy';

describe('pregnancy and lactation', () => {
  it('pregnant: contraindicated drugs warn (statin, ACE inhibitor, warfarin), cautions inform', () => {
    const findings = pregnancyRule(input({ items: [item('atorvastatin-20mg-tab'), item('enalapril-10mg-tab'), item('warfarin-2.5mg-tab'), item('ibuprofen-300mg-er-cap')], sex: 'female', age: 30, pregnant: true }));
    expect(findings.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning', 'info']);
    expect(findings[1]?.message).toContain('妊娠期禁用');
  });

  it('unknown status in a woman of childbearing age: asks to confirm; not for men, older women or when not pregnant', () => {
    expect(pregnancyRule(input({ items: [item('atorvastatin-20mg-tab')], sex: 'female', age: 30 }))[0]).toMatchObject({ severity: 'info', id: 'pregnancy:atorvastatin-20mg-tab:unknown' });
    expect(pregnancyRule(input({ items: [item('atorvastatin-20mg-tab')], sex: 'male', age: 30 }))).toEqual([]);
    expect(pregnancyRule(input({ items: [item('atorvastatin-20mg-tab')], sex: 'female', age: 70 }))).toEqual([]);
    expect(pregnancyRule(input({ items: [item('atorvastatin-20mg-tab')], sex: 'female', age: 30, pregnant: false }))).toEqual([]);
    expect(pregnancyRule(input({ items: [item('amlodipine-5mg-tab')], sex: 'female', age: 30, pregnant: true }))).toEqual([]);
  });

  it('breastfeeding: amiodarone warns, benzodiazepines inform', () => {
    const findings = lactationRule(input({ items: [item('amiodarone-200mg-tab'), item('alprazolam-0.4mg-tab')], sex: 'female', age: 30, lactating: true }));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['lactation', 'warning'],
      ['lactation', 'info'],
    ]);
    expect(lactationRule(input({ items: [item('amiodarone-200mg-tab')], sex: 'female', age: 30 }))).toEqual([]);
  });
});
