import { addClinicDays, clinicDate, EXAM_PREPARATION, FollowUpPlanViewSchema, ReferralListSchema, ReferralViewSchema } from '@cloudclinic/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from './helpers/api';
import { apiClient, calledVisit, ownSession } from './helpers/clinic-visit';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const USERS = ['coordinator', 'admin', 'dr.chen', 'dr.he', 'dr.lin', 'doc.wang', 'doc.daishan', 'kiosk.shengsi', 'pharm.zhou', 'field.xu'];
const inDays = (d: number) => new Date(Date.now() + d * 86_400_000).toISOString();

describe('双向转诊: up-referral booked by the coordinator and written to the HIS; down-referral plan carried out by the county', () => {
  let srv: TestServer;
  const api: Record<string, Api> = {};
  const tokens: Record<string, string> = {};
  let cardiology = '';
  let general = '';
  let sscph = '';

  beforeAll(async () => {
    srv = await startTestServer('pglite', {}, { his: true });
    for (const u of USERS) {
      tokens[u] = (await login(srv.url, u)).accessToken;
      api[u] = apiAs(srv.url, tokens[u]);
    }
    const p = srv.services.prisma;
    cardiology = (await p.department.findFirstOrThrow({ where: { code: 'cardiology' } })).id;
    general = (await p.department.findFirstOrThrow({ where: { code: 'general' } })).id;
    sscph = (await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } })).id;
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
  });

  /** A consultation of dr.chen with doc.wang for a Shengsi patient (each test its own). */
  const consultation = async (hisPatientId = 'p-0001') => {
    const p = srv.services.prisma;
    const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: sscph, hisPatientId } });
    for (const [username, role] of [['dr.chen', 'expert'], ['doc.wang', 'local_doctor'], ['kiosk.shengsi', 'patient_kiosk']] as const) {
      await p.consultationParticipant.create({ data: { consultationId: c.id, userId: (await p.user.findUniqueOrThrow({ where: { username } })).id, role } });
    }
    return c.id;
  };
  const body = (over: Record<string, unknown> = {}) => ({ departmentId: cardiology, kind: 'exam', examType: 'ct', reason: '右肺下叶结节待查，需增强CT', urgency: 'routine', summary: '男，68岁，胸闷气促三天，外院CT示右肺下叶结节', ...over });
  const file = async (consultationId: string, as = 'dr.chen', over: Record<string, unknown> = {}) => {
    const res = await api[as]!.post(`/consultations/${consultationId}/referrals`, body(over));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return ReferralViewSchema.parse(res.body);
  };
  const slot = { at: inDays(3), place: '浙江医院影像科 2号楼1层 CT室' };
  const his = async (type: string, id: string) => {
    const res = await fetch(`${srv.his!.url}/${type}?identifier=${encodeURIComponent(`urn:cloudclinic:referral|${id}`)}`);
    return ((await res.json()) as { entry?: { resource: Record<string, unknown> }[] }).entry?.map((e) => e.resource) ?? [];
  };

  it('the expert files a CT referral; the coordinator books it with the CT preparation; county doctor sees it on the consultation', async () => {
    const cid = await consultation();
    const r = await file(cid);
    expect(r).toMatchObject({ status: 'requested', kind: 'exam', examType: 'ct', slotAt: null, actions: ['cancel'] });
    const inbox = ReferralListSchema.parse((await api['coordinator']!.get('/referrals?status=requested')).body);
    expect(inbox.referrals.find((x) => x.id === r.id)?.actions).toEqual(['book', 'decline', 'cancel']);
    const booked = await api['coordinator']!.post(`/referrals/${r.id}/book`, slot);
    expect(booked.status, JSON.stringify(booked.body)).toBe(200);
    expect(booked.body).toMatchObject({ status: 'booked', place: slot.place, preparation: EXAM_PREPARATION.ct, actions: ['complete', 'cancel'] });
    const county = ReferralListSchema.parse((await api['doc.wang']!.get(`/consultations/${cid}/referrals`)).body);
    expect(county.referrals).toEqual([expect.objectContaining({ id: r.id, status: 'booked', slotAt: new Date(slot.at).toISOString(), place: slot.place })]);
    expect((await api['doc.wang']!.get(`/referrals/${r.id}`)).body.status).toBe('booked');
    expect((await api['coordinator']!.post(`/referrals/${r.id}/complete`)).body.status).toBe('completed');
    expect((await api['coordinator']!.post(`/referrals/${r.id}/cancel`)).body.code).toBe('invalid_state');
  });

  it('the booking reaches the county HIS as a ServiceRequest and an accepted Task, exactly once', async () => {
    const cid = await consultation();
    const r = await file(cid, 'doc.wang', { kind: 'admission', examType: undefined, urgency: 'urgent' });
    expect(await his('ServiceRequest', r.id)).toEqual([]);
    await api['coordinator']!.post(`/referrals/${r.id}/book`, { ...slot, preparation: '携带既往病历' });
    await srv.services.outbox.drain();
    await srv.services.outbox.drain();
    const [order, ...moreOrders] = await his('ServiceRequest', r.id);
    const [task, ...moreTasks] = await his('Task', r.id);
    expect(moreOrders).toEqual([]);
    expect(moreTasks).toEqual([]);
    expect(order).toMatchObject({ status: 'active', intent: 'order', priority: 'urgent', subject: { reference: 'Patient/p-0001' }, patientInstruction: '携带既往病历' });
    expect(task).toMatchObject({ status: 'accepted', businessStatus: { text: '已预约' }, basedOn: [{ reference: `ServiceRequest/${String(order?.['id'])}` }] });
    // A redelivery (a crash before the job was marked done) finds what the first wrote.
    const key = `referral.his.booking:${r.id}`;
    await srv.services.prisma.outboxJob.updateMany({ where: { dedupeKey: key }, data: { status: 'pending', nextAttemptAt: new Date(0) } });
    await srv.services.outbox.drain();
    expect(await his('ServiceRequest', r.id)).toHaveLength(1);
    expect(await his('Task', r.id)).toHaveLength(1);
    expect(await srv.services.prisma.outboxJob.count({ where: { dedupeKey: key } })).toBe(1);
    // Completing it moves the Task (and the order) on in the HIS, once more under the same identifier.
    expect((await api['coordinator']!.post(`/referrals/${r.id}/complete`)).body.status).toBe('completed');
    await srv.services.outbox.drain();
    expect(await his('Task', r.id)).toEqual([expect.objectContaining({ id: task?.['id'], status: 'completed', businessStatus: { text: '已完成' } })]);
    expect(await his('ServiceRequest', r.id)).toEqual([expect.objectContaining({ id: order?.['id'], status: 'completed' })]);
  });

  it('cancelling a booked referral cancels its Task in the HIS; cancelling a requested one writes nothing', async () => {
    const cid = await consultation();
    const [booked, requested] = [await file(cid), await file(cid, 'doc.wang')];
    await api['coordinator']!.post(`/referrals/${booked.id}/book`, slot);
    await srv.services.outbox.drain();
    expect((await api['dr.chen']!.post(`/referrals/${booked.id}/cancel`)).body.status).toBe('cancelled');
    expect((await api['doc.wang']!.post(`/referrals/${requested.id}/cancel`)).body.status).toBe('cancelled');
    await srv.services.outbox.drain();
    expect((await his('Task', booked.id)).map((t) => t['status'])).toEqual(['cancelled']);
    expect((await his('ServiceRequest', booked.id)).map((t) => t['status'])).toEqual(['revoked']);
    expect(await srv.services.prisma.outboxJob.count({ where: { dedupeKey: { contains: requested.id } } })).toBe(0);
  });

  it('two coordinators booking at once: one booking, one 409', async () => {
    const r = await file(await consultation());
    const both = await Promise.all([api['coordinator']!.post(`/referrals/${r.id}/book`, slot), api['admin']!.post(`/referrals/${r.id}/book`, { ...slot, at: inDays(4) })]);
    expect(both.map((b) => b.status).sort()).toEqual([200, 409]);
    expect(await srv.services.prisma.outboxJob.count({ where: { dedupeKey: `referral.his.booking:${r.id}` } })).toBe(1);
  });

  it('refuses other counties, other roles and non-participants, and wrong states, precisely', async () => {
    const cid = await consultation();
    const r = await file(cid);
    expect((await api['doc.daishan']!.post(`/consultations/${cid}/referrals`, body())).status).toBe(403);
    expect((await api['doc.daishan']!.get(`/consultations/${cid}/referrals`)).status).toBe(403);
    expect((await api['doc.daishan']!.get(`/referrals/${r.id}`)).status).toBe(403);
    expect((await api['doc.daishan']!.get('/referrals')).body.referrals.some((x: { id: string }) => x.id === r.id)).toBe(false);
    expect((await api['dr.lin']!.post(`/consultations/${cid}/referrals`, body())).status).toBe(403);
    expect((await api['dr.lin']!.get(`/referrals/${r.id}`)).status).toBe(403);
    for (const who of ['kiosk.shengsi', 'pharm.zhou', 'field.xu']) {
      expect((await api[who]!.post(`/consultations/${cid}/referrals`, body())).status, who).toBe(403);
      expect((await api[who]!.get(`/referrals/${r.id}`)).status, who).toBe(403);
      expect((await api[who]!.get('/referrals')).status, who).toBe(403);
      expect((await api[who]!.post(`/referrals/${r.id}/book`, slot)).status, who).toBe(403);
    }
    // Only the coordinator books: the filer, the county doctor and the department's expert are refused.
    for (const who of ['dr.chen', 'doc.wang', 'dr.he']) expect((await api[who]!.post(`/referrals/${r.id}/book`, slot)).status, who).toBe(403);
    expect((await api['doc.wang']!.post(`/referrals/${r.id}/cancel`)).status).toBe(403);
    expect((await api['coordinator']!.post('/referrals/nope/book', slot)).status).toBe(404);
    expect((await api['coordinator']!.post(`/referrals/${r.id}/complete`)).body.code).toBe('invalid_state');
    const declined = await api['coordinator']!.post(`/referrals/${r.id}/decline`, { reason: '建议先行本地复查' });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '建议先行本地复查', actions: [] });
    expect((await api['coordinator']!.post(`/referrals/${r.id}/book`, slot)).status).toBe(409);
    expect((await api['dr.chen']!.post(`/referrals/${r.id}/cancel`)).status).toBe(409);
  });

  it('refuses malformed and huge bodies with a 4xx, writing nothing', async () => {
    const cid = await consultation();
    const before = await srv.services.prisma.referral.count();
    const bad: Record<string, unknown>[] = [
      { summary: '病'.repeat(4001) },
      { reason: 'x'.repeat(1001) },
      { kind: 'exam', examType: undefined },
      { kind: 'outpatient', examType: 'mri' },
      { examType: 'xray' },
      { urgency: 'asap' },
      { departmentId: general },
      { departmentId: 'no-such-department' },
      { extra: true },
    ];
    for (const over of bad) {
      const res = await api['dr.chen']!.post(`/consultations/${cid}/referrals`, body(over));
      expect(res.status, JSON.stringify(over)).toBe(400);
    }
    const big = await fetch(`${srv.url}/api/consultations/${cid}/referrals`, { method: 'POST', headers: { authorization: `Bearer ${tokens['dr.chen']}`, 'content-type': 'application/json' }, body: JSON.stringify(body({ summary: 'x'.repeat(400_000) })) });
    expect(big.status).toBe(413);
    expect((await api['dr.chen']!.post('/consultations/nope/referrals', body())).status).toBe(404);
    expect(await srv.services.prisma.referral.count()).toBe(before);
    const r = await file(cid);
    for (const b of [{ ...slot, at: inDays(-1) }, { at: slot.at }, { ...slot, place: 'x'.repeat(201) }, { ...slot, preparation: 'x'.repeat(2001) }]) {
      expect((await api['coordinator']!.post(`/referrals/${r.id}/book`, b)).status).toBe(400);
    }
    expect((await api['coordinator']!.get(`/referrals/${r.id}`)).body.status).toBe('requested');
  });

  it('down-referral: the expert sends a plan; the county doctor acknowledges, ticks items; overdue ones are flagged', async () => {
    const cid = await consultation();
    const today = clinicDate(new Date());
    const items = [
      { kind: 'medication', text: '阿托伐他汀20mg 每晚一次', dueDate: addClinicDays(today, -2) },
      { kind: 'check', text: '复查血脂、肝功能', dueDate: addClinicDays(today, 30) },
      { kind: 'rehab', text: '每日步行30分钟', dueDate: today },
    ];
    expect((await api['doc.wang']!.post(`/consultations/${cid}/follow-up-plans`, { items })).status).toBe(403);
    expect((await api['dr.lin']!.post(`/consultations/${cid}/follow-up-plans`, { items })).status).toBe(403);
    expect((await api['dr.chen']!.post(`/consultations/${cid}/follow-up-plans`, { items: [] })).status).toBe(400);
    expect((await api['dr.chen']!.post(`/consultations/${cid}/follow-up-plans`, { items: [{ ...items[0], dueDate: '2026-02-30' }] })).status).toBe(400);
    const created = await api['dr.chen']!.post(`/consultations/${cid}/follow-up-plans`, { items });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const plan = FollowUpPlanViewSchema.parse(created.body);
    expect(plan.items.map((i) => i.overdue)).toEqual([true, false, false]);
    expect(plan.actions).toEqual([]);
    const [first] = plan.items;
    expect((await api['doc.wang']!.post(`/follow-up-plans/${plan.id}/items/${first!.id}`, { done: true })).body.code).toBe('invalid_state');
    for (const who of ['doc.daishan', 'dr.chen', 'kiosk.shengsi', 'pharm.zhou']) expect((await api[who]!.post(`/follow-up-plans/${plan.id}/acknowledge`)).status, who).toBe(403);
    const listed = (await api['doc.wang']!.get(`/consultations/${cid}/follow-up-plans`)).body.plans;
    expect(listed[0].actions).toEqual(['acknowledge']);
    expect((await api['doc.wang']!.post(`/follow-up-plans/${plan.id}/acknowledge`)).body.acknowledgedAt).not.toBeNull();
    expect((await api['doc.wang']!.post(`/follow-up-plans/${plan.id}/acknowledge`)).status).toBe(409);
    const ticked = await api['doc.wang']!.post(`/follow-up-plans/${plan.id}/items/${first!.id}`, { done: true });
    expect(ticked.body.items[0]).toMatchObject({ overdue: false });
    expect(ticked.body.items[0].doneAt).not.toBeNull();
    expect((await api['doc.wang']!.post(`/follow-up-plans/${plan.id}/items/nope`, { done: true })).status).toBe(404);
    expect((await api['doc.daishan']!.get(`/consultations/${cid}/follow-up-plans`)).status).toBe(403);
  });

  it('the kiosk summary of the visit shows the booked referral: date, place, preparation', async () => {
    const admin = apiClient(srv.url, tokens['admin']!);
    const sessionId = await ownSession(srv, admin, 'dr.chen', sscph);
    const { consultationId, appointmentId } = await calledVisit({ admin, kiosk: apiClient(srv.url, tokens['kiosk.shengsi']!), expert: apiClient(srv.url, tokens['dr.chen']!) }, sessionId, { hisPatientId: 'p-0002', name: '李秀英', institutionId: sscph });
    const r = await file(consultationId, 'dr.chen', { examType: 'mri' });
    await api['coordinator']!.post(`/referrals/${r.id}/book`, slot);
    const p = srv.services.prisma;
    await p.consultationNote.upsert({ where: { consultationId }, update: { plan: '上转做MRI' }, create: { consultationId, plan: '上转做MRI' } });
    await p.appointment.update({ where: { id: appointmentId }, data: { status: 'completed', completedAt: new Date() } });
    const view = await api['kiosk.shengsi']!.get(`/appointments/${appointmentId}`);
    expect(view.status, JSON.stringify(view.body)).toBe(200);
    expect(view.body.summary.referral).toMatchObject({ kind: 'exam', examType: 'mri', place: slot.place, preparation: EXAM_PREPARATION.mri, slotAt: new Date(slot.at).toISOString(), departmentName: '心血管内科' });
  });

  it('a referral booked from a remote consultation shows on the patient’s next kiosk visit summary, not on another patient’s', async () => {
    const remote = await consultation('p-0005');
    const r = await file(remote, 'dr.chen', { examType: 'ct' });
    const place = '浙江医院影像科 CT室 (会诊转诊)';
    await api['coordinator']!.post(`/referrals/${r.id}/book`, { at: inDays(2), place });
    const admin = apiClient(srv.url, tokens['admin']!);
    const sessionId = await ownSession(srv, admin, 'dr.chen', sscph);
    const as = { admin, kiosk: apiClient(srv.url, tokens['kiosk.shengsi']!), expert: apiClient(srv.url, tokens['dr.chen']!) };
    const summaryOf = async (patient: { hisPatientId: string; name: string }) => {
      const { consultationId, appointmentId } = await calledVisit(as, sessionId, { ...patient, institutionId: sscph });
      const p = srv.services.prisma;
      await p.consultationNote.upsert({ where: { consultationId }, update: { plan: '随访' }, create: { consultationId, plan: '随访' } });
      await p.appointment.update({ where: { id: appointmentId }, data: { status: 'completed', completedAt: new Date() } });
      const view = await api['kiosk.shengsi']!.get(`/appointments/${appointmentId}`);
      expect(view.status, JSON.stringify(view.body)).toBe(200);
      return view.body.summary;
    };
    expect((await summaryOf({ hisPatientId: 'p-0005', name: '刘小雨' })).referral).toMatchObject({ kind: 'exam', examType: 'ct', place, preparation: EXAM_PREPARATION.ct });
    expect((await summaryOf({ hisPatientId: 'p-0003', name: '张海燕' })).referral).toBeNull();
  });
});
