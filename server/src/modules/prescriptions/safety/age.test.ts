import { describe, expect, it } from 'vitest';
import { input, item } from '../test-fixtures';
import { geriatricRule, pediatricRule } from './age';

describe('age-based prescribing', () => {
  it('children: fluoroquinolones and aspirin are flagged, weight-based dosing is reminded below 12', () => {
    expect(pediatricRule(input({ items: [item('levofloxacin-500mg-tab')], age: 15 }))[0]).toMatchObject({ rule: 'pediatric', severity: 'warning' });
    expect(pediatricRule(input({ items: [item('aspirin-100mg-ec-tab')], age: 8 }))[0]?.message).toContain('瑞氏综合征');
    expect(pediatricRule(input({ items: [item('amoxicillin-250mg-cap')], age: 8 }))).toEqual([]);
    expect(pediatricRule(input({ items: [item('azithromycin-250mg-tab')], age: 8 }))[0]).toMatchObject({ severity: 'info', id: 'pediatric:azithromycin-250mg-tab:weight' });
    expect(pediatricRule(input({ items: [item('levofloxacin-500mg-tab')], age: 30 }))).toEqual([]);
  });

  it('older adults: Beers "avoid" warns (benzodiazepines, long-acting sulfonylureas), "caution" informs', () => {
    expect(geriatricRule(input({ items: [item('estazolam-1mg-tab')], age: 78 }))[0]).toMatchObject({ rule: 'geriatric', severity: 'warning' });
    expect(geriatricRule(input({ items: [item('glimepiride-2mg-tab')], age: 70 }))[0]?.severity).toBe('warning');
    expect(geriatricRule(input({ items: [item('gliclazide-30mg-er-tab')], age: 70 }))[0]?.severity).toBe('info');
    expect(geriatricRule(input({ items: [item('estazolam-1mg-tab')], age: 50 }))).toEqual([]);
    expect(geriatricRule(input({ items: [item('amlodipine-5mg-tab')], age: 90 }))).toEqual([]);
  });

  it('older adults: NSAIDs for more than a week warn, a short course informs', () => {
    expect(geriatricRule(input({ items: [item('ibuprofen-300mg-er-cap', { days: 14 })], age: 72 }))[0]?.severity).toBe('warning');
    expect(geriatricRule(input({ items: [item('ibuprofen-300mg-er-cap', { days: 3 })], age: 72 }))[0]?.severity).toBe('info');
  });
});
