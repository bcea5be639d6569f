import type { Finding, MedicationSummary } from '@cloudclinic/shared';
import { describe, expect, it } from 'vitest';
import { EMPTY_DRAFT, itemFromMedication, itemProblem, itemsFromTemplate, quantityPreview, toRequest, unitOptions, unresolved, signingMissing } from './pad-model';

const amlodipine: MedicationSummary = {
  id: 'amlodipine-5mg-tab',
  code: 'F0101',
  name: '苯磺酸氨氯地平片',
  nameEn: 'Amlodipine besylate 5 mg tablet',
  generic: { zh: '氨氯地平', en: 'Amlodipine' },
  pinyin: 'aldp',
  strength: { value: 5, unit: 'mg' },
  singleIngredient: true,
  form: { code: 'tablet', zh: '片剂' },
  doseUnit: '片',
  route: 'oral',
  packageSize: 28,
  packageUnit: '盒',
  stock: 100,
  drugClass: 'ccb',
  flags: { narcotic: false, psychotropic: null, antibioticGrade: null, highAlert: false, control: null, internetPrescribing: true },
};

describe('prescription pad model', () => {
  it('adds a product with its strength as the default dose, and previews whole packages', () => {
    const item = { ...itemFromMedication(amlodipine), days: '28' };
    expect(item).toMatchObject({ doseValue: '5', doseUnit: 'mg', frequency: 'qd', route: 'oral' });
    expect(quantityPreview(item)).toEqual({ packages: 1, unit: '盒', unitsPerDose: 1, doseUnit: '片' });
    expect(quantityPreview({ ...item, frequency: 'bid' })?.packages).toBe(2);
    expect(unitOptions(item)).toEqual(['mg', '片']);
  });

  it('does not send half-typed lines', () => {
    const item = itemFromMedication(amlodipine);
    expect(itemProblem({ ...item, doseValue: '' })).toBe('dose');
    expect(itemProblem({ ...item, days: '0' })).toBe('days');
    expect(itemProblem({ ...item, doseUnit: 'ml' })).toBe('unit');
    expect(toRequest({ ...EMPTY_DRAFT, items: [{ ...item, doseValue: 'abc' }] })).toBeNull();
    const overrides = { a: { code: 'previously_tolerated' as const, reason: ' 既往服用三年耐受良好 ' }, b: { code: 'previously_tolerated' as const, reason: '测试' }, c: { code: '' as const, reason: '既往服用三年耐受良好' } };
    const diagnoses = [{ code: 'I10', zh: '原发性高血压', en: 'Essential (primary) hypertension' }];
    expect(toRequest({ ...EMPTY_DRAFT, diagnoses, items: [item], overrides })).toMatchObject({
      diagnoses: ['I10'],
      items: [{ medicationId: 'amlodipine-5mg-tab', dose: { value: 5, unit: 'mg' }, days: 7 }],
      overrides: [{ findingId: 'a', code: 'previously_tolerated', reason: '既往服用三年耐受良好' }],
    });
  });

  it('fills a template from the catalogue, skipping products it lacks', () => {
    const items = itemsFromTemplate(
      { id: 't', name: '高血压一线', nameEn: 'x', diagnosis: '高血压', items: [{ medicationId: 'amlodipine-5mg-tab', dose: { value: 5, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 28, instructions: '晨起' }, { medicationId: 'missing', dose: { value: 1, unit: '片' }, frequency: 'qd', route: 'oral', days: 1, instructions: '' }] },
      new Map([[amlodipine.id, amlodipine]]),
    );
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ days: '28', instructions: '晨起' });
  });

  it('a refusal always blocks; a warning blocks until it has a reason', () => {
    const f = (id: string, severity: Finding['severity']): Finding => ({ id, rule: 'allergy', severity, medicationIds: [], message: '', messageEn: '', override: null });
    const findings = [f('r', 'refused'), f('w', 'warning'), f('i', 'info')];
    expect(unresolved(findings, {}).map((x) => x.id)).toEqual(['r', 'w']);
    expect(unresolved(findings, { w: { code: 'monitoring_arranged', reason: '青霉素皮试阴性' }, r: { code: 'no_alternative', reason: '患者坚持要求' } }).map((x) => x.id)).toEqual(['r']);
    expect(unresolved(findings, { w: { code: 'monitoring_arranged', reason: '测试' } }).map((x) => x.id)).toEqual(['r', 'w']);
  });

  it('says what signing still needs: a coded diagnosis, and a weight for a child (clinic-time age)', () => {
    const now = new Date('2026-11-22T16:30:00Z'); // 00:30 on 23 November in China
    expect(signingMissing(EMPTY_DRAFT, '1956-03-12', now)).toEqual(['diagnosis']);
    expect(signingMissing(EMPTY_DRAFT, '2012-11-23', now)).toEqual(['diagnosis']); // 14 today, China time
    expect(signingMissing(EMPTY_DRAFT, '2012-11-24', now)).toEqual(['diagnosis', 'weight']);
    const complete = { ...EMPTY_DRAFT, diagnoses: [{ code: 'J30.4', zh: '变应性鼻炎', en: 'Allergic rhinitis' }], patientStatus: { ...EMPTY_DRAFT.patientStatus, weightKg: 24 } };
    expect(signingMissing(complete, '2017-07-15', now)).toEqual([]);
  });
});
