import { describe, expect, it } from 'vitest';
import { input, item } from '../test-fixtures';
import { controlledRule } from './controlled';

describe('controlled drugs', () => {
  it('refuses narcotics and class I psychotropics online, with the reason, and never as a warning', () => {
    const findings = controlledRule(input({ items: [item('morphine-30mg-er-tab'), item('triazolam-0.25mg-tab'), item('methylphenidate-18mg-er-tab')] }));
    expect(findings.map((f) => [f.medicationIds[0], f.severity])).toEqual([
      ['morphine-30mg-er-tab', 'refused'],
      ['triazolam-0.25mg-tab', 'refused'],
      ['methylphenidate-18mg-er-tab', 'refused'],
    ]);
    expect(findings[0]?.message).toContain('麻醉药品');
    expect(findings[1]?.message).toContain('第一类精神药品');
    expect(findings[0]?.messageEn).toMatch(/never be prescribed online/);
  });

  it('asks a reason for class II psychotropics, mentioning a course beyond 7 days', () => {
    const [short] = controlledRule(input({ items: [item('alprazolam-0.4mg-tab', { days: 5 })] }));
    const [long] = controlledRule(input({ items: [item('alprazolam-0.4mg-tab', { days: 14 })] }));
    expect(short?.severity).toBe('warning');
    expect(short?.message).toContain('第二类精神药品');
    expect(long?.message).toContain('14日用量超过一般7日限量');
    expect(short?.id).not.toBe(long?.id);
  });

  it('says nothing about ordinary drugs', () => {
    expect(controlledRule(input({ items: [item('amlodipine-5mg-tab')] }))).toEqual([]);
  });
});
