import type { MedicationSummary, PrescriptionView } from '@cloudclinic/shared';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../../api/api-error';
import { PadController, type PadBackend } from './pad-controller';
import { itemFromMedication } from './pad-model';

const amlodipine: MedicationSummary = {
  id: 'amlodipine-5mg-tab', code: 'F0101', name: '苯磺酸氨氯地平片', nameEn: 'Amlodipine 5 mg', generic: { zh: '氨氯地平', en: 'Amlodipine' }, pinyin: 'aldp',
  strength: { value: 5, unit: 'mg' }, singleIngredient: true, form: { code: 'tablet', zh: '片剂' }, doseUnit: '片', route: 'oral', packageSize: 28, packageUnit: '盒',
  stock: 10, drugClass: 'ccb', flags: { narcotic: false, psychotropic: null, antibioticGrade: null, highAlert: false, control: null, internetPrescribing: true },
};

function view(over: Partial<PrescriptionView> = {}): PrescriptionView {
  return {
    id: 'rx1', number: 'RX1', consultationId: 'c1', status: 'draft', revision: 1, version: 0, diagnosis: '', diagnoses: [{ code: 'I10', zh: '原发性高血压', en: 'Essential (primary) hypertension' }], validityDays: 1,
    patientStatus: { pregnancy: 'unknown', lactating: false, weightKg: null },
    items: [{ id: 'i1', position: 1, medicationId: amlodipine.id, code: 'F0101', name: amlodipine.name, nameEn: '', strength: '5 mg', dose: { value: 5, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 7, instructions: '', unitsPerDose: 1, doseUnit: '片', quantity: { value: 1, unit: '盒' }, dispensed: null }],
    findings: [], checkedAt: '2026-01-01T00:00:00Z', checkError: null, signable: true,
    prescriber: { id: 'u', name: '陈建华', qualificationNo: null }, patient: { hisPatientId: 'p-0001', name: '王建国', sex: 'male', birthDate: null, institution: { id: 'i', name: '嵊泗' }, allergies: [] },
    signedAt: null, validUntil: null, submittedAt: null, review: null, dispensedAt: null, dispensedBy: null, versions: [], createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    ...over,
  };
}

function backend(list: PrescriptionView[] = []) {
  let n = 0;
  const b = {
    list: vi.fn(async () => list),
    create: vi.fn(async () => view()),
    save: vi.fn(async (_id: string, req: { baseRevision: number }) => view({ revision: req.baseRevision + 1 })),
    sign: vi.fn(async (_id: string, _req: unknown, _key: string) => view({ status: 'signed', version: 1 })),
    submit: vi.fn(async () => view({ status: 'under_review', version: 1 })),
    revise: vi.fn(async () => view({ status: 'draft', revision: 5, version: 1 })),
    resolve: vi.fn(async () => new Map([[amlodipine.id, amlodipine]])),
    newKey: vi.fn(() => `key-${++n}`),
  } satisfies PadBackend;
  return b;
}

const settle = () => new Promise((r) => setTimeout(r, 5));

describe('the prescription pad controller', () => {
  it('creates the prescription on the first complete line (once, with an idempotency key), then saves by revision', async () => {
    const b = backend();
    const pad = new PadController(b, 1);
    await pad.start();
    pad.edit((d) => ({ ...d, items: [{ ...itemFromMedication(amlodipine), doseValue: '' }] }));
    await settle();
    expect(b.create).not.toHaveBeenCalled();
    pad.edit((d) => ({ ...d, items: d.items.map((i) => ({ ...i, doseValue: '5' })) }));
    await pad.flush();
    expect(b.create).toHaveBeenCalledWith(expect.objectContaining({ items: [expect.objectContaining({ medicationId: amlodipine.id })] }), 'key-1');
    expect(pad.getSnapshot()).toMatchObject({ dirty: false, canSign: true, current: { id: 'rx1' } });
    pad.edit((d) => ({ ...d, diagnosis: '高血压' }));
    await pad.flush();
    expect(b.save).toHaveBeenCalledWith('rx1', expect.objectContaining({ diagnosis: '高血压', baseRevision: 1 }));
  });

  it('signs then submits; a failed attempt retried keeps the same idempotency key', async () => {
    const b = backend([view()]);
    const pad = new PadController(b, 1);
    await pad.start();
    b.sign.mockRejectedValueOnce(new ApiError({ code: 'network', message: 'down', status: 0 }));
    expect(await pad.sign('pw')).toBe(false);
    expect(pad.getSnapshot().errorCode).toBe('network');
    expect(await pad.sign('pw')).toBe(true);
    expect(b.sign.mock.calls.map((c) => c[2])).toEqual(['key-1', 'key-1']);
    expect(b.submit).toHaveBeenCalledTimes(1);
    expect(pad.getSnapshot()).toMatchObject({ editable: false, current: { status: 'under_review' } });
  });

  it('does not sign while a warning lacks a reason', async () => {
    const warning = { id: 'allergy:x', rule: 'allergy' as const, severity: 'warning' as const, medicationIds: [amlodipine.id], message: '过敏', messageEn: '', override: null };
    const b = backend([view({ findings: [warning] })]);
    const pad = new PadController(b, 1);
    await pad.start();
    expect(pad.getSnapshot().canSign).toBe(false);
    expect(await pad.sign('pw')).toBe(false);
    expect(pad.getSnapshot().errorCode).toBe('findings_block');
    pad.edit((d) => ({ ...d, overrides: { 'allergy:x': { code: 'monitoring_arranged', reason: '测试' } } }));
    expect(pad.getSnapshot().blocking).toHaveLength(1);
    pad.edit((d) => ({ ...d, overrides: { 'allergy:x': { code: '', reason: '青霉素皮试阴性' } } }));
    expect(pad.getSnapshot().blocking).toHaveLength(1);
    pad.edit((d) => ({ ...d, overrides: { 'allergy:x': { code: 'monitoring_arranged', reason: '青霉素皮试阴性' } } }));
    expect(pad.getSnapshot().blocking).toEqual([]);
  });

  it('follows the pharmacist live: a rejection makes the pad read-only with the reason, revise reopens it', async () => {
    const b = backend([view({ status: 'under_review', version: 1 })]);
    const pad = new PadController(b, 1);
    await pad.start();
    await pad.applyServerList([view({ status: 'rejected', version: 1, review: { decision: 'rejected', by: { id: 'p', name: '周敏' }, at: '2026-01-01T01:00:00Z', reason: '剂量过大', acknowledged: [] } })]);
    expect(pad.getSnapshot()).toMatchObject({ editable: false, current: { status: 'rejected', review: { reason: '剂量过大' } } });
    await pad.revise();
    expect(pad.getSnapshot()).toMatchObject({ editable: true, current: { status: 'draft', revision: 5 } });
  });
});
