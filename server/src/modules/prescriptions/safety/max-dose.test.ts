import { describe, expect, it } from 'vitest';
import { input, item } from '../test-fixtures';
import { maxDoseRule } from './max-dose';

describe('maximum daily dose', () => {
  it('accepts amlodipine 10 mg a day and warns at 15 mg (dose in mg or in tablets)', () => {
    expect(maxDoseRule(input({ items: [item('amlodipine-5mg-tab', { dose: 10, unit: 'mg' })] }))).toEqual([]);
    const [f] = maxDoseRule(input({ items: [item('amlodipine-5mg-tab', { dose: 3, unit: '片' })] }));
    expect(f).toMatchObject({ rule: 'max_dose', severity: 'warning' });
    expect(f?.message).toContain('日剂量15 mg');
    expect(f?.message).toContain('最大日剂量10 mg');
  });

  it('counts doses per day from the frequency (metformin 1000 mg tid = 3000 mg) and as-needed as 3 a day', () => {
    expect(maxDoseRule(input({ items: [item('metformin-500mg-tab', { dose: 2, frequency: 'tid' })] }))[0]?.message).toContain('3000 mg');
    expect(maxDoseRule(input({ items: [item('paracetamol-500mg-tab', { dose: 2, frequency: 'prn' })] }))).toEqual([]);
    expect(maxDoseRule(input({ items: [item('paracetamol-500mg-tab', { dose: 2, frequency: 'q6h' })] }))).toEqual([]);
  });

  it('applies lower limits for the elderly (digoxin 0.25 mg at 80) and children (montelukast 10 mg at 9)', () => {
    expect(maxDoseRule(input({ items: [item('digoxin-0.25mg-tab')], age: 50 }))).toEqual([]);
    expect(maxDoseRule(input({ items: [item('digoxin-0.25mg-tab')], age: 80 }))[0]?.message).toContain('老年患者');
    expect(maxDoseRule(input({ items: [item('montelukast-10mg-tab')], age: 9 }))[0]?.message).toContain('9岁儿童最大日剂量5 mg');
    expect(maxDoseRule(input({ items: [item('montelukast-4mg-chew-tab')], age: 4 }))).toEqual([]);
  });

  it('a weekly schedule counts one whole dose (alendronate 70 mg qw is fine)', () => {
    expect(maxDoseRule(input({ items: [item('alendronate-70mg-tab', { frequency: 'qw', days: 28 })] }))).toEqual([]);
  });

  it('the finding id carries the amount, so a changed dose needs a new override', () => {
    const a = maxDoseRule(input({ items: [item('amlodipine-5mg-tab', { dose: 3 })] }))[0]?.id;
    const b = maxDoseRule(input({ items: [item('amlodipine-5mg-tab', { dose: 4 })] }))[0]?.id;
    expect(a).not.toBe(b);
  });
});
