import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountyHis, type CountyHisHandle } from '@cloudclinic/county-his';
import { JwksSchema, KioskAppointmentViewSchema, PrescriptionListSchema, PrescriptionViewSchema, SignedPrescriptionPayloadSchema, VerificationSchema } from '@cloudclinic/shared';
import { hashPassword } from '../src/modules/auth/password';
import { SignalingClient } from './helpers/signaling-client';
import { dbTargets } from './helpers/test-database';
import { apiClient as client, calledVisit, ownSession as sharedOwnSession, type ApiClient as Client, type Json } from './helpers/clinic-visit';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const PASSWORD = 'Demo@2026';


const amlodipine = { medicationId: 'amlodipine-5mg-tab', dose: { value: 5, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 28, instructions: '晨起服用' };
const amoxicillin = { medicationId: 'amoxicillin-250mg-cap', dose: { value: 500, unit: 'mg' }, frequency: 'tid', route: 'oral', days: 7, instructions: '' };
const key = () => `test-${crypto.randomUUID()}`;

describe.each(dbTargets())('online prescriptions (%s)', (target) => {
  let his: CountyHisHandle;
  let srv: TestServer;
  const as: Record<string, Client> = {};
  const tokens: Record<string, string> = {};
  const sockets: SignalingClient[] = [];
  let sscph = '';
  const sessionIds: Record<string, string> = {};

    const ownSession = (expert: string) => sharedOwnSession(srv, as['admin']!, expert, sscph);

  async function consultation(hisPatientId: string, name: string, expert = 'dr.chen', session = 'cardiology'): Promise<{ consultationId: string; appointmentId: string }> {
    sessionIds[session] ??= await ownSession(expert);
    const sessionId = sessionIds[session];
    return calledVisit({ admin: as['admin']!, kiosk: as['kiosk.shengsi']!, expert: as[expert]! }, sessionId, { hisPatientId, name, institutionId: sscph });
  }

  async function signedAndSubmitted(consultationId: string, items: object[] = [amlodipine], expert = 'dr.chen') {
    const created = await as[expert]!('POST', `/consultations/${consultationId}/prescriptions`, { diagnosis: '原发性高血压', diagnoses: ['I10'], items }, { 'Idempotency-Key': key() });
    expect(created.status).toBe(201);
    const signed = await as[expert]!('POST', `/prescriptions/${created.body.id}/sign`, { password: PASSWORD }, { 'Idempotency-Key': key() });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const submitted = await as[expert]!('POST', `/prescriptions/${created.body.id}/submit`, {}, { 'Idempotency-Key': key() });
    expect(submitted.body.status).toBe('under_review');
    return PrescriptionViewSchema.parse(submitted.body);
  }

  async function hisSearch(type: string, identifier: string): Promise<Json[]> {
    const res = await fetch(`${his.url}/${type}?identifier=${encodeURIComponent(identifier)}`);
    return ((await res.json()) as Json).entry ?? [];
  }

  beforeAll(async () => {
    his = await startCountyHis();
    srv = await startTestServer(target, { HIS_FHIR_BASE_URL: his.url, OUTBOX_POLL_MS: 200 });
    const inst = await srv.services.prisma.institution.findMany();
    sscph = inst.find((i) => i.code === 'sscph')?.id ?? '';
    const dsfph = inst.find((i) => i.code === 'dsfph')?.id ?? '';
    await srv.services.prisma.user.create({ data: { username: 'pharm.daishan', displayName: '岱山药师', role: 'pharmacist', institutionId: dsfph, passwordHash: await hashPassword(PASSWORD) } });
    for (const u of ['admin', 'dr.chen', 'dr.lin', 'dr.he', 'pharm.zhou', 'pharm.daishan', 'kiosk.shengsi', 'kiosk.daishan']) {
      tokens[u] = (await login(srv.url, u)).accessToken;
      as[u] = client(srv.url, tokens[u]);
    }
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await srv?.close();
    await his?.close();
  });

  it('王建国: the expert prescribes amlodipine, signs; the pharmacist approves and dispenses, live; HIS and kiosk follow', async () => {
    const { consultationId, appointmentId } = await consultation('p-0001', '王建国');
    const expert = await SignalingClient.connect(srv.url, tokens['dr.chen']);
    const pharmacist = await SignalingClient.connect(srv.url, tokens['pharm.zhou']);
    sockets.push(expert, pharmacist);
    expect(PrescriptionListSchema.parse(await expert.ok('rx.consultation.watch', { consultationId })).prescriptions).toEqual([]);
    await pharmacist.ok('rx.queue.watch', {});

    const found = await as['dr.chen']!('GET', '/prescriptions/formulary?q=amld');
    expect(found.body.medications[0]).toMatchObject({ id: 'amlodipine-5mg-tab', name: '苯磺酸氨氯地平片', pinyin: 'aldp' });
    const created = await as['dr.chen']!('POST', `/consultations/${consultationId}/prescriptions`, { diagnosis: '原发性高血压', diagnoses: ['I10'], items: [amlodipine] }, { 'Idempotency-Key': key() });
    expect(created.status).toBe(201);
    const draft = PrescriptionViewSchema.parse(created.body);
    expect(draft).toMatchObject({ status: 'draft', signable: true, patient: { name: '王建国', hisPatientId: 'p-0001' } });
    expect(draft.items[0]).toMatchObject({ quantity: { value: 1, unit: '盒' }, unitsPerDose: 1, doseUnit: '片' });
    // Renewal of what the patient takes; 28 days for a chronic disease (I10) needs no further reason.
    expect(draft.findings.map((f) => [f.rule, f.severity])).toEqual([
      ['continuation', 'info'],
      ['duration', 'info'],
    ]);
    expect(draft.diagnoses).toEqual([{ code: 'I10', zh: '原发性高血压', en: 'Essential (primary) hypertension' }]);

    const signed = await as['dr.chen']!('POST', `/prescriptions/${draft.id}/sign`, { password: PASSWORD });
    expect(signed.body).toMatchObject({ status: 'signed', version: 1 });
    expect(signed.body.validUntil).toBeTruthy();
    const submitted = await as['dr.chen']!('POST', `/prescriptions/${draft.id}/submit`);
    expect(submitted.body.status).toBe('under_review');
    const queued = await pharmacist.waitFor('rx.queue.changed', (d) => PrescriptionListSchema.parse(d).prescriptions.some((p) => p.id === draft.id && p.status === 'under_review'));
    const inQueue = PrescriptionListSchema.parse(queued.data).prescriptions.find((p) => p.id === draft.id);
    expect(inQueue?.patient.allergies).toEqual(['海鲜过敏']);

    const approved = await as['pharm.zhou']!('POST', `/prescriptions/${draft.id}/approve`, { password: PASSWORD });
    expect(approved.body.status).toBe('approved');
    await expert.waitFor('rx.consultation.changed', (d) => JSON.stringify(d).includes('"status":"approved"'));
    // The reviewer dispenses too only by saying so (a one-pharmacist pharmacy).
    const self = await as['pharm.zhou']!('POST', `/prescriptions/${draft.id}/dispense`, { items: [{ itemId: draft.items[0]?.id, quantity: 1, lot: 'L20261101' }] });
    expect([self.status, self.body.details?.missing]).toEqual([422, ['sameAsReviewerAcknowledgement']]);
    const dispensed = await as['pharm.zhou']!('POST', `/prescriptions/${draft.id}/dispense`, { items: [{ itemId: draft.items[0]?.id, quantity: 1, lot: 'L20261101' }], sameAsReviewerAcknowledged: true });
    expect(dispensed.body).toMatchObject({ status: 'dispensed', dispensedBy: { name: '周敏' } });
    expect(dispensed.body.items[0].dispensed).toEqual({ quantity: 1, lot: 'L20261101' });

    // Written to the county HIS through the outbox, once each.
    await srv.services.outbox.drain();
    await expect.poll(async () => (await hisSearch('MedicationRequest', `urn:cloudclinic:prescription-item|${draft.id}-v1-1`)).length, { timeout: 10_000 }).toBe(1);
    await expect.poll(async () => (await hisSearch('MedicationDispense', `urn:cloudclinic:dispense|${draft.id}-v1-1`)).length, { timeout: 10_000 }).toBe(1);
    const request = (await hisSearch('MedicationRequest', `urn:cloudclinic:prescription-item|${draft.id}-v1-1`))[0].resource;
    expect(request).toMatchObject({ status: 'completed', intent: 'order', subject: { reference: 'Patient/p-0001' }, dispenseRequest: { quantity: { value: 1, unit: '盒' } } });

    // The visit ends; the kiosk's summary shows the prescription and its status.
    await as['dr.chen']!('PUT', `/consultations/${consultationId}/note`, { baseRevision: 0, chiefComplaint: '血压复诊', assessment: '血压控制可', diagnoses: ['I10'], plan: '继续服药' });
    expect((await as['dr.chen']!('POST', `/consultations/${consultationId}/end`)).status).toBe(200);
    const kiosk = KioskAppointmentViewSchema.parse((await as['kiosk.shengsi']!('GET', `/appointments/${appointmentId}`)).body);
    expect(kiosk.summary?.prescriptions).toEqual([
      {
        id: draft.id,
        status: 'dispensed',
        items: [expect.stringContaining('苯磺酸氨氯地平片 5 mg ×1盒')],
        // What the patient takes home: the instruction in plain words, and the code printed beside the QR.
        drugs: [expect.objectContaining({ name: '苯磺酸氨氯地平片', instruction: { zh: '口服，每日一次，每次 5 mg，共 28 天', en: 'by mouth, once a day, 5 mg each time, for 28 days' } })],
        verifyCode: expect.stringMatching(/^[A-Z2-7]{8}$/),
      },
    ]);

    const audit = await srv.services.prisma.auditEvent.findMany({ where: { entityId: draft.id }, orderBy: { at: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['prescription.create', 'prescription.sign', 'prescription.submit', 'prescription.approve', 'prescription.dispense']));
  });

  it('a rejection reaches the expert live; the revision is signed as version 2, chained to version 1', async () => {
    const { consultationId } = await consultation('p-0012', '陈福昌');
    const rx = await signedAndSubmitted(consultationId);
    const expert = await SignalingClient.connect(srv.url, tokens['dr.chen']);
    sockets.push(expert);
    await expert.ok('rx.consultation.watch', { consultationId });
    const rejected = await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/reject`, { reason: '请注明用药疗程' });
    expect(rejected.body).toMatchObject({ status: 'rejected', review: { decision: 'rejected', reason: '请注明用药疗程', by: { name: '周敏' } } });
    const note = await expert.waitFor('rx.consultation.changed', (d) => JSON.stringify(d).includes('请注明用药疗程'));
    expect(JSON.stringify(note.data)).toContain('"status":"rejected"');

    expect((await as['dr.chen']!('PUT', `/prescriptions/${rx.id}`, { baseRevision: rx.revision, items: [amlodipine] })).body.code).toBe('invalid_state');
    const revised = await as['dr.chen']!('POST', `/prescriptions/${rx.id}/revise`);
    expect(revised.body.status).toBe('draft');
    const saved = await as['dr.chen']!('PUT', `/prescriptions/${rx.id}`, { baseRevision: revised.body.revision, diagnosis: '原发性高血压', diagnoses: ['I10'], items: [{ ...amlodipine, instructions: '晨起服用，疗程28天' }] });
    expect(saved.status).toBe(200);
    expect((await as['dr.chen']!('PUT', `/prescriptions/${rx.id}`, { baseRevision: revised.body.revision, items: [amlodipine] })).body.code).toBe('revision_conflict');
    const v2 = await as['dr.chen']!('POST', `/prescriptions/${rx.id}/sign`, { password: PASSWORD });
    expect(v2.body).toMatchObject({ status: 'signed', version: 2, review: null });
    expect(v2.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const doc = (await as['dr.chen']!('GET', `/prescriptions/${rx.id}/document`)).body;
    const payload = SignedPrescriptionPayloadSchema.parse(JSON.parse(doc.canonical));
    expect(payload.previousHash).toBe(v2.body.versions[0].payloadHash);
    expect(payload.items[0]?.instructions).toBe('晨起服用，疗程28天');
    expect(VerificationSchema.parse((await as['pharm.zhou']!('GET', `/prescriptions/${rx.id}/verify`)).body)).toMatchObject({ valid: true, version: 2, checks: { chain: true } });
  });

  it('李秀英 (penicillin allergy): amoxicillin cannot be signed without an override reason, which is then signed with it', async () => {
    const { consultationId } = await consultation('p-0002', '李秀英');
    const created = await as['dr.chen']!('POST', `/consultations/${consultationId}/prescriptions`, { diagnosis: '急性细菌性咽炎', diagnoses: ['J02.9'], items: [amoxicillin] }, { 'Idempotency-Key': key() });
    const draft = PrescriptionViewSchema.parse(created.body);
    const allergy = draft.findings.find((f) => f.rule === 'allergy');
    expect(allergy).toMatchObject({ severity: 'warning', override: null });
    expect(allergy?.message).toContain('青霉素');
    expect(draft.signable).toBe(false);

    const blocked = await as['dr.chen']!('POST', `/prescriptions/${draft.id}/sign`, { password: PASSWORD });
    expect(blocked.status).toBe(400);
    expect(blocked.body.details.findings.map((f: { id: string }) => f.id)).toContain(allergy?.id);
    expect((await as['dr.chen']!('POST', `/prescriptions/${draft.id}/sign`, { password: PASSWORD, overrides: [{ findingId: allergy?.id, code: 'monitoring_arranged', reason: '' }] })).status).toBe(400);

    const signed = await as['dr.chen']!('POST', `/prescriptions/${draft.id}/sign`, { password: PASSWORD, overrides: [{ findingId: allergy?.id, code: 'monitoring_arranged', reason: '青霉素皮试阴性，已告知风险' }] });
    expect(signed.status).toBe(200);
    expect(signed.body.findings.find((f: { rule: string }) => f.rule === 'allergy').override).toMatchObject({ reason: '青霉素皮试阴性，已告知风险' });
    const payload = JSON.parse((await as['dr.chen']!('GET', `/prescriptions/${draft.id}/document`)).body.canonical);
    expect(payload.findings).toContainEqual(expect.objectContaining({ id: allergy?.id, overrideReason: '青霉素皮试阴性，已告知风险' }));
  });

  it('refuses controlled drugs and antibiotics beyond the prescriber’s privilege, with no override possible', async () => {
    const { consultationId } = await consultation('p-0003', '张海燕', 'dr.lin', 'psychiatry');
    const morphine = { medicationId: 'morphine-30mg-er-tab', dose: { value: 1, unit: '片' }, frequency: 'q12h', route: 'oral', days: 3 };
    const levofloxacin = { medicationId: 'levofloxacin-500mg-tab', dose: { value: 1, unit: '片' }, frequency: 'qd', route: 'oral', days: 5 };
    const created = await as['dr.lin']!('POST', `/consultations/${consultationId}/prescriptions`, { diagnoses: ['J20.9'], items: [morphine, levofloxacin] }, { 'Idempotency-Key': key() });
    const refused = created.body.findings.filter((f: { severity: string }) => f.severity === 'refused');
    expect(refused.map((f: { rule: string }) => f.rule)).toEqual(['controlled', 'antibiotic']);
    const res = await as['dr.lin']!('POST', `/prescriptions/${created.body.id}/sign`, { password: PASSWORD, overrides: refused.map((f: { id: string }) => ({ findingId: f.id, code: 'no_alternative', reason: '患者坚持要求开具' })) });
    expect(res.status).toBe(400);
    expect(res.body.details.findings).toHaveLength(2);
    expect((await srv.services.prisma.prescriptionVersion.count({ where: { prescriptionId: created.body.id } }))).toBe(0);
  });

  it('Idempotency-Key: a retried submission never makes a second prescription; the same key with another body is refused', async () => {
    const { consultationId } = await consultation('p-0005', '刘小雨');
    const k = key();
    const body = {
      diagnosis: '过敏性鼻炎',
      diagnoses: ['J30.4'],
      patientStatus: { weightKg: 24 },
      items: [{ medicationId: 'cetirizine-10mg-tab', dose: { value: 5, unit: 'mg' }, frequency: 'qn', route: 'oral', days: 14 }],
    };
    const send = () => as['dr.chen']!('POST', `/consultations/${consultationId}/prescriptions`, body, { 'Idempotency-Key': k });
    // Two identical requests in flight at once (a client retry racing the original).
    const [a, b] = await Promise.all([send(), send()]);
    const c = await as['dr.chen']!('POST', `/consultations/${consultationId}/prescriptions`, body, { 'Idempotency-Key': k });
    expect([a.status, b.status, c.status]).toEqual([201, 201, 201]);
    expect(new Set([a.body.id, b.body.id, c.body.id]).size).toBe(1);
    expect(await srv.services.prisma.prescription.count({ where: { consultationId } })).toBe(1);
    const other = await as['dr.chen']!('POST', `/consultations/${consultationId}/prescriptions`, { ...body, diagnosis: '别的' }, { 'Idempotency-Key': k });
    expect(other.status).toBe(409);
    expect(other.body.details.reason).toBe('idempotency_key_reused');
    expect((await as['dr.chen']!('POST', `/consultations/${consultationId}/prescriptions`, body, { 'Idempotency-Key': 'short' })).status).toBe(400);

    const sk = key();
    const s1 = await as['dr.chen']!('POST', `/prescriptions/${a.body.id}/sign`, { password: PASSWORD }, { 'Idempotency-Key': sk });
    const s2 = await as['dr.chen']!('POST', `/prescriptions/${a.body.id}/sign`, { password: PASSWORD }, { 'Idempotency-Key': sk });
    expect([s1.status, s2.status], JSON.stringify(s1.body)).toEqual([200, 200]);
    expect(s2.body.version).toBe(1);
    expect((await as['dr.chen']!('POST', `/prescriptions/${a.body.id}/sign`, { password: PASSWORD })).body.code).toBe('invalid_state');
  });

  it('permissions: only the consultation’s expert prescribes; only the patient’s county pharmacists review and dispense', async () => {
    const { consultationId } = await consultation('p-0010', '徐丽萍');
    expect((await as['dr.he']!('POST', `/consultations/${consultationId}/prescriptions`, { items: [amlodipine] })).status).toBe(403);
    expect((await as['kiosk.shengsi']!('POST', `/consultations/${consultationId}/prescriptions`, { items: [amlodipine] })).status).toBe(403);
    expect((await as['pharm.zhou']!('POST', `/consultations/${consultationId}/prescriptions`, { items: [amlodipine] })).status).toBe(403);
    const rx = await signedAndSubmitted(consultationId);
    expect((await as['dr.he']!('GET', `/prescriptions/${rx.id}`)).status).toBe(403);
    expect((await as['kiosk.daishan']!('GET', `/prescriptions/${rx.id}`)).status).toBe(403);
    expect((await as['kiosk.shengsi']!('GET', `/prescriptions/${rx.id}`)).status).toBe(200);
    expect((await as['pharm.daishan']!('POST', `/prescriptions/${rx.id}/approve`, { password: PASSWORD })).status).toBe(403);
    expect((await as['pharm.daishan']!('GET', '/prescriptions/review-queue')).body.prescriptions.some((p: { id: string }) => p.id === rx.id)).toBe(false);
    expect((await as['dr.chen']!('POST', `/prescriptions/${rx.id}/approve`, { password: PASSWORD })).status).toBe(403);
    expect((await as['dr.he']!('POST', `/prescriptions/${rx.id}/sign`, { password: PASSWORD })).status).toBe(403);
    // Illegal transitions: 409 invalid_state.
    const dispenseEarly = await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/dispense`, { items: [{ itemId: rx.items[0]?.id, quantity: 1, lot: 'L1' }] });
    expect([dispenseEarly.status, dispenseEarly.body.code]).toEqual([409, 'invalid_state']);
    expect((await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/approve`, { password: PASSWORD })).status).toBe(200);
    expect((await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/reject`, { reason: '晚了' })).body.code).toBe('invalid_state');
    expect((await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/dispense`, { items: [{ itemId: rx.items[0]?.id, quantity: 5, lot: 'L1' }], sameAsReviewerAcknowledged: true })).status).toBe(400);
  });

  it('verifies with an independent JWS implementation against the published JWKS; any change after signing fails', async () => {
    const { consultationId } = await consultation('p-0013', '贺国庆');
    const rx = await signedAndSubmitted(consultationId);
    const doc = (await as['pharm.zhou']!('GET', `/prescriptions/${rx.id}/document`)).body;
    const jwksRes = await fetch(`${srv.url}/.well-known/jwks.json`);
    expect(jwksRes.status).toBe(200);
    const jwks = JwksSchema.parse(await jwksRes.json());
    const [h = '', p = '', s = ''] = doc.jws.split('.');
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8'));
    expect(header).toMatchObject({ alg: 'ES256', kid: doc.kid });
    const jwk = jwks.keys.find((k) => k.kid === header.kid);
    const publicKey = crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: jwk?.x, y: jwk?.y }, format: 'jwk' });
    const nodeVerify = (payloadB64: string) => crypto.verify('sha256', Buffer.from(`${h}.${payloadB64}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(s, 'base64url'));
    expect(nodeVerify(p)).toBe(true);
    expect(Buffer.from(p, 'base64url').toString('utf8')).toBe(doc.canonical);
    const bytes = Buffer.from(p, 'base64url');
    bytes[20] = (bytes[20] ?? 0) ^ 0x01;
    expect(nodeVerify(bytes.toString('base64url'))).toBe(false);

    const ok = VerificationSchema.parse((await as['kiosk.shengsi']!('GET', `/prescriptions/${rx.id}/verify`)).body);
    expect(ok).toMatchObject({ valid: true, signer: { name: '陈建华', qualificationNo: '110330000012345', institution: '浙江医院' } });
    expect(ok.signedAt).toBeTruthy();

    // Someone changes the quantity in the database: verification fails, and the pharmacist cannot approve it.
    await srv.services.prisma.prescriptionItem.updateMany({ where: { prescriptionId: rx.id }, data: { quantity: 9 } });
    const tampered = VerificationSchema.parse((await as['pharm.zhou']!('GET', `/prescriptions/${rx.id}/verify`)).body);
    expect(tampered).toMatchObject({ valid: false, checks: { signature: true, integrity: false } });
    const approve = await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/approve`, { password: PASSWORD });
    expect([approve.status, approve.body.code]).toEqual([409, 'invalid_state']);
    // And a forged JWS in the record fails the signature check.
    await srv.services.prisma.prescriptionItem.updateMany({ where: { prescriptionId: rx.id }, data: { quantity: 1 } });
    await srv.services.prisma.prescriptionVersion.updateMany({ where: { prescriptionId: rx.id }, data: { jws: `${h}.${bytes.toString('base64url')}.${s}` } });
    expect(VerificationSchema.parse((await as['pharm.zhou']!('GET', `/prescriptions/${rx.id}/verify`)).body).checks.signature).toBe(false);
  });

  it('signing needs the signer’s password; the private key is stored only encrypted', async () => {
    const { consultationId } = await consultation('p-0015', '林振华');
    const created = await as['dr.chen']!('POST', `/consultations/${consultationId}/prescriptions`, { items: [amlodipine] }, { 'Idempotency-Key': key() });
    const wrong = await as['dr.chen']!('POST', `/prescriptions/${created.body.id}/sign`, { password: 'not-my-password' });
    expect([wrong.status, wrong.body.code]).toEqual([401, 'invalid_credentials']);
    expect((await as['dr.chen']!('GET', `/prescriptions/${created.body.id}`)).body.status).toBe('draft');
    const keys = await srv.services.prisma.signingKey.findMany();
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) {
      expect(Object.keys(k.publicJwk as object).sort()).toEqual(['crv', 'kty', 'x', 'y']);
      expect(Buffer.from(k.ciphertext, 'base64').includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    }
  });

  it('an HIS outage queues the write-back and loses nothing; an expired prescription cannot be approved', async () => {
    const { consultationId } = await consultation('p-0009', '乐月娥');
    const rx = await signedAndSubmitted(consultationId);
    his.setOutage(true);
    expect((await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/approve`, { password: PASSWORD })).body.status).toBe('approved');
    await srv.services.outbox.drain();
    const job = await srv.services.prisma.outboxJob.findFirst({ where: { dedupeKey: { contains: rx.id } } });
    expect(job?.status).toBe('pending');
    his.setOutage(false);
    await srv.services.prisma.outboxJob.updateMany({ where: { dedupeKey: { contains: rx.id } }, data: { nextAttemptAt: new Date() } });
    await expect.poll(async () => (await hisSearch('MedicationRequest', `urn:cloudclinic:prescription-item|${rx.id}-v1-1`)).length, { timeout: 15_000 }).toBe(1);

    // Another product: the same one again would be refused while the first prescription is active.
    const late = await signedAndSubmitted(consultationId, [{ ...amlodipine, medicationId: 'loratadine-10mg-tab', dose: { value: 10, unit: 'mg' } }]);
    await srv.services.prisma.prescription.update({ where: { id: late.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    const approve = await as['pharm.zhou']!('POST', `/prescriptions/${late.id}/approve`, { password: PASSWORD });
    expect([approve.status, approve.body.code]).toEqual([409, 'invalid_state']);
    expect((await as['pharm.zhou']!('GET', `/prescriptions/${late.id}`)).body.status).toBe('expired');
    expect(await srv.services.prisma.auditEvent.count({ where: { entityId: late.id, action: 'prescription.expire' } })).toBe(1);
  });
});
