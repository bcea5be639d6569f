import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCountyHis, type CountyHisHandle } from '@cloudclinic/county-his';
import { PrescriptionViewSchema, type Finding, type PrescriptionView } from '@cloudclinic/shared';
import { hashPassword } from '../src/modules/auth/password';
import { dbTargets } from './helpers/test-database';
import { apiClient as client, calledVisit, ownSession, type ApiClient as Client } from './helpers/clinic-visit';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const PASSWORD = 'Demo@2026';
const key = () => `test-${crypto.randomUUID()}`;
const reason = { code: 'benefit_outweighs_risk', reason: '已评估获益与风险，患者知情同意' };
const amoxicillin = { medicationId: 'amoxicillin-250mg-cap', dose: { value: 500, unit: 'mg' }, frequency: 'tid', route: 'oral', days: 5, instructions: '' };
// Ten days without a chronic diagnosis: beyond the usual seven days' supply (a warning).
const loratadine = { medicationId: 'loratadine-10mg-tab', dose: { value: 10, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 10, instructions: '' };
// Three tablets twice a day: above the maximum daily dose, within twice it (a warning a reason can clear).
const nifedipine = { medicationId: 'nifedipine-30mg-cr-tab', dose: { value: 3, unit: '片' }, frequency: 'bid', route: 'oral', days: 7, instructions: '' };

describe.each(dbTargets())('the pharmacist acknowledges every overridden warning before approving (%s)', (target) => {
  let his: CountyHisHandle;
  let srv: TestServer;
  const as: Record<string, Client> = {};
  let sscph = '';
  let sessionId = '';

  /** A prescription signed over all its warnings and submitted; returns it and the overridden findings. */
  async function underReview(patient: [string, string], items: object[]): Promise<{ rx: PrescriptionView; overridden: Finding[] }> {
    const [hisPatientId, name] = patient;
    const { consultationId } = await calledVisit({ admin: as['admin']!, kiosk: as['kiosk.shengsi']!, expert: as['dr.chen']! }, sessionId, { hisPatientId, name, institutionId: sscph });
    const draft = await as['dr.chen']!('POST', `/consultations/${consultationId}/prescriptions`, { diagnoses: ['J02.9'], items }, { 'Idempotency-Key': key() });
    expect(draft.status, JSON.stringify(draft.body)).toBe(201);
    const overridden = PrescriptionViewSchema.parse(draft.body).findings.filter((f) => f.severity === 'warning');
    const signed = await as['dr.chen']!('POST', `/prescriptions/${draft.body.id}/sign`, { password: PASSWORD, overrides: overridden.map((f) => ({ findingId: f.id, ...reason })) });
    expect(signed.status, JSON.stringify(signed.body)).toBe(200);
    const submitted = await as['dr.chen']!('POST', `/prescriptions/${draft.body.id}/submit`);
    expect(submitted.body.status).toBe('under_review');
    return { rx: PrescriptionViewSchema.parse(submitted.body), overridden };
  }
  const approve = (who: string, id: string, acknowledged: unknown) => as[who]!('POST', `/prescriptions/${id}/approve`, { password: PASSWORD, acknowledged });
  const approvals = (id: string) => srv.services.prisma.auditEvent.findMany({ where: { entityId: id, action: 'prescription.approve', outcome: 'ok' } });
  const row = (id: string) => srv.services.prisma.prescription.findUniqueOrThrow({ where: { id } });

  beforeAll(async () => {
    his = await startCountyHis();
    srv = await startTestServer(target, { HIS_FHIR_BASE_URL: his.url, OUTBOX_POLL_MS: 200 });
    const institutions = await srv.services.prisma.institution.findMany();
    sscph = institutions.find((i) => i.code === 'sscph')?.id ?? '';
    const dsfph = institutions.find((i) => i.code === 'dsfph')?.id ?? '';
    await srv.services.prisma.user.create({ data: { username: 'pharm.daishan', displayName: '岱山药师', role: 'pharmacist', institutionId: dsfph, passwordHash: await hashPassword(PASSWORD) } });
    for (const u of ['admin', 'dr.chen', 'pharm.zhou', 'pharm.daishan', 'kiosk.shengsi']) as[u] = client(srv.url, (await login(srv.url, u)).accessToken);
    sessionId = await ownSession(srv, as['admin']!, 'dr.chen', sscph);
  });
  afterAll(async () => {
    await srv?.close();
    await his?.close();
  });

  it('none, some, or an unknown one acknowledged is refused and nothing is written; all of them approve, recorded with their rules', async () => {
    // 李秀英 has a penicillin allergy.
    const { rx, overridden } = await underReview(['p-0002', '李秀英'], [amoxicillin, nifedipine]);
    const ids = overridden.map((f) => f.id);
    expect(overridden.map((f) => f.rule)).toEqual(expect.arrayContaining(['allergy', 'max_dose']));

    const none = await approve('pharm.zhou', rx.id, []);
    expect([none.status, none.body.code, none.body.details.missing]).toEqual([422, 'warnings_unacknowledged', ids.map((id) => `acknowledgement:${id}`)]);
    const partial = await approve('pharm.zhou', rx.id, ids.slice(1));
    expect([partial.status, partial.body.code, partial.body.details.missing]).toEqual([422, 'warnings_unacknowledged', [`acknowledgement:${ids[0]}`]]);
    expect(partial.body.details.findings[0]).toMatchObject({ id: ids[0], overrideReason: reason.reason });
    const unknown = await approve('pharm.zhou', rx.id, [...ids, 'allergy:made-up:0']);
    expect([unknown.status, unknown.body.code, unknown.body.details.unknown]).toEqual([409, 'acknowledgement_stale', ['allergy:made-up:0']]);
    expect((await approve('pharm.zhou', rx.id, 'all')).status).toBe(400);
    expect((await approve('pharm.zhou', rx.id, [ids[0], 42])).status).toBe(400);
    // Another county's pharmacist is refused whatever is acknowledged.
    expect((await approve('pharm.daishan', rx.id, ids)).status).toBe(403);
    expect(await row(rx.id)).toMatchObject({ status: 'under_review', reviewedById: null, reviewJws: null });
    expect(await approvals(rx.id)).toHaveLength(0);

    const approved = await approve('pharm.zhou', rx.id, [...ids].reverse());
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body.review).toMatchObject({ decision: 'approved', acknowledged: ids });
    const [audit] = await approvals(rx.id);
    expect(audit?.detail).toMatchObject({ acknowledged: overridden.map((f) => ({ id: f.id, rule: f.rule })) });
    expect((await row(rx.id)).reviewAcknowledged).toEqual(ids);
  });

  it('after a rejection and a revision, the earlier version’s acknowledgement is stale; rejecting needs none', async () => {
    const { rx, overridden } = await underReview(['p-0003', '张海燕'], [loratadine, nifedipine]);
    expect(overridden.map((f) => f.rule)).toEqual(expect.arrayContaining(['duration', 'max_dose']));
    const rejected = await as['pharm.zhou']!('POST', `/prescriptions/${rx.id}/reject`, { reason: '硝苯地平剂量过大，请调整' });
    expect(rejected.body.status).toBe('rejected');
    const revised = await as['dr.chen']!('POST', `/prescriptions/${rx.id}/revise`);
    const saved = await as['dr.chen']!('PUT', `/prescriptions/${rx.id}`, { baseRevision: revised.body.revision, diagnoses: ['J02.9'], items: [loratadine] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const kept = PrescriptionViewSchema.parse(saved.body).findings.filter((f) => f.severity === 'warning');
    expect(kept.map((f) => f.rule)).toContain('duration');
    expect((await as['dr.chen']!('POST', `/prescriptions/${rx.id}/sign`, { password: PASSWORD, overrides: kept.map((f) => ({ findingId: f.id, ...reason })) })).body.version).toBe(2);
    expect((await as['dr.chen']!('POST', `/prescriptions/${rx.id}/submit`)).body.status).toBe('under_review');

    const stale = await approve('pharm.zhou', rx.id, overridden.map((f) => f.id));
    const dropped = overridden.filter((f) => !kept.some((k) => k.id === f.id)).map((f) => f.id);
    expect(dropped.length).toBeGreaterThan(0);
    expect([stale.status, stale.body.code, stale.body.details.stale]).toEqual([409, 'acknowledgement_stale', dropped]);
    expect((await row(rx.id)).status).toBe('under_review');
    const approved = await approve('pharm.zhou', rx.id, kept.map((f) => f.id));
    expect(approved.status, JSON.stringify(approved.body)).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', version: 2, review: { acknowledged: kept.map((f) => f.id) } });
  });

  it('two approvals at once: one is recorded, the other refused', async () => {
    const { rx, overridden } = await underReview(['p-0001', '王建国'], [loratadine]);
    expect(overridden.length).toBeGreaterThan(0);
    const ids = overridden.map((f) => f.id);
    const results = await Promise.all([approve('pharm.zhou', rx.id, ids), approve('pharm.zhou', rx.id, ids)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(results.find((r) => r.status === 409)?.body.code).toBe('invalid_state');
    expect(await approvals(rx.id)).toHaveLength(1);
  });
});
