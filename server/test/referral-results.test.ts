import { addClinicDays, AttachablesSchema, clinicDate, recognitionOn, ReferralViewSchema, resultDay } from '@cloudclinic/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from './helpers/api';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const USERS = ['coordinator', 'dr.chen', 'dr.lin', 'doc.wang', 'doc.daishan', 'kiosk.shengsi', 'pharm.zhou'];

/** 互认: the HIS reports sent with a referral carry their recognition window to the province and back into the HIS. */
describe('results sent with a referral and their 互认 marks', () => {
  let srv: TestServer;
  const api: Record<string, Api> = {};
  let cardiology = '';
  let sscph = '';

  beforeAll(async () => {
    srv = await startTestServer('pglite', {}, { his: true });
    for (const u of USERS) api[u] = apiAs(srv.url, (await login(srv.url, u)).accessToken);
    const p = srv.services.prisma;
    cardiology = (await p.department.findFirstOrThrow({ where: { code: 'cardiology' } })).id;
    sscph = (await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } })).id;
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
  });

  const consultation = async (hisPatientId: string) => {
    const p = srv.services.prisma;
    const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: sscph, hisPatientId } });
    for (const [username, role] of [['dr.chen', 'expert'], ['doc.wang', 'local_doctor'], ['kiosk.shengsi', 'patient_kiosk']] as const) {
      await p.consultationParticipant.create({ data: { consultationId: c.id, userId: (await p.user.findUniqueOrThrow({ where: { username } })).id, role } });
    }
    return c.id;
  };
  const body = (over: Record<string, unknown>) => ({ departmentId: cardiology, kind: 'outpatient', reason: '复查评估', urgency: 'routine', summary: '男，68岁，胸闷气促三天，需上级医院评估', ...over });
  const attachables = async (cid: string) => AttachablesSchema.parse((await api['dr.chen']!.get(`/consultations/${cid}/referrals/attachables`)).body);

  it('a lab panel is accepted for 7 days from its date, an exam by its section; the view and the HIS order say so', async () => {
    const cid = await consultation('p-0001');
    const { reports } = await attachables(cid);
    const lab = reports.find((r) => r.section === 'LAB');
    expect(lab, 'the demo record of p-0001 holds a lab panel').toBeDefined();
    const other = reports.find((r) => r.section !== 'LAB');
    const chosen = [lab!, ...(other ? [other] : [])];
    const res = await api['doc.wang']!.post(`/consultations/${cid}/referrals`, body({ reportIds: chosen.map((r) => r.id) }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const view = ReferralViewSchema.parse(res.body);
    const today = clinicDate(new Date());
    const labDay = resultDay(lab!.date);
    expect(view.results[0]).toEqual({ kind: 'report', ref: lab!.id, title: lab!.title, date: labDay, validUntil: labDay && addClinicDays(labDay, 7), recognition: recognitionOn(labDay && addClinicDays(labDay, 7), today) });
    expect(view.results.map((r) => r.ref)).toEqual(chosen.map((r) => r.id));

    // The coordinator sees the same marks; booking sends them to the HIS on the order.
    const seen = ReferralViewSchema.parse((await api['coordinator']!.get(`/referrals/${view.id}`)).body);
    expect(seen.results).toEqual(view.results);
    expect((await api['coordinator']!.post(`/referrals/${view.id}/book`, { at: new Date(Date.now() + 86_400_000).toISOString(), place: '浙江医院门诊3楼' })).status).toBe(200);
    await srv.services.outbox.drain();
    const found = await fetch(`${srv.his!.url}/ServiceRequest?identifier=${encodeURIComponent(`urn:cloudclinic:referral|${view.id}`)}`);
    const [order] = ((await found.json()) as { entry?: { resource: { supportingInfo?: unknown[] } }[] }).entry?.map((e) => e.resource) ?? [];
    expect(order?.supportingInfo).toHaveLength(chosen.length);
    expect(order?.supportingInfo?.[0]).toEqual({
      reference: `DiagnosticReport/${lab!.id}`,
      display: lab!.title,
      extension: [{ url: 'urn:cloudclinic:mutual-recognition', extension: [{ url: 'status', valueCode: view.results[0]!.recognition }, ...(view.results[0]!.validUntil ? [{ url: 'validUntil', valueDate: view.results[0]!.validUntil }] : [])] }],
    });
  });

  it('refuses another patient’s report, duplicates and too many, writing nothing', async () => {
    const cid = await consultation('p-0001');
    const foreign = (await attachables(await consultation('p-0002'))).reports[0];
    expect(foreign).toBeDefined();
    const own = (await attachables(cid)).reports[0]!;
    const before = await srv.services.prisma.referral.count({ where: { consultationId: cid } });
    for (const reportIds of [[foreign!.id], [own.id, own.id], Array.from({ length: 11 }, (_, i) => `r-${i}`), ['../etc/passwd']]) {
      const res = await api['dr.chen']!.post(`/consultations/${cid}/referrals`, body({ reportIds }));
      expect(res.status, JSON.stringify(reportIds)).toBe(400);
    }
    expect((await api['dr.chen']!.post(`/consultations/${cid}/referrals`, body({ studyUids: ['not-a-uid'] }))).status).toBe(400);
    expect(await srv.services.prisma.referral.count({ where: { consultationId: cid } })).toBe(before);
    expect(await srv.services.prisma.referralResult.count({ where: { referral: { consultationId: cid } } })).toBe(0);
  });

  it('only the consultation’s filers list what may be attached', async () => {
    const cid = await consultation('p-0001');
    expect((await api['doc.wang']!.get(`/consultations/${cid}/referrals/attachables`)).status).toBe(200);
    for (const who of ['doc.daishan', 'dr.lin', 'kiosk.shengsi', 'pharm.zhou']) {
      expect((await api[who]!.get(`/consultations/${cid}/referrals/attachables`)).status, who).toBe(403);
    }
    expect((await api['dr.chen']!.get('/consultations/nope/referrals/attachables')).status).toBe(404);
  });
});
