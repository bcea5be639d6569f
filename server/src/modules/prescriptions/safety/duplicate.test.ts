import { describe, expect, it } from 'vitest';
import { input, item } from '../test-fixtures';
import { duplicateRule } from './duplicate';

describe('duplicate therapy', () => {
  it('warns on the same ingredient twice in one prescription (valsartan alone and in sacubitril/valsartan)', () => {
    const [f] = duplicateRule(input({ items: [item('valsartan-80mg-cap'), item('sacubitril-valsartan-100mg-tab')] }));
    expect(f).toMatchObject({ rule: 'duplicate', severity: 'warning' });
    expect(f?.medicationIds.sort()).toEqual(['sacubitril-valsartan-100mg-tab', 'valsartan-80mg-cap']);
    expect(f?.message).toContain('缬沙坦');
  });

  it('warns on two drugs of one class (two calcium-channel blockers), but not basal + bolus insulin', () => {
    expect(duplicateRule(input({ items: [item('amlodipine-5mg-tab'), item('nifedipine-30mg-cr-tab')] }))[0]?.message).toContain('同类药物');
    expect(duplicateRule(input({ items: [item('insulin-aspart-300u-inj'), item('insulin-glargine-300u-inj')] }))).toEqual([]);
  });

  it('checks against the current HIS medications: a renewal informs, the same class warns', () => {
    const renewal = duplicateRule(input({ items: [item('amlodipine-5mg-tab')], current: ['amlodipine-5mg-tab', 'metformin-500mg-tab'] }));
    expect(renewal).toEqual([expect.objectContaining({ rule: 'continuation', severity: 'info' })]);
    const [sameClass] = duplicateRule(input({ items: [item('felodipine-5mg-er-tab')], current: ['amlodipine-5mg-tab'] }));
    expect(sameClass).toMatchObject({ rule: 'duplicate', severity: 'warning' });
    expect(sameClass?.message).toContain('患者正在服用同类药物');
    const [sameIngredient] = duplicateRule(input({ items: [item('metformin-500mg-er-tab')], current: ['metformin-500mg-tab'] }));
    expect(sameIngredient?.message).toContain('相同成分');
  });
});
