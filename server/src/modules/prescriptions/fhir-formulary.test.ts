import { describe, expect, it } from 'vitest';
import { allFormulary, drug, hisResources } from './test-fixtures';

describe('the county formulary from FHIR Medication', () => {
  it('parses every Medication the county HIS serves (≥100 common drugs)', () => {
    const meds = hisResources().filter((r) => r.resourceType === 'Medication');
    expect(allFormulary()).toHaveLength(meds.length);
    expect(meds.length).toBeGreaterThanOrEqual(100);
  });

  it('reads names, strength, form, route, package, stock, class and flags', () => {
    expect(drug('amlodipine-5mg-tab')).toMatchObject({
      code: 'F0101',
      name: '苯磺酸氨氯地平片',
      generic: { zh: '氨氯地平', en: 'Amlodipine' },
      pinyin: 'aldp',
      strength: { value: 5, unit: 'mg' },
      singleIngredient: true,
      doseUnit: '片',
      route: 'oral',
      packageSize: 28,
      packageUnit: '盒',
      drugClass: 'ccb',
      flags: { narcotic: false, psychotropic: null, antibioticGrade: null, highAlert: false },
    });
    expect(drug('morphine-30mg-er-tab').flags).toMatchObject({ narcotic: true, highAlert: true });
    expect(drug('triazolam-0.25mg-tab').flags.psychotropic).toBe('I');
    expect(drug('levofloxacin-500mg-tab').flags.antibioticGrade).toBe('restricted');
    expect(drug('linezolid-600mg-tab').stock).toBe(0);
    expect(drug('salbutamol-100ug-mdi')).toMatchObject({ route: 'inhalation', strength: { value: 100, unit: 'μg' } });
  });

  it('keeps every ingredient of a combination, with comparable names', () => {
    const d = drug('amoxicillin-clavulanate-457mg-tab');
    expect(d.singleIngredient).toBe(false);
    expect(d.ingredients.map((i) => i.key)).toEqual(['amoxicillin', 'clavulanic acid']);
    expect(drug('sodium-chloride-0.9pct-250ml').ingredients[0]?.key).toBe('sodium');
    expect(drug('valproate-500mg-er-tab').ingredients[0]?.key).toBe('valproate');
  });
});
