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

  it('refuses class II psychotropics (tramadol, alprazolam, zolpidem) whatever the course, naming the rule', () => {
    for (const id of ['tramadol-100mg-er-tab', 'alprazolam-0.4mg-tab', 'zolpidem-10mg-tab']) {
      for (const days of [1, 5, 14]) {
        const findings = controlledRule(input({ items: [item(id, { days })] }));
        expect(findings).toHaveLength(1);
        expect(findings[0]).toMatchObject({ rule: 'controlled', severity: 'refused', medicationIds: [id] });
        expect(findings[0]?.message).toContain('第二类精神药品');
        expect(findings[0]?.message).toContain('《互联网诊疗管理办法（试行）》第十九条');
        expect(findings[0]?.messageEn).toMatch(/class II psychotropic.*cannot be overridden/);
      }
    }
  });

  it('refuses toxic drugs, radiopharmaceuticals and what the formulary marks as not for internet prescribing', () => {
    const findings = controlledRule(input({ items: [item('atropine-0.3mg-tab'), item('sodium-iodide-131i-cap'), item('potassium-chloride-10pct-inj')] }));
    expect(findings.map((f) => [f.id, f.severity])).toEqual([
      ['controlled:atropine-0.3mg-tab:toxic', 'refused'],
      ['controlled:sodium-iodide-131i-cap:radioactive', 'refused'],
      ['controlled:potassium-chloride-10pct-inj:not-online', 'refused'],
    ]);
    expect(findings[0]?.message).toContain('医疗用毒性药品');
    expect(findings[1]?.message).toContain('放射性药品');
    expect(findings[2]?.message).toContain('不得在互联网诊疗中开具');
  });

  it('says nothing about ordinary drugs, including the oral potassium tablet', () => {
    expect(controlledRule(input({ items: [item('amlodipine-5mg-tab'), item('potassium-chloride-500mg-er-tab')] }))).toEqual([]);
  });
});
