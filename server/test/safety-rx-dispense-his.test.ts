import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountyHis, type CountyHisHandle } from '@cloudclinic/county-his';
import { hashPassword } from '../src/modules/auth/password';
import { apiClient as client, calledVisit, ownSession, type ApiClient as Client } from './helpers/clinic-visit';
import { approvedPrescription, dispenseBody, dispensesOf, flushOutbox, hisFind, key, loratadine, PASSWORD, requestsOf } from './helpers/rx-his';
import { dbTargets } from './helpers/test-database';
import { login, startTestServer, type TestServer } from './helpers/test-server';

/**
 * Dispensing reaches the county HIS once: the MedicationRequest written at approval becomes
 * `completed` and one MedicationDispense points at it — also with retries, a retried request, two
 * pharmacists pressing at once, and an HIS outage in the middle.
 */
describe.each(dbTargets())('dispensing updates the county HIS, once (%s)', (target) => {
  let his: CountyHisHandle;
  let srv: TestServer;
  const as: Record<string, Client> = {};
  let sscph = '';
  let sessionId = '';

  const visit = async (hisPatientId: string, name: string) =>
    (await calledVisit({ admin: as['admin']!, kiosk: as['kiosk.shengsi']!, expert: as['dr.chen']! }, sessionId, { hisPatientId, name, institutionId: sscph })).consultationId;
  const approved = async (hisPatientId: string, name: string) => approvedPrescription(as['dr.chen']!, as['pharm.zhou']!, await visit(hisPatientId, name));

  beforeAll(async () => {
    his = await startCountyHis();
    srv = await startTestServer(target, { HIS_FHIR_BASE_URL: his.url, OUTBOX_POLL_MS: 200, HIS_BREAKER_COOLDOWN_MS: 300 });
    sscph = (await srv.services.prisma.institution.findMany()).find((i) => i.code === 'sscph')?.id ?? '';
    // A second pharmacist of the Shengsi pharmacy dispenses what pharm.zhou reviewed.
    await srv.services.prisma.user.create({ data: { username: 'pharm.wu', displayName: '吴药师', role: 'pharmacist', institutionId: sscph, qualificationNo: 'YS3309220019', passwordHash: await hashPassword(PASSWORD) } });
    for (const u of ['admin', 'dr.chen', 'pharm.zhou', 'pharm.wu', 'kiosk.shengsi']) as[u] = client(srv.url, (await login(srv.url, u)).accessToken);
    sessionId = await ownSession(srv, as['admin']!, 'dr.chen', sscph);
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
    await his?.close();
  });

  it('a dispense completes the MedicationRequest and writes one MedicationDispense pointing at it, with performer, quantity, hand-over time and directions', async () => {
    const rx = await approved('p-0006', '邵伟民');
    await flushOutbox(srv, rx.id);
    const [written] = await requestsOf(his, rx.id);
    expect(written).toMatchObject({ status: 'active', meta: { versionId: '1' } });

    const res = await as['pharm.wu']!('POST', `/prescriptions/${rx.id}/dispense`, dispenseBody(rx), { 'Idempotency-Key': key() });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await flushOutbox(srv, rx.id);

    const requests = await requestsOf(his, rx.id);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ id: written.id, status: 'completed', meta: { versionId: '2' } });
    const dispenses = await dispensesOf(his, rx.id);
    expect(dispenses).toHaveLength(1);
    expect(dispenses[0]).toMatchObject({
      status: 'completed',
      subject: { reference: 'Patient/p-0006' },
      authorizingPrescription: [{ reference: `MedicationRequest/${written.id}` }],
      performer: [{ actor: { identifier: { system: 'urn:cloudclinic:qualification', value: 'YS3309220019' }, display: '吴药师' } }],
      quantity: { value: rx.items[0]?.quantity.value, unit: rx.items[0]?.quantity.unit },
      dosageInstruction: [{ text: expect.stringContaining('每日一次，每次10mg，口服') }],
    });
    expect(Date.parse(dispenses[0].whenHandedOver)).toBeGreaterThan(Date.now() - 120_000);
    // The HIS finds the dispense by the prescription it fills and by the patient.
    const byPrescription = await fetch(`${his.url}/MedicationDispense?prescription=MedicationRequest/${written.id}&subject=Patient/p-0006`);
    expect(((await byPrescription.json()) as { total: number }).total).toBe(1);
  });

  it('a retried dispense (same Idempotency-Key, or a new one), and the outbox delivering again, change nothing in the HIS', async () => {
    const rx = await approved('p-0013', '贺国庆');
    const idem = { 'Idempotency-Key': key() };
    const first = await as['pharm.wu']!('POST', `/prescriptions/${rx.id}/dispense`, dispenseBody(rx), idem);
    const replay = await as['pharm.wu']!('POST', `/prescriptions/${rx.id}/dispense`, dispenseBody(rx), idem);
    expect([first.status, replay.status]).toEqual([200, 200]);
    const again = await as['pharm.wu']!('POST', `/prescriptions/${rx.id}/dispense`, dispenseBody(rx), { 'Idempotency-Key': key() });
    expect([again.status, again.body.code]).toEqual([409, 'invalid_state']);
    await flushOutbox(srv, rx.id);
    // A crash between "written" and "marked done": every job of this prescription is delivered again.
    await srv.services.prisma.outboxJob.updateMany({ where: { dedupeKey: { contains: rx.id } }, data: { status: 'pending', nextAttemptAt: new Date() } });
    await flushOutbox(srv, rx.id);
    expect(await srv.services.prisma.outboxJob.count({ where: { dedupeKey: { contains: rx.id }, kind: 'rx.his.dispense' } })).toBe(1);
    expect(await dispensesOf(his, rx.id)).toHaveLength(1);
    const requests = await requestsOf(his, rx.id);
    expect(requests.map((r) => [r.status, r.meta.versionId])).toEqual([['completed', '2']]);
  });

  it('two pharmacists dispensing at the same moment: one succeeds, one is told it changed; the HIS has one dispense', async () => {
    const rx = await approved('p-0015', '林振华');
    const both = await Promise.all([
      as['pharm.wu']!('POST', `/prescriptions/${rx.id}/dispense`, dispenseBody(rx), { 'Idempotency-Key': key() }),
      as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/dispense`, dispenseBody(rx, { sameAsReviewerAcknowledged: true }), { 'Idempotency-Key': key() }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    await flushOutbox(srv, rx.id);
    expect(await dispensesOf(his, rx.id)).toHaveLength(1);
    expect((await requestsOf(his, rx.id)).map((r) => r.status)).toEqual(['completed']);
  });

  it('an HIS outage across approval and dispensing loses nothing and doubles nothing once the HIS is back', async () => {
    const consultationId = await visit('p-0016', '陈军');
    try {
      const rx = await approvedPrescription(as['dr.chen']!, as['pharm.zhou']!, consultationId, { beforeApproval: () => his.setOutage(true) });
      expect((await as['pharm.wu']!('POST', `/prescriptions/${rx.id}/dispense`, dispenseBody(rx), { 'Idempotency-Key': key() })).status).toBe(200);
      for (let i = 0; i < 3; i++) await srv.services.outbox.drain();
      const pending = await srv.services.prisma.outboxJob.findMany({ where: { dedupeKey: { contains: rx.id } } });
      expect(pending.map((j) => [j.kind, j.status]).sort()).toEqual([
        ['rx.his.dispense', 'pending'],
        ['rx.his.medication-request', 'pending'],
      ]);
      his.setOutage(false);
      await flushOutbox(srv, rx.id);
      expect((await requestsOf(his, rx.id)).map((r) => r.status)).toEqual(['completed']);
      expect(await dispensesOf(his, rx.id)).toHaveLength(1);
    } finally {
      his.setOutage(false);
    }
  });

  it('the HIS failing in the middle of a dispense (after the MedicationDispense, before the request update) ends with one of each', async () => {
    const rx = await approved('p-0021', '丁子豪');
    await flushOutbox(srv, rx.id);
    // Updates fail: the MedicationDispense is created, completing the request is not.
    his.setFailingMethods(['PUT']);
    try {
      expect((await as['pharm.wu']!('POST', `/prescriptions/${rx.id}/dispense`, dispenseBody(rx), { 'Idempotency-Key': key() })).status).toBe(200);
      for (let i = 0; i < 2; i++) {
        await srv.services.prisma.outboxJob.updateMany({ where: { dedupeKey: { contains: rx.id }, status: 'pending' }, data: { nextAttemptAt: new Date() } });
        await srv.services.outbox.drain();
      }
      expect(await dispensesOf(his, rx.id)).toHaveLength(1);
      expect((await requestsOf(his, rx.id)).map((r) => r.status)).toEqual(['active']);
      expect((await srv.services.prisma.outboxJob.findFirst({ where: { dedupeKey: { contains: rx.id }, kind: 'rx.his.dispense' } }))?.status).toBe('pending');
    } finally {
      his.setFailingMethods([]);
    }
    await flushOutbox(srv, rx.id);
    expect(await dispensesOf(his, rx.id)).toHaveLength(1);
    expect((await requestsOf(his, rx.id)).map((r) => r.status)).toEqual(['completed']);
  });

  it('a line the pharmacy does not give out (quantity 0) is stopped in the HIS, with no dispense; the other line is completed', async () => {
    const amlodipine = { medicationId: 'amlodipine-5mg-tab', dose: { value: 5, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 28, instructions: '' };
    const rx = await approvedPrescription(as['dr.chen']!, as['pharm.zhou']!, await visit('p-0024', '吴阿娣'), { items: [loratadine, amlodipine] });
    const body = dispenseBody(rx);
    body.items[1] = { ...body.items[1]!, quantity: 0 };
    expect((await as['pharm.wu']!('POST', `/prescriptions/${rx.id}/dispense`, body, { 'Idempotency-Key': key() })).status).toBe(200);
    await flushOutbox(srv, rx.id);
    const line2 = encodeURIComponent(`urn:cloudclinic:prescription-item|${rx.id}-v1-2`);
    expect((await requestsOf(his, rx.id)).map((r) => r.status)).toEqual(['completed']);
    expect((await hisFind(his, 'MedicationRequest', `identifier=${line2}`)).map((r) => [r.status, r.statusReason?.text])).toEqual([['stopped', '药房未发药（发药数量为0）']]);
    expect(await dispensesOf(his, rx.id)).toHaveLength(1);
    expect(await hisFind(his, 'MedicationDispense', `identifier=${encodeURIComponent(`urn:cloudclinic:dispense|${rx.id}-v1-2`)}`)).toHaveLength(0);
  });

  it('an approved prescription that expires undispensed is withdrawn in the HIS (cancelled)', async () => {
    const rx = await approved('p-0022', '杨玲');
    await flushOutbox(srv, rx.id);
    await srv.services.prisma.prescription.update({ where: { id: rx.id }, data: { validUntil: new Date(Date.now() - 1000) } });
    expect((await as['pharm.zhou']!('GET', '/prescriptions/review-queue')).status).toBe(200);
    expect((await as['pharm.zhou']!('GET', `/prescriptions/${rx.id}`)).body.status).toBe('expired');
    await flushOutbox(srv, rx.id);
    expect((await requestsOf(his, rx.id)).map((r) => [r.status, r.statusReason?.text])).toEqual([['cancelled', '处方已过有效期未取药']]);
    expect(await dispensesOf(his, rx.id)).toHaveLength(0);
  });
});
