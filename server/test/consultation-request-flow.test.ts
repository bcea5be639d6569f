import { demoStudiesOf } from '@cloudclinic/pacs-seed';
import { ConsultationRequestListSchema, ConsultationRequestViewSchema, ConsultationViewSchema } from '@cloudclinic/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from './helpers/api';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const [ct] = demoStudiesOf('p-0001');
const [otherPatientStudy] = demoStudiesOf('p-0002');
if (!ct || !otherPatientStudy) throw new Error('demo imaging catalogue changed');

const USERS = ['coordinator', 'admin', 'dr.chen', 'dr.he', 'dr.lin', 'doc.wang', 'doc.daishan', 'kiosk.shengsi', 'pharm.zhou', 'field.xu'];
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();

describe('远程会诊申请: filed by the county, answered by the provincial inbox, live on both sides', () => {
  let srv: TestServer;
  const api: Record<string, Api> = {};
  const tokens: Record<string, string> = {};
  const sockets: SignalingClient[] = [];
  let cardiology: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    srv = await startTestServer('pglite', {}, { his: true, pacs: ['p-0001', 'p-0002'] });
    for (const u of USERS) {
      tokens[u] = (await login(srv.url, u)).accessToken;
      api[u] = apiAs(srv.url, tokens[u]);
    }
    const p = srv.services.prisma;
    cardiology = (await p.department.findFirstOrThrow({ where: { code: 'cardiology' } })).id;
    for (const u of await p.user.findMany({ where: { username: { in: USERS } } })) ids[u.username] = u.id;
  }, 180_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    await srv?.close();
  });

  const socket = async (as: string) => {
    const s = await SignalingClient.connect(srv.url, tokens[as]);
    sockets.push(s);
    return s;
  };
  const body = (over: Record<string, unknown> = {}) => ({
    hisPatientId: 'p-0001',
    summary: '男，68岁，胸闷气促三天，CT示右肺下叶结节',
    question: '结节性质如何判断，是否需要上转？',
    urgency: 'urgent',
    departmentId: cardiology,
    preferredTimes: [{ from: inHours(1), to: inHours(3) }],
    studyUids: [ct.uid],
    ...over,
  });
  const file = async (over: Record<string, unknown> = {}) => {
    const res = await api['doc.wang']!.post('/consultations/requests', body(over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return ConsultationRequestViewSchema.parse(res.body);
  };
  const count = () => srv.services.prisma.consultationRequest.count();

  it('lists what the county may attach: the patient’s PACS studies and HIS reports, for its own patients only', async () => {
    const res = await api['doc.wang']!.get('/consultations/requests/attachables?hisPatientId=p-0001');
    expect(res.status).toBe(200);
    expect(res.body.studies.map((s: { studyUid: string }) => s.studyUid)).toContain(ct.uid);
    expect(res.body.studies.map((s: { studyUid: string }) => s.studyUid)).not.toContain(otherPatientStudy.uid);
    expect(res.body.reports.length).toBeGreaterThan(0);
    expect((await api['doc.daishan']!.get('/consultations/requests/attachables?hisPatientId=p-0001')).body.code).toBe('patient_institution_mismatch');
    for (const who of ['kiosk.shengsi', 'pharm.zhou', 'field.xu', 'dr.chen']) expect((await api[who]!.get('/consultations/requests/attachables?hisPatientId=p-0001')).status, who).toBe(403);
  });

  it('files an urgent request with a CT and a report; the coordinator and the department’s experts see it, nobody else', async () => {
    const reports = (await api['doc.wang']!.get('/consultations/requests/attachables?hisPatientId=p-0001')).body.reports as { id: string }[];
    const r = await file({ reportIds: [reports[0]!.id] });
    expect(r).toMatchObject({ status: 'submitted', urgency: 'urgent', studyUids: [ct.uid], respondedAt: null, actions: ['cancel'] });
    const inbox = ConsultationRequestListSchema.parse((await api['coordinator']!.get('/consultations/requests?status=submitted&urgency=urgent')).body);
    expect(inbox.requests.find((x) => x.id === r.id)?.actions).toEqual(['schedule', 'decline', 'propose']);
    expect((await api['coordinator']!.get('/consultations/requests?urgency=routine')).body.requests.some((x: { id: string }) => x.id === r.id)).toBe(false);
    expect((await api['dr.he']!.get('/consultations/requests')).body.requests.some((x: { id: string }) => x.id === r.id)).toBe(true);
    // Another department's expert, not named; another county; roles without a part in requests.
    expect((await api['dr.lin']!.get('/consultations/requests')).body.requests.some((x: { id: string }) => x.id === r.id)).toBe(false);
    expect((await api['dr.lin']!.get(`/consultations/requests/${r.id}`)).status).toBe(403);
    expect((await api['dr.lin']!.post(`/consultations/requests/${r.id}/schedule`, { at: inHours(1), expertIds: [ids['dr.lin']] })).status).toBe(403);
    expect((await api['dr.lin']!.post(`/consultations/requests/${r.id}/decline`, { reason: '不是本科' })).status).toBe(403);
    expect((await api['doc.daishan']!.get('/consultations/requests')).body.requests.some((x: { id: string }) => x.id === r.id)).toBe(false);
    expect((await api['doc.daishan']!.get(`/consultations/requests/${r.id}`)).status).toBe(403);
    expect((await api['doc.daishan']!.post(`/consultations/requests/${r.id}/cancel`)).status).toBe(403);
    for (const who of ['kiosk.shengsi', 'pharm.zhou', 'field.xu']) {
      expect((await api[who]!.get('/consultations/requests')).status, who).toBe(403);
      expect((await api[who]!.get(`/consultations/requests/${r.id}`)).status, who).toBe(403);
      expect((await api[who]!.post('/consultations/requests', body())).status, who).toBe(403);
    }
  });

  it('an expert named by the county may handle it even from another department', async () => {
    const r = await file({ departmentId: undefined, expertIds: [ids['dr.lin']], urgency: 'routine' });
    expect((await api['dr.lin']!.get(`/consultations/requests/${r.id}`)).body.actions).toContain('schedule');
    expect((await api['dr.chen']!.get(`/consultations/requests/${r.id}`)).status).toBe(403);
    const declined = await api['dr.lin']!.post(`/consultations/requests/${r.id}/decline`, { reason: '建议转心内科' });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '建议转心内科' });
    expect(declined.body.respondedAt).not.toBeNull();
    expect((await api['doc.wang']!.post(`/consultations/requests/${r.id}/cancel`)).body.code).toBe('invalid_state');
  });

  it('refuses another county’s patient and malformed bodies precisely, writing nothing', async () => {
    const before = await count();
    expect((await api['doc.daishan']!.post('/consultations/requests', body())).body.code).toBe('patient_institution_mismatch');
    const bad: [string, Record<string, unknown>][] = [
      ['huge summary', { summary: '病'.repeat(4001) }],
      ['100 attachments', { studyUids: Array.from({ length: 100 }, (_, i) => `1.2.840.${i + 1}`) }],
      ['bad UID', { studyUids: ['1.2.abc'] }],
      ['time in the past', { preferredTimes: [{ from: new Date(Date.now() - 3600_000).toISOString(), to: inHours(1) }] }],
      ['window ending before it starts', { preferredTimes: [{ from: inHours(2), to: inHours(1) }] }],
      ['no time', { preferredTimes: [] }],
      ['nobody asked', { departmentId: undefined }],
      ['unknown field', { priority: 'high' }],
      ['urgency not in the list', { urgency: 'asap' }],
      ['another patient’s study', { studyUids: [otherPatientStudy.uid] }],
      ['unknown report', { reportIds: ['dr-does-not-exist'] }],
      ['a non-expert named', { expertIds: [ids['doc.wang']] }],
      ['a county department asked', { departmentId: (await srv.services.prisma.department.findFirstOrThrow({ where: { code: 'general' } })).id }],
    ];
    for (const [what, over] of bad) {
      const res = await api['doc.wang']!.post('/consultations/requests', body(over));
      expect(res.status, what).toBe(400);
      expect(res.body.code, what).toBe('bad_request');
    }
    expect(await count()).toBe(before);
    const r = await file();
    for (const [what, b] of [
      ['past time', { at: new Date(Date.now() - 3600_000).toISOString(), expertIds: [ids['dr.chen']] }],
      ['no experts', { at: inHours(1), expertIds: [] }],
      ['a county doctor as expert', { at: inHours(1), expertIds: [ids['doc.wang']] }],
    ] as const) {
      const res = await api['coordinator']!.post(`/consultations/requests/${r.id}/schedule`, b);
      expect(res.status, what).toBe(400);
    }
    expect(await srv.services.prisma.consultation.count({ where: { requestId: r.id } })).toBe(0);
    expect((await api['coordinator']!.get(`/consultations/requests/${r.id}`)).body.status).toBe('submitted');
  });

  it('scheduling twice at once opens exactly one consultation (one 200, one 409) with both experts and the county doctor, the CT attached', async () => {
    const r = await file();
    const schedule = (as: string) => api[as]!.post(`/consultations/requests/${r.id}/schedule`, { at: inHours(1), expertIds: [ids['dr.chen'], ids['dr.he']] });
    const results = await Promise.all([schedule('coordinator'), schedule('admin'), schedule('dr.chen')]);
    expect(results.map((x) => x.status).sort()).toEqual([200, 409, 409]);
    const consultations = await srv.services.prisma.consultation.findMany({ where: { requestId: r.id }, include: { participants: true } });
    expect(consultations).toHaveLength(1);
    expect(consultations[0]!.participants.map((p) => `${p.userId}:${p.role}`).sort()).toEqual(
      [`${ids['dr.chen']}:expert`, `${ids['dr.he']}:expert`, `${ids['doc.wang']}:local_doctor`].sort(),
    );
    const won = results.find((x) => x.status === 200)!.body;
    expect(won).toMatchObject({ status: 'scheduled', consultationId: consultations[0]!.id });
    expect(won.assignedExperts.map((e: { id: string }) => e.id).sort()).toEqual([ids['dr.chen'], ids['dr.he']].sort());
    const view = ConsultationViewSchema.parse((await api['dr.he']!.get(`/consultations/${won.consultationId}`)).body);
    expect(view).toMatchObject({ requestId: r.id, attachedStudyUids: [ct.uid], status: 'waiting' });
    // An expert of the request sees the attached CT through the consultation's DICOMweb base.
    const studies = await fetch(`${srv.url}/api/dicomweb/${view.id}/studies`, { headers: { authorization: `Bearer ${tokens['dr.he']}`, accept: 'application/dicom+json' } });
    expect(studies.status).toBe(200);
    expect(JSON.stringify(await studies.json())).toContain(ct.uid);
  });

  it('a proposed time goes back to the filer: no re-opens it, yes schedules it', async () => {
    const r = await file({ urgency: 'routine' });
    const proposal = { at: inHours(5), expertIds: [ids['dr.he']] };
    expect((await api['doc.wang']!.post(`/consultations/requests/${r.id}/respond`, { accept: true })).body.code).toBe('invalid_state');
    const proposed = await api['dr.chen']!.post(`/consultations/requests/${r.id}/propose`, proposal);
    expect(proposed.body).toMatchObject({ status: 'time_proposed', proposedAt: proposal.at });
    expect((await api['dr.chen']!.post(`/consultations/requests/${r.id}/respond`, { accept: true })).status).toBe(403); // only the filer answers
    expect((await api['doc.wang']!.post(`/consultations/requests/${r.id}/respond`, { accept: false })).body.status).toBe('submitted');
    await api['dr.chen']!.post(`/consultations/requests/${r.id}/propose`, proposal);
    const accepted = await api['doc.wang']!.post(`/consultations/requests/${r.id}/respond`, { accept: true });
    expect(accepted.body).toMatchObject({ status: 'scheduled', scheduledAt: proposal.at });
    expect(accepted.body.consultationId).toEqual(expect.any(String));
  });

  it('the filer cancels until the consultation starts; a scheduled one is ended with it', async () => {
    const r = await file();
    const scheduled = await api['coordinator']!.post(`/consultations/requests/${r.id}/schedule`, { at: inHours(1), expertIds: [ids['dr.chen']] });
    expect((await api['dr.chen']!.post(`/consultations/requests/${r.id}/cancel`)).status).toBe(403);
    const cancelled = await api['doc.wang']!.post(`/consultations/requests/${r.id}/cancel`);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await srv.services.prisma.consultation.findUniqueOrThrow({ where: { id: scheduled.body.consultationId } })).status).toBe('ended');
    const started = await file();
    const s2 = await api['coordinator']!.post(`/consultations/requests/${started.id}/schedule`, { at: inHours(1), expertIds: [ids['dr.chen']] });
    await srv.services.prisma.consultation.update({ where: { id: s2.body.consultationId }, data: { status: 'active', startedAt: new Date() } });
    expect((await api['doc.wang']!.post(`/consultations/requests/${started.id}/cancel`)).body.code).toBe('invalid_state');
  });

  it('pushes state changes live to the county and the inbox, never to another county', async () => {
    const [county, coordinator, otherCounty] = [await socket('doc.wang'), await socket('coordinator'), await socket('doc.daishan')];
    for (const s of [county, coordinator, otherCounty]) await s.ok('requests.watch', {});
    const r = await file();
    await coordinator.waitFor('requests.changed', (d) => ConsultationRequestListSchema.parse(d).requests.some((x) => x.id === r.id && x.status === 'submitted'));
    await api['coordinator']!.post(`/consultations/requests/${r.id}/schedule`, { at: inHours(1), expertIds: [ids['dr.chen'], ids['dr.he']] });
    await county.waitFor('requests.changed', (d) => ConsultationRequestListSchema.parse(d).requests.some((x) => x.id === r.id && x.status === 'scheduled'));
    await expect(otherCounty.waitFor('requests.changed', () => true, 1000)).rejects.toThrow();
    for (const who of ['kiosk.shengsi', 'pharm.zhou', 'field.xu']) {
      const s = await socket(who);
      const res = await s.request('requests.watch', {});
      expect(res.ok ? 'ok' : res.error.code, who).toBe('forbidden');
    }
  });
});
