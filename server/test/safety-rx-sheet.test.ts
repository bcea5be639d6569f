import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountyHis, type CountyHisHandle } from '@cloudclinic/county-his';
import { PrescriptionSheetSchema } from '@cloudclinic/shared';
import { hashPassword } from '../src/modules/auth/password';
import { apiClient as client, calledVisit, ownSession, type ApiClient as Client } from './helpers/clinic-visit';
import { approvedPrescription, dispenseBody, key, PASSWORD } from './helpers/rx-his';
import { dbTargets } from './helpers/test-database';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const amlodipine = { medicationId: 'amlodipine-5mg-tab', dose: { value: 5, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 28, instructions: '晨起服用' };
const loratadine = { medicationId: 'loratadine-10mg-tab', dose: { value: 10, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 14, instructions: '' };

/** The printed prescription (处方笺) carries what 处方管理办法 asks, from the server, to those who may see it. */
describe.each(dbTargets())('the 处方笺 read model (%s)', (target) => {
  let his: CountyHisHandle;
  let srv: TestServer;
  const as: Record<string, Client> = {};
  let sscph = '';
  let sessionId = '';

  const visit = async (hisPatientId: string, name: string) =>
    (await calledVisit({ admin: as['admin']!, kiosk: as['kiosk.shengsi']!, expert: as['dr.chen']! }, sessionId, { hisPatientId, name, institutionId: sscph })).consultationId;

  beforeAll(async () => {
    his = await startCountyHis();
    srv = await startTestServer(target, { HIS_FHIR_BASE_URL: his.url, OUTBOX_POLL_MS: 200 });
    const inst = await srv.services.prisma.institution.findMany();
    sscph = inst.find((i) => i.code === 'sscph')?.id ?? '';
    const dsfph = inst.find((i) => i.code === 'dsfph')?.id ?? '';
    await srv.services.prisma.user.create({ data: { username: 'pharm.wu', displayName: '吴药师', role: 'pharmacist', institutionId: sscph, passwordHash: await hashPassword(PASSWORD) } });
    await srv.services.prisma.user.create({ data: { username: 'pharm.daishan', displayName: '岱山药师', role: 'pharmacist', institutionId: dsfph, passwordHash: await hashPassword(PASSWORD) } });
    for (const u of ['admin', 'dr.chen', 'dr.lin', 'pharm.zhou', 'pharm.wu', 'pharm.daishan', 'kiosk.shengsi', 'doc.wang']) as[u] = client(srv.url, (await login(srv.url, u)).accessToken);
    sessionId = await ownSession(srv, as['admin']!, 'dr.chen', sscph);
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
    await his?.close();
  });

  it('王建国, dispensed: every field — institution, 科别, 病历号, 费别, patient, ICD-10 diagnosis, drugs with prices and total, prescriber, reviewer and dispenser apart, verification code', async () => {
    const rx = await approvedPrescription(as['dr.chen']!, as['pharm.zhou']!, await visit('p-0001', '王建国'), { items: [amlodipine, loratadine] });
    expect((await as['pharm.wu']!('POST', `/prescriptions/${rx.id}/dispense`, dispenseBody(rx), { 'Idempotency-Key': key() })).status).toBe(200);

    const res = await as['pharm.wu']!('GET', `/prescriptions/${rx.id}/sheet`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const sheet = PrescriptionSheetSchema.parse(res.body);
    expect(sheet).toMatchObject({
      number: rx.number,
      status: 'dispensed',
      institution: '浙江医院',
      department: '心血管内科',
      pharmacy: '嵊泗县人民医院',
      recordNumber: 'SS1000001',
      feeCategory: { code: 'employee-insurance', label: '医保（城镇职工）' },
      patient: { name: '王建国', sex: 'male', birthDate: '1956-03-12', age: { unit: 'year' } },
      diagnoses: [{ code: 'I10', zh: '原发性高血压' }],
      prescriber: { name: rx.prescriber.name },
      reviewer: { name: '周敏' },
      dispenser: { name: '吴药师' },
      dispensedBySameAsReviewer: false,
    });
    expect(sheet.patient.age?.value).toBeGreaterThanOrEqual(70);
    expect(sheet.verificationCode).toMatch(/^[A-Z2-7]{8}$/);
    expect(sheet.items.map((i) => [i.name, i.strength, i.quantity.unit, i.frequency, i.route])).toEqual([
      ['苯磺酸氨氯地平片', expect.any(String), '盒', 'qd', 'oral'],
      ['氯雷他定片', expect.any(String), '盒', 'qd', 'oral'],
    ]);
    for (const i of sheet.items) {
      expect(i.unitPrice).toBeGreaterThan(0);
      expect(i.amount).toBeCloseTo((i.unitPrice ?? 0) * i.quantity.value, 2);
    }
    expect(sheet.total).toBeCloseTo(sheet.items.reduce((s, i) => s + (i.amount ?? 0), 0), 2);
    expect(sheet.priceSource).toContain('synthetic demo price');
    // Reading the 处方笺 is an access to the record: audited.
    expect(await srv.services.prisma.auditEvent.count({ where: { entityId: rx.id, action: 'prescription.sheet' } })).toBe(1);
  });

  it('费别 is 未登记 (null) for a patient without Coverage in the HIS, never a guess; the reviewer who dispenses is shown as such', async () => {
    const rx = await approvedPrescription(as['dr.chen']!, as['pharm.zhou']!, await visit('p-0012', '陈福昌'));
    const sheet = PrescriptionSheetSchema.parse((await as['pharm.zhou']!('GET', `/prescriptions/${rx.id}/sheet`)).body);
    expect(sheet).toMatchObject({ feeCategory: null, status: 'approved', reviewer: { name: '周敏' }, dispenser: null, dispensedBySameAsReviewer: false });
    expect(sheet.recordNumber).toMatch(/^SS\d+$/);
    expect((await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/dispense`, dispenseBody(rx, { sameAsReviewerAcknowledged: true }), { 'Idempotency-Key': key() })).status).toBe(200);
    const after = PrescriptionSheetSchema.parse((await as['pharm.zhou']!('GET', `/prescriptions/${rx.id}/sheet`)).body);
    expect(after).toMatchObject({ reviewer: { name: '周敏' }, dispenser: { name: '周敏' }, dispensedBySameAsReviewer: true });
    expect((await srv.services.prisma.prescription.findUniqueOrThrow({ where: { id: rx.id } })).dispenseSameAsReviewer).toBe(true);
  });

  it('another county’s pharmacist, the kiosk and an unrelated expert cannot read it; a draft has none (409)', async () => {
    const consultationId = await visit('p-0009', '乐月娥');
    const rx = await approvedPrescription(as['dr.chen']!, as['pharm.zhou']!, consultationId);
    for (const who of ['pharm.daishan', 'kiosk.shengsi', 'dr.lin']) {
      const res = await as[who]!('GET', `/prescriptions/${rx.id}/sheet`);
      expect([who, res.status, res.body.code]).toEqual([who, 403, 'forbidden']);
    }
    expect((await as['admin']!('GET', `/prescriptions/${rx.id}/sheet`)).status).toBe(200);
    const draft = await as['dr.chen']!('POST', `/consultations/${consultationId}/prescriptions`, { diagnosis: '', diagnoses: ['I10'], items: [amlodipine] }, { 'Idempotency-Key': key() });
    const none = await as['dr.chen']!('GET', `/prescriptions/${draft.body.id}/sheet`);
    expect([none.status, none.body.code]).toEqual([409, 'invalid_state']);
    expect((await as['pharm.zhou']!('GET', `/prescriptions/${draft.body.id}/sheet`)).status).toBe(403);
  });
});
