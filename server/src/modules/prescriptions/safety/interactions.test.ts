import { describe, expect, it } from 'vitest';
import { input, item } from '../test-fixtures';
import { interactionRule } from './interactions';

const pair = (a: string, b: string) => interactionRule(input({ items: [item(a), item(b)] }));

describe('major interactions (curated table)', () => {
  it.each([
    ['warfarin-2.5mg-tab', 'aspirin-100mg-ec-tab', 'warfarin-antiplatelet-nsaid'],
    ['warfarin-2.5mg-tab', 'ibuprofen-300mg-er-cap', 'warfarin-antiplatelet-nsaid'],
    ['amiodarone-200mg-tab', 'warfarin-2.5mg-tab', 'warfarin-amiodarone'],
    ['sertraline-50mg-tab', 'tramadol-100mg-er-tab', 'serotonergic-tramadol'],
    ['clopidogrel-75mg-tab', 'omeprazole-20mg-ec-cap', 'clopidogrel-omeprazole'],
    ['enalapril-10mg-tab', 'spironolactone-20mg-tab', 'raas-potassium'],
    ['valsartan-80mg-cap', 'potassium-chloride-500mg-er-tab', 'raas-potassium'],
    ['rivaroxaban-10mg-tab', 'diclofenac-75mg-er-tab', 'doac-nsaid'],
  ])('%s + %s warns (%s)', (a, b, id) => {
    const [f] = pair(a, b);
    expect(f).toMatchObject({ rule: 'interaction', severity: 'warning' });
    expect(f?.id).toContain(id);
  });

  it('refuses a contraindicated pair within one prescription (simvastatin + clarithromycin)', () => {
    const [f] = pair('simvastatin-20mg-tab', 'clarithromycin-250mg-tab');
    expect(f?.severity).toBe('refused');
    expect(f?.message).toContain('禁止合用');
  });

  it('checks against current HIS medications: contraindicated with a current drug warns (the expert may stop it)', () => {
    const [f] = interactionRule(input({ items: [item('clarithromycin-250mg-tab')], current: ['simvastatin-20mg-tab'] }));
    expect(f).toMatchObject({ severity: 'warning', medicationIds: ['clarithromycin-250mg-tab'] });
    expect(f?.message).toContain('患者正在服用');
    const [nsaid] = interactionRule(input({ items: [item('ibuprofen-300mg-er-cap')], current: ['warfarin-2.5mg-tab'] }));
    expect(nsaid?.severity).toBe('warning');
  });

  it('sildenafil + nitrates and metformin + contrast match by ingredient/class even outside the formulary', () => {
    const nitrate = item('isosorbide-mononitrate-40mg-er-tab');
    const sildenafil = { ...item('amlodipine-5mg-tab'), medicationId: 'sildenafil', drug: { ...item('amlodipine-5mg-tab').drug, id: 'sildenafil-50mg-tab', name: '枸橼酸西地那非片', drugClass: 'pde5-inhibitor', ingredients: [{ zh: '西地那非', en: 'Sildenafil', key: 'sildenafil', value: 50, ucum: 'mg' }] } };
    expect(interactionRule(input({ items: [sildenafil, nitrate] }))[0]?.severity).toBe('refused');
    const contrast = { ...nitrate, drug: { ...nitrate.drug, id: 'iohexol', name: '碘海醇注射液', drugClass: 'iodinated-contrast', ingredients: [] } };
    expect(interactionRule(input({ items: [item('metformin-500mg-tab'), contrast] }))[0]?.message).toContain('碘造影剂');
  });

  it('informs on moderate interactions and is silent for unrelated drugs', () => {
    expect(pair('sertraline-50mg-tab', 'aspirin-100mg-ec-tab')[0]?.severity).toBe('info');
    expect(pair('amlodipine-5mg-tab', 'metformin-500mg-tab')).toEqual([]);
  });
});
