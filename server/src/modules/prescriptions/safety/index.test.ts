import { describe, expect, it } from 'vitest';
import { PENICILLIN_ALLERGY, input, item } from '../test-fixtures';
import { blockingFindings, runSafetyChecks } from '.';

describe('running the safety checks', () => {
  it('sorts refusals first; an override reason is attached to a warning only, never to a refusal', () => {
    const findings = runSafetyChecks(input({ items: [item('amoxicillin-250mg-cap', { dose: 2, frequency: 'tid' }), item('morphine-30mg-er-tab')], allergies: [PENICILLIN_ALLERGY], age: 78 }), {
      'allergy:amoxicillin-250mg-cap:penicillin': { code: 'monitoring_arranged', reason: '已行皮试阴性', by: 'u1', at: '2026-01-01T00:00:00Z' },
      'controlled:morphine-30mg-er-tab:narcotic': { code: 'no_alternative', reason: '癌痛', by: 'u1', at: '2026-01-01T00:00:00Z' },
    });
    expect(findings[0]).toMatchObject({ severity: 'refused', override: null });
    const allergy = findings.find((f) => f.rule === 'allergy');
    expect(allergy?.override?.reason).toBe('已行皮试阴性');
    expect(blockingFindings(findings).map((f) => f.rule)).toEqual(['controlled']);
  });

  it('a warning without an override blocks; with one, only info remains and the prescription may be signed', () => {
    const base = input({ items: [item('amoxicillin-250mg-cap', { dose: 2, frequency: 'tid' })], allergies: [PENICILLIN_ALLERGY] });
    const before = runSafetyChecks(base);
    expect(blockingFindings(before)).toHaveLength(1);
    const id = before[0]?.id ?? '';
    expect(blockingFindings(runSafetyChecks(base, { [id]: { code: 'monitoring_arranged', reason: '皮试阴性，患者知情同意', by: 'u', at: 'now' } }))).toEqual([]);
  });

  it('finds nothing blocking in the demo renewal of amlodipine for 王建国 (70, hypertension, on amlodipine and metformin)', () => {
    const findings = runSafetyChecks(
      input({ items: [item('amlodipine-5mg-tab', { dose: 5, unit: 'mg', days: 28 })], age: 70, current: ['amlodipine-5mg-tab', 'metformin-500mg-tab'], diagnoses: ['I10'] }),
    );
    expect(blockingFindings(findings)).toEqual([]);
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['continuation', 'info'],
      ['duration', 'info'],
    ]);
  });
});
