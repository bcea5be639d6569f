import { describe, expect, it } from 'vitest';
import { PENICILLIN_ALLERGY, input, item } from '../test-fixtures';
import type { PatientAllergy } from '../patient-record';
import { allergyRule } from './allergy';

const cephAllergy: PatientAllergy = { codes: ['cephalosporin'], text: '头孢类抗生素过敏', criticality: 'low', severe: false, category: 'medication' };
const aspirinAllergy: PatientAllergy = { codes: ['293586001', 'salicylate'], text: '阿司匹林过敏', criticality: 'low', severe: false, category: 'medication' };

describe('allergy (class level)', () => {
  it('a penicillin allergy covers amoxicillin and amoxicillin/clavulanate: a warning that blocks until overridden', () => {
    const findings = allergyRule(input({ items: [item('amoxicillin-250mg-cap'), item('amoxicillin-clavulanate-457mg-tab')], allergies: [PENICILLIN_ALLERGY] }));
    expect(findings.map((f) => [f.rule, f.severity, f.medicationIds[0]])).toEqual([
      ['allergy', 'warning', 'amoxicillin-250mg-cap'],
      ['allergy', 'warning', 'amoxicillin-clavulanate-457mg-tab'],
    ]);
    expect(findings[0]?.message).toContain('青霉素过敏');
    expect(findings[0]?.message).toContain('严重过敏反应史');
  });

  it('warns of cephalosporin cross-reactivity after a severe penicillin allergy, informs after a mild one', () => {
    const [severe] = allergyRule(input({ items: [item('cefuroxime-250mg-tab')], allergies: [PENICILLIN_ALLERGY] }));
    expect(severe).toMatchObject({ rule: 'cross_allergy', severity: 'warning' });
    const mild = { ...PENICILLIN_ALLERGY, criticality: 'low' as const, severe: false };
    const [info] = allergyRule(input({ items: [item('cefuroxime-250mg-tab')], allergies: [mild] }));
    expect(info).toMatchObject({ rule: 'cross_allergy', severity: 'info' });
    const [carbapenem] = allergyRule(input({ items: [item('meropenem-500mg-inj')], allergies: [PENICILLIN_ALLERGY] }));
    expect(carbapenem?.severity).toBe('info');
  });

  it('a cephalosporin allergy blocks cefixime; an aspirin allergy blocks aspirin and warns on NSAIDs', () => {
    expect(allergyRule(input({ items: [item('cefixime-100mg-cap')], allergies: [cephAllergy] }))[0]).toMatchObject({ rule: 'allergy', severity: 'warning' });
    const findings = allergyRule(input({ items: [item('aspirin-100mg-ec-tab'), item('ibuprofen-300mg-er-cap'), item('celecoxib-200mg-cap')], allergies: [aspirinAllergy] }));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([
      ['allergy', 'warning'],
      ['cross_allergy', 'warning'],
      ['cross_allergy', 'info'],
    ]);
  });

  it('matches an allergy recorded by ingredient name; ignores food and environmental allergies and unrelated drugs', () => {
    const byName: PatientAllergy = { codes: [], text: '对阿莫西林过敏', criticality: null, severe: false, category: 'medication' };
    expect(allergyRule(input({ items: [item('amoxicillin-250mg-cap')], allergies: [byName] }))[0]?.rule).toBe('allergy');
    const seafood: PatientAllergy = { codes: ['seafood'], text: '海鲜过敏', criticality: 'low', severe: false, category: 'food' };
    expect(allergyRule(input({ items: [item('amoxicillin-250mg-cap')], allergies: [seafood] }))).toEqual([]);
    expect(allergyRule(input({ items: [item('amlodipine-5mg-tab')], allergies: [PENICILLIN_ALLERGY] }))).toEqual([]);
  });
});
