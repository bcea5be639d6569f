import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountyHis, type CountyHisHandle } from '@cloudclinic/county-his';
import { PrescriptionViewSchema, type Finding } from '@cloudclinic/shared';
import { hashPassword } from '../src/modules/auth/password';
import { dbTargets } from './helpers/test-database';
import { apiClient as client, calledVisit, ownSession as sharedOwnSession, type ApiClient as Client } from './helpers/clinic-visit';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const PASSWORD = 'Demo@2026';


const line = (medicationId: string, over: Record<string, unknown> = {}) => ({ medicationId, dose: { value: 1, unit: '片' }, frequency: 'qd', route: 'oral', days: 7, instructions: '', ...over });
const key = () => `test-${crypto.randomUUID()}`;
const reason = { code: 'benefit_outweighs_risk', reason: '已评估获益与风险，患者知情同意' };

describe.each(dbTargets())('prescriptions a pharmacist would accept (%s)', (target) => {
  let his: CountyHisHandle;
  let srv: TestServer;
  const as: Record<string, Client> = {};
  let sscph = '';
  const sessionIds: Record<string, string> = {};

  const ownSession = (expert: string) => sharedOwnSession(srv, as['admin']!, expert, sscph);

  async function consultation(hisPatientId: string, name: string, expert = 'dr.chen', session = 'cardiology'): Promise<string> {
    sessionIds[session] ??= await ownSession(expert);
    const sessionId = sessionIds[session];
    return (await calledVisit({ admin: as['admin']!, kiosk: as['kiosk.shengsi']!, expert: as[expert]! }, sessionId, { hisPatientId, name, institutionId: sscph })).consultationId;
  }

  const draft = async (consultationId: string, body: object, expert = 'dr.chen') => {
    const res = await as[expert]!('POST', `/consultations/${consultationId}/prescriptions`, body, { 'Idempotency-Key': key() });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return PrescriptionViewSchema.parse(res.body);
  };
  const sign = (id: string, overrides: object[] = [], expert = 'dr.chen') => as[expert]!('POST', `/prescriptions/${id}/sign`, { password: PASSWORD, overrides });
  const overrideAll = (findings: readonly Finding[]) => findings.filter((f) => f.severity !== 'info').map((f) => ({ findingId: f.id, ...reason }));
  const versions = (prescriptionId: string) => srv.services.prisma.prescriptionVersion.count({ where: { prescriptionId } });

  beforeAll(async () => {
    his = await startCountyHis();
    srv = await startTestServer(target, { HIS_FHIR_BASE_URL: his.url, OUTBOX_POLL_MS: 200 });
    sscph = (await srv.services.prisma.institution.findMany()).find((i) => i.code === 'sscph')?.id ?? '';
    // A second pharmacist of the Shengsi pharmacy: review and dispensing are two people's work.
    await srv.services.prisma.user.create({ data: { username: 'pharm.wu', displayName: '吴药师', role: 'pharmacist', institutionId: sscph, passwordHash: await hashPassword(PASSWORD) } });
    for (const u of ['admin', 'dr.chen', 'dr.lin', 'pharm.zhou', 'pharm.wu', 'kiosk.shengsi']) as[u] = client(srv.url, (await login(srv.url, u)).accessToken);
  });
  afterAll(async () => {
    await srv?.close();
    await his?.close();
  });

  it('tramadol, alprazolam and zolpidem (class II psychotropics) are refused online, naming the rule, and no reason signs them', async () => {
    const consultationId = await consultation('p-0003', '张海燕', 'dr.lin', 'psychiatry');
    const rx = await draft(consultationId, { diagnoses: ['F41.1'], items: [line('tramadol-100mg-er-tab', { days: 3 }), line('alprazolam-0.4mg-tab', { days: 3 }), line('zolpidem-10mg-tab', { days: 3, frequency: 'qn' })] }, 'dr.lin');
    const refused = rx.findings.filter((f) => f.rule === 'controlled');
    expect(refused.map((f) => [f.medicationIds[0], f.severity])).toEqual([
      ['tramadol-100mg-er-tab', 'refused'],
      ['alprazolam-0.4mg-tab', 'refused'],
      ['zolpidem-10mg-tab', 'refused'],
    ]);
    for (const f of refused) {
      expect(f.message).toContain('第二类精神药品');
      expect(f.message).toContain('《互联网诊疗管理办法（试行）》第十九条');
      expect(f.messageEn).toContain('cannot be overridden');
    }
    expect(rx.signable).toBe(false);
    const res = await sign(rx.id, overrideAll(rx.findings), 'dr.lin');
    expect([res.status, res.body.code]).toEqual([400, 'bad_request']);
    expect(res.body.details.findings.map((f: Finding) => f.rule)).toEqual(['controlled', 'controlled', 'controlled']);
    expect(await versions(rx.id)).toBe(0);
  });

  it('100 tablets of amlodipine a day and a tablet given iv are hard stops; up to twice the maximum is a warning a reason can clear', async () => {
    const consultationId = await consultation('p-0001', '王建国');
    const hundred = await draft(consultationId, { diagnoses: ['I10'], items: [line('amlodipine-5mg-tab', { dose: { value: 100, unit: '片' } })] });
    const dose = hundred.findings.find((f) => f.rule === 'max_dose');
    expect(dose).toMatchObject({ severity: 'refused', message: expect.stringContaining('达最大日剂量的50倍（超过2倍），不可越过') });
    const blocked = await sign(hundred.id, overrideAll(hundred.findings));
    expect(blocked.status).toBe(400);
    expect(blocked.body.details.findings.map((f: Finding) => f.rule)).toEqual(['max_dose']);

    const iv = await draft(consultationId, { diagnoses: ['I10'], items: [line('metformin-500mg-tab', { route: 'iv' })] });
    expect(iv.findings.find((f) => f.rule === 'route')).toMatchObject({ severity: 'refused', message: expect.stringContaining('不能静脉注射给药，只可口服') });
    expect((await sign(iv.id, overrideAll(iv.findings))).status).toBe(400);
    expect(await versions(hundred.id) + (await versions(iv.id))).toBe(0);

    const twice = await draft(consultationId, { diagnoses: ['I10'], items: [line('nifedipine-30mg-cr-tab', { dose: { value: 3, unit: '片' }, frequency: 'bid' })] });
    expect(twice.findings.find((f) => f.rule === 'max_dose')?.severity).toBe('warning');
    const ok = await sign(twice.id, overrideAll(twice.findings));
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
  });

  it('a coded diagnosis from the bundled ICD-10 list is required to sign, and a child needs a weight (422 listing both)', async () => {
    const consultationId = await consultation('p-0005', '刘小雨');
    const rx = await draft(consultationId, { items: [line('cetirizine-10mg-tab', { dose: { value: 5, unit: 'mg' }, frequency: 'qn' })] });
    const missing = await sign(rx.id);
    expect([missing.status, missing.body.code, missing.body.details.missing]).toEqual([422, 'incomplete', ['diagnosis', 'weight']]);
    expect(missing.body.message).toContain('临床诊断');
    expect(await versions(rx.id)).toBe(0);

    const unknown = await as['dr.chen']!('PUT', `/prescriptions/${rx.id}`, { baseRevision: rx.revision, diagnoses: ['X99.9'], items: [line('cetirizine-10mg-tab')] });
    expect([unknown.status, unknown.body.details.unknownCodes]).toEqual([400, ['X99.9']]);
    expect((await as['dr.chen']!('PUT', `/prescriptions/${rx.id}`, { baseRevision: rx.revision, diagnoses: ['I10; DROP TABLE'], items: [] })).status).toBe(400);

    const withDiagnosis = await as['dr.chen']!('PUT', `/prescriptions/${rx.id}`, { baseRevision: rx.revision, diagnoses: ['j30.4'], items: [line('cetirizine-10mg-tab', { dose: { value: 5, unit: 'mg' }, frequency: 'qn' })] });
    expect(withDiagnosis.body.diagnoses).toEqual([{ code: 'J30.4', zh: '变应性鼻炎', en: 'Allergic rhinitis' }]);
    expect((await sign(rx.id)).body.details.missing).toEqual(['weight']);
    await as['dr.chen']!('PUT', `/prescriptions/${rx.id}`, { baseRevision: withDiagnosis.body.revision, diagnoses: ['J30.4'], patientStatus: { weightKg: 26 }, items: [line('cetirizine-10mg-tab', { dose: { value: 5, unit: 'mg' }, frequency: 'qn' })] });
    const signed = await sign(rx.id);
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const payload = JSON.parse((await as['dr.chen']!('GET', `/prescriptions/${rx.id}/document`)).body.canonical);
    expect(payload.diagnoses).toEqual([{ code: 'J30.4', zh: '变应性鼻炎' }]);
  });

  it('an override needs a coded reason of substance, signed with it; the pharmacist acknowledges each overridden warning before approving', async () => {
    const consultationId = await consultation('p-0002', '李秀英');
    const rx = await draft(consultationId, { diagnoses: ['J02.9'], items: [line('amoxicillin-250mg-cap', { dose: { value: 500, unit: 'mg' }, frequency: 'tid' })] });
    const allergy = rx.findings.find((f) => f.rule === 'allergy');
    expect(allergy?.severity).toBe('warning');
    for (const bad of [{ code: 'benefit_outweighs_risk', reason: '测试' }, { code: 'benefit_outweighs_risk', reason: 'test' }, { reason: '青霉素皮试阴性，已告知风险' }, { code: 'because', reason: '青霉素皮试阴性，已告知风险' }]) {
      expect((await sign(rx.id, [{ findingId: allergy?.id, ...bad }])).status, JSON.stringify(bad)).toBe(400);
    }
    const signed = await sign(rx.id, [{ findingId: allergy?.id, code: 'monitoring_arranged', reason: '青霉素皮试阴性，已告知风险' }]);
    expect(signed.status).toBe(200);
    const payload = JSON.parse((await as['dr.chen']!('GET', `/prescriptions/${rx.id}/document`)).body.canonical);
    expect(payload.findings).toContainEqual(expect.objectContaining({ id: allergy?.id, overrideCode: 'monitoring_arranged', overrideReason: '青霉素皮试阴性，已告知风险' }));
    expect((await as['dr.chen']!('POST', `/prescriptions/${rx.id}/submit`)).body.status).toBe('under_review');

    const unacknowledged = await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/approve`, { password: PASSWORD });
    expect([unacknowledged.status, unacknowledged.body.code, unacknowledged.body.details.missing]).toEqual([422, 'warnings_unacknowledged', [`acknowledgement:${allergy?.id}`]]);
    expect(unacknowledged.body.details.findings[0]).toMatchObject({ overrideReason: '青霉素皮试阴性，已告知风险' });
    expect((await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/approve`, { password: PASSWORD, acknowledged: ['something-else'] })).status).toBe(409);
    expect((await as['pharm.zhou']!('GET', `/prescriptions/${rx.id}`)).body.status).toBe('under_review');
    const wrong = await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/approve`, { password: 'not-my-password', acknowledged: [allergy?.id] });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'invalid_credentials']);
    expect((await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/approve`, { acknowledged: [allergy?.id] })).status).toBe(400);
    const approved = await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/approve`, { password: PASSWORD, acknowledged: [allergy?.id] });
    expect(approved.status).toBe(200);
    expect(approved.body.review).toMatchObject({ decision: 'approved', acknowledged: [allergy?.id] });

    // Reviewer and dispenser are recorded separately; the reviewer dispenses only with an explicit acknowledgement.
    const items = [{ itemId: rx.items[0]?.id, quantity: 1, lot: 'L20261201' }];
    const self = await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/dispense`, { items });
    expect([self.status, self.body.code, self.body.details.missing]).toEqual([422, 'incomplete', ['sameAsReviewerAcknowledgement']]);
    const dispensed = await as['pharm.wu']!('POST', `/prescriptions/${rx.id}/dispense`, { items });
    expect(dispensed.status, JSON.stringify(dispensed.body)).toBe(200);
    expect(dispensed.body).toMatchObject({ status: 'dispensed', review: { by: { name: '周敏' } }, dispensedBy: { name: '吴药师' } });
    const audit = await srv.services.prisma.auditEvent.findFirstOrThrow({ where: { entityId: rx.id, action: 'prescription.dispense', outcome: 'ok' } });
    expect(audit.detail).toMatchObject({ sameAsReviewer: false });

    // The approval is signed with the pharmacist's own key; /verify checks both signatures.
    const row = await srv.services.prisma.prescription.findUniqueOrThrow({ where: { id: rx.id } });
    const zhou = await srv.services.prisma.user.findUniqueOrThrow({ where: { username: 'pharm.zhou' } });
    expect((await srv.services.prisma.signingKey.findFirstOrThrow({ where: { kid: row.reviewKid ?? '' } })).userId).toBe(zhou.id);
    const review = JSON.parse(Buffer.from(row.reviewJws?.split('.')[1] ?? '', 'base64url').toString('utf8'));
    expect(review).toMatchObject({ type: 'cloudclinic.prescription-review', decision: 'approved', acknowledged: [allergy?.id], pharmacist: { name: '周敏' } });
    expect((await as['pharm.wu']!('GET', `/prescriptions/${rx.id}/verify`)).body).toMatchObject({ valid: true, checks: { signature: true, review: true } });
    // A review signature that is not the pharmacist's (here: the prescriber's JWS) fails verification.
    const version = await srv.services.prisma.prescriptionVersion.findFirstOrThrow({ where: { prescriptionId: rx.id } });
    await srv.services.prisma.prescription.update({ where: { id: rx.id }, data: { reviewJws: version.jws, reviewKid: version.kid } });
    expect((await as['pharm.wu']!('GET', `/prescriptions/${rx.id}/verify`)).body).toMatchObject({ valid: false, checks: { signature: true, review: false } });
  });

  it('the platform’s own prescriptions count as current medication: a twin is refused, also when two are signed at the same moment', async () => {
    const consultationId = await consultation('p-0019', '黄子豪');
    const body = { diagnoses: ['I10'], items: [line('amlodipine-5mg-tab')] };
    const [a, b] = [await draft(consultationId, body), await draft(consultationId, body)];
    const results = await Promise.all([sign(a.id), sign(b.id)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
    expect(JSON.stringify(results.find((r) => r.status === 400)?.body)).toContain('active_duplicate');
    expect((await versions(a.id)) + (await versions(b.id))).toBe(1);

    const third = await draft(consultationId, body);
    expect(third.findings.find((f) => f.rule === 'active_duplicate')).toMatchObject({ severity: 'refused', message: expect.stringContaining('不得重复开具') });
    const sameClass = await draft(consultationId, { diagnoses: ['I10'], items: [line('nifedipine-30mg-cr-tab')] });
    expect(sameClass.findings.find((f) => f.rule === 'duplicate')).toMatchObject({ severity: 'warning' });
  });

  it('the QR opens a public verification (no login): authentic and status, no patient; the drugs only with the printed code', async () => {
    const consultationId = await consultation('p-0013', '贺国庆');
    const rx = await draft(consultationId, { diagnoses: ['I10'], items: [line('amlodipine-5mg-tab')] });
    expect((await sign(rx.id)).status).toBe(200);
    const doc = (await as['dr.chen']!('GET', `/prescriptions/${rx.id}/document`)).body;
    expect(doc.verificationCode).toMatch(/^[A-Z2-7]{8}$/);
    const open = async (query = '') => {
      const res = await fetch(`${srv.url}/api/public/prescriptions/${rx.id}${query}`);
      return { status: res.status, text: await res.text() };
    };

    const plain = await open();
    expect(plain.status).toBe(200);
    expect(JSON.parse(plain.text)).toMatchObject({ number: rx.number, authentic: true, status: 'signed', issuedBy: '浙江医院', items: null });
    for (const secret of ['刘国平', 'p-0011', '氨氯地平', rx.consultationId]) expect(plain.text).not.toContain(secret);

    expect((await open('?code=AAAAAAAA')).status).toBe(403);
    expect((await open('?code=short')).status).toBe(400);
    const unlocked = JSON.parse((await open(`?code=${doc.verificationCode.toLowerCase()}`)).text);
    expect(unlocked.items).toEqual([expect.objectContaining({ name: '苯磺酸氨氯地平片', quantity: { value: 1, unit: '盒' } })]);
    expect(JSON.stringify(unlocked)).not.toContain('刘国平');
    expect((await fetch(`${srv.url}/api/public/prescriptions/not-a-prescription`)).status).toBe(404);

    // Altered after signing: the page says it is not authentic.
    await srv.services.prisma.prescriptionItem.updateMany({ where: { prescriptionId: rx.id }, data: { quantity: 9 } });
    expect(JSON.parse((await open()).text).authentic).toBe(false);
    expect(await srv.services.prisma.auditEvent.count({ where: { entityId: rx.id, action: 'prescription.verify.public' } })).toBe(4);
  });

  it('supply: beyond 7 days needs a reason unless a chronic diagnosis explains it; beyond 30 days only for chronic disease; never beyond 12 weeks', async () => {
    const consultationId = await consultation('p-0010', '徐丽萍');
    const rule = async (days: number, diagnoses: string[]) => (await draft(consultationId, { diagnoses, items: [line('loratadine-10mg-tab', { days })] })).findings.find((f) => f.rule === 'duration');
    expect(await rule(7, ['J30.4'])).toBeUndefined();
    expect(await rule(14, ['L50.9'])).toMatchObject({ severity: 'warning', message: expect.stringContaining('请注明理由') });
    expect(await rule(14, ['J30.4'])).toMatchObject({ severity: 'info' });
    expect(await rule(56, ['L50.9'])).toMatchObject({ severity: 'refused' });
    expect(await rule(84, ['J30.4'])).toMatchObject({ severity: 'info' });
    expect(await rule(90, ['J30.4'])).toMatchObject({ severity: 'refused', message: expect.stringContaining('12周') });
  });
});
