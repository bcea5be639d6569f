import { describe, expect, it } from 'vitest';
import { input, item } from '../test-fixtures';
import { antibioticRule } from './antibiotic';

describe('antibiotic stewardship', () => {
  it('lets a prescriber prescribe up to their privilege', () => {
    expect(antibioticRule(input({ items: [item('amoxicillin-250mg-cap'), item('levofloxacin-500mg-tab')], privilege: 'restricted' }))).toEqual([]);
  });

  it('refuses a restricted antibiotic to a prescriber with only the unrestricted grade, and any to one without privilege', () => {
    const [f] = antibioticRule(input({ items: [item('levofloxacin-500mg-tab')], privilege: 'unrestricted' }));
    expect(f).toMatchObject({ rule: 'antibiotic', severity: 'refused', medicationIds: ['levofloxacin-500mg-tab'] });
    expect(f?.message).toContain('限制使用级');
    expect(f?.message).toContain('非限制使用级');
    const none = antibioticRule(input({ items: [item('amoxicillin-250mg-cap')], privilege: null }));
    expect(none[0]?.severity).toBe('refused');
  });

  it('refuses special-grade antibiotics in outpatient care even with the special privilege', () => {
    const [f] = antibioticRule(input({ items: [item('meropenem-500mg-inj')], privilege: 'special' }));
    expect(f?.severity).toBe('refused');
    expect(f?.message).toContain('不得在门诊');
  });
});
