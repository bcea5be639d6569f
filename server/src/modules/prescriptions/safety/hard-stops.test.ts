import { describe, expect, it } from 'vitest';
import { input, item } from '../test-fixtures';
import { activeDuplicateRule } from './active-duplicate';
import { durationRule } from './duration';
import { blockingFindings, runSafetyChecks } from './index';
import { maxDoseRule } from './max-dose';
import { routeRule, routesForForm } from './route';
import { drug } from '../test-fixtures';

const override = { code: 'benefit_outweighs_risk' as const, reason: '负荷剂量首日，已评估', by: 'u1', at: '2026-01-01T00:00:00Z' };

/** Every finding overridden with a reason: what is still blocking cannot be overridden. */
function blockingAfterOverrides(items: Parameters<typeof input>[0]) {
  const first = runSafetyChecks(input(items));
  return blockingFindings(runSafetyChecks(input(items), Object.fromEntries(first.map((f) => [f.id, override]))));
}

describe('hard stops (no override)', () => {
  it('refuses 100 tablets of amlodipine a day (50× the maximum) even with a reason; the warning band stays below 2×', () => {
    const [hundred] = maxDoseRule(input({ items: [item('amlodipine-5mg-tab', { dose: 100 })] }));
    expect(hundred).toMatchObject({ rule: 'max_dose', severity: 'refused' });
    expect(hundred?.message).toContain('达最大日剂量的50倍（超过2倍），不可越过');
    expect(hundred?.messageEn).toContain('cannot be overridden');
    expect(blockingAfterOverrides({ items: [item('amlodipine-5mg-tab', { dose: 100 })], diagnoses: ['I10'] }).map((f) => f.rule)).toEqual(['max_dose']);

    expect(maxDoseRule(input({ items: [item('amlodipine-5mg-tab', { dose: 4 })] }))[0]?.severity).toBe('warning'); // 20 mg = 2×
    expect(maxDoseRule(input({ items: [item('amlodipine-5mg-tab', { dose: 5 })] }))[0]?.severity).toBe('refused'); // 25 mg > 2×
    expect(maxDoseRule(input({ items: [item('metformin-500mg-tab')], age: 8 }))[0]?.severity).toBe('refused'); // not for that age
  });

  it('refuses a route the dosage form cannot take: a tablet iv, an inhaler orally; accepts the form’s routes', () => {
    expect(routeRule(input({ items: [item('amlodipine-5mg-tab', { route: 'iv' })] }))[0]).toMatchObject({
      id: 'route:amlodipine-5mg-tab:iv',
      severity: 'refused',
      message: expect.stringContaining('不能静脉注射给药，只可口服'),
    });
    expect(routeRule(input({ items: [item('amlodipine-5mg-tab')] }))).toEqual([]);
    expect(routeRule(input({ items: [item('furosemide-20mg-inj', { route: 'im' })] }))).toEqual([]);
    expect(routeRule(input({ items: [item('furosemide-20mg-inj', { route: 'oral' })] }))[0]?.severity).toBe('refused');
    expect(routesForForm(drug('glucose-5pct-250ml'))).toEqual(['iv']);
    expect(blockingAfterOverrides({ items: [item('amlodipine-5mg-tab', { route: 'iv' })] }).map((f) => f.rule)).toEqual(['route']);
  });

  it('refuses the same product while another platform prescription for it is active', () => {
    const [f] = activeDuplicateRule(input({ items: [item('amlodipine-5mg-tab')], platform: [{ number: 'RX20261123-AAAAAA', id: 'amlodipine-5mg-tab' }] }));
    expect(f).toMatchObject({ rule: 'active_duplicate', severity: 'refused' });
    expect(f?.message).toContain('RX20261123-AAAAAA');
    expect(activeDuplicateRule(input({ items: [item('amlodipine-5mg-tab')], platform: [{ number: 'RX1', id: 'metformin-500mg-tab' }] }))).toEqual([]);
  });

  it('supply: 7 days fine; beyond 7 a reason (a chronic diagnosis is one); beyond 30 only for chronic disease; beyond 12 weeks never', () => {
    const rule = (days: number, diagnoses: string[] = []) => durationRule(input({ items: [item('amlodipine-5mg-tab', { days })], diagnoses }))[0];
    expect(rule(7)).toBeUndefined();
    expect(rule(14)).toMatchObject({ severity: 'warning', message: expect.stringContaining('超过一般7日用量，请注明理由') });
    expect(rule(14, ['I10'])).toMatchObject({ severity: 'info' });
    expect(rule(28, ['J06.9'])).toMatchObject({ severity: 'warning' });
    expect(rule(56)).toMatchObject({ severity: 'refused', message: expect.stringContaining('仅限诊断为慢性病') });
    expect(rule(56, ['J06.9'])).toMatchObject({ severity: 'refused' });
    expect(rule(84, ['I10'])).toMatchObject({ severity: 'info' });
    expect(rule(90, ['I10'])).toMatchObject({ severity: 'refused', message: expect.stringContaining('12周') });
    expect(durationRule(input({ items: [item('amlodipine-5mg-tab', { days: 30, frequency: 'st' })] }))).toEqual([]);
  });
});
