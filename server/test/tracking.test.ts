import { clinicDate, ConsultationRequestViewSchema, FollowUpPlanViewSchema, ReferralViewSchema, TrackingStatsSchema } from '@cloudclinic/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from './helpers/api';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const USERS = ['coordinator', 'admin', 'dr.chen', 'dr.he', 'doc.wang', 'kiosk.shengsi', 'pharm.zhou', 'field.xu'];
const MIN = 60_000;
const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
/** An instant given as clinic wall-clock time (Asia/Shanghai). */
const clinic = (local: string) => new Date(`${local}+08:00`);

/**
 * The figures are checked on a range in March 2025 that holds nothing but this file's data: it is
 * made through the API now, then its timestamps are moved into that range with known gaps.
 */
const RANGE = 'from=2025-03-01&to=2025-03-10';

describe('tracking: the coordinator’s figures of requests, referrals and follow-up, by state, turnaround and completion', () => {
  let srv: TestServer;
  const api: Record<string, Api> = {};
  const ids: Record<string, string> = {};
  let cardiology = '';
  let sscph = '';

  beforeAll(async () => {
    srv = await startTestServer('pglite', {}, { his: true });
    for (const u of USERS) api[u] = apiAs(srv.url, (await login(srv.url, u)).accessToken);
    const p = srv.services.prisma;
    cardiology = (await p.department.findFirstOrThrow({ where: { code: 'cardiology' } })).id;
    sscph = (await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } })).id;
    for (const u of await p.user.findMany({ where: { username: { in: USERS } } })) ids[u.username] = u.id;
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
  });

  const stats = async (query: string, as = 'coordinator') => {
    const res = await api[as]!.get(`/tracking?${query}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return TrackingStatsSchema.parse(res.body);
  };

  /** A request filed by doc.wang, answered as asked, then moved to `filedAt` with its answer `answerMin` minutes later. */
  const request = async (urgency: 'urgent' | 'routine', answer: 'schedule' | 'decline' | 'cancel' | 'none', filedAt: Date, answerMin = 0) => {
    const filed = await api['doc.wang']!.post('/consultations/requests', {
      hisPatientId: 'p-0001',
      summary: '男，68岁，胸闷气促三天，CT示右肺下叶结节',
      question: '结节性质如何判断，是否需要上转？',
      urgency,
      departmentId: cardiology,
      preferredTimes: [{ from: inHours(1), to: inHours(3) }],
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const r = ConsultationRequestViewSchema.parse(filed.body);
    if (answer === 'schedule') expect((await api['coordinator']!.post(`/consultations/requests/${r.id}/schedule`, { at: inHours(2), expertIds: [ids['dr.chen']] })).status).toBe(200);
    if (answer === 'decline') expect((await api['coordinator']!.post(`/consultations/requests/${r.id}/decline`, { reason: '建议先在本院完善检查' })).status).toBe(200);
    if (answer === 'cancel') expect((await api['doc.wang']!.post(`/consultations/requests/${r.id}/cancel`)).status).toBe(200);
    const answeredAt = new Date(filedAt.getTime() + answerMin * MIN);
    const p = srv.services.prisma;
    await p.consultationRequest.update({ where: { id: r.id }, data: { createdAt: filedAt, ...(answer === 'schedule' || answer === 'decline' ? { respondedAt: answeredAt } : {}) } });
    if (answer === 'schedule') await p.consultation.update({ where: { requestId: r.id }, data: { createdAt: answeredAt } });
    return r.id;
  };

  /** The requested consultation was held and ended at `endedAt`. */
  const held = (requestId: string, endedAt: Date) =>
    srv.services.prisma.consultation.update({ where: { requestId }, data: { status: 'ended', startedAt: new Date(endedAt.getTime() - 30 * MIN), endedAt } });

  const consultation = async () => {
    const p = srv.services.prisma;
    const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: sscph, hisPatientId: 'p-0001' } });
    await p.consultationParticipant.create({ data: { consultationId: c.id, userId: ids['dr.chen']!, role: 'expert' } });
    await p.consultationParticipant.create({ data: { consultationId: c.id, userId: ids['doc.wang']!, role: 'local_doctor' } });
    return c.id;
  };

  /** An exam referral filed by dr.chen, answered as asked, then moved to `filedAt` with its booking `bookedMin` minutes later. */
  const referral = async (cid: string, steps: ('book' | 'decline' | 'complete' | 'cancel')[], filedAt: Date, bookedMin = 0) => {
    const filed = await api['dr.chen']!.post(`/consultations/${cid}/referrals`, { departmentId: cardiology, kind: 'exam', examType: 'ct', reason: '右肺下叶结节待查', urgency: 'routine', summary: '男，68岁，胸闷气促三天，外院CT示右肺下叶结节' });
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const r = ReferralViewSchema.parse(filed.body);
    for (const step of steps) {
      const body = step === 'book' ? { at: inHours(72), place: '浙江医院影像科 CT室' } : step === 'decline' ? { reason: '建议先行本地复查' } : {};
      expect((await api['coordinator']!.post(`/referrals/${r.id}/${step}`, body)).status, step).toBe(200);
    }
    await srv.services.prisma.referral.update({ where: { id: r.id }, data: { createdAt: filedAt, ...(steps.length ? { decidedAt: new Date(filedAt.getTime() + bookedMin * MIN) } : {}) } });
    return r.id;
  };

  it('counts by state, turnaround medians and p90, completion and the daily series, exactly, for a range with only this data', async () => {
    const empty = await stats(RANGE);
    expect(empty.requests.total).toBe(0);
    expect(empty.requests.completion.rate).toBeNull();
    expect(empty.series.points).toHaveLength(10);

    // Requests: two routine ones scheduled after 60 and 180 minutes (the first held and ended on 3 March);
    // urgent: one scheduled after 20 minutes, one declined after 45, one never answered; a routine one withdrawn.
    const r1 = await request('routine', 'schedule', clinic('2025-03-02T09:00'), 60);
    await request('routine', 'schedule', clinic('2025-03-02T10:00'), 180);
    await request('urgent', 'schedule', clinic('2025-03-03T08:00'), 20);
    await request('urgent', 'decline', clinic('2025-03-03T23:50'), 45);
    await request('urgent', 'none', clinic('2025-03-05T07:00'));
    await request('routine', 'cancel', clinic('2025-03-10T23:59'));
    await request('routine', 'none', clinic('2025-03-11T00:00'));
    await held(r1, clinic('2025-03-03T16:00'));

    // 上转: booked after 2 h then completed, booked after 4 h, booked after 24 h then cancelled, declined, waiting. One 下转 plan.
    const cid = await consultation();
    await referral(cid, ['book', 'complete'], clinic('2025-03-04T09:00'), 120);
    await referral(cid, ['book'], clinic('2025-03-04T10:00'), 240);
    await referral(cid, ['book', 'cancel'], clinic('2025-03-06T10:00'), 1440);
    await referral(cid, ['decline'], clinic('2025-03-06T11:00'), 30);
    await referral(cid, [], clinic('2025-03-07T11:00'));
    await referral(cid, [], clinic('2025-02-28T23:59'));

    // Follow-up items due in the range: ticked on the due day (23:00 clinic time), ticked 30 minutes after
    // the due day ended, never ticked; one due after the range.
    const items = ['2025-03-03', '2025-03-03', '2025-03-05', '2025-03-11'].map((dueDate, i) => ({ kind: 'check', text: `复查第${i + 1}项`, dueDate }));
    const plan = FollowUpPlanViewSchema.parse((await api['dr.chen']!.post(`/consultations/${cid}/follow-up-plans`, { items })).body);
    expect((await api['doc.wang']!.post(`/follow-up-plans/${plan.id}/acknowledge`)).status).toBe(200);
    for (const item of plan.items.slice(0, 2)) expect((await api['doc.wang']!.post(`/follow-up-plans/${plan.id}/items/${item.id}`, { done: true })).status).toBe(200);
    const p = srv.services.prisma;
    await p.followUpItem.update({ where: { id: plan.items[0]!.id }, data: { doneAt: clinic('2025-03-03T23:00') } });
    await p.followUpItem.update({ where: { id: plan.items[1]!.id }, data: { doneAt: clinic('2025-03-04T00:30') } });
    await p.followUpPlan.update({ where: { id: plan.id }, data: { createdAt: clinic('2025-03-02T12:00') } });

    const s = await stats(RANGE);
    expect(s.range).toEqual({ from: '2025-03-01', to: '2025-03-10', days: 10 });
    expect(s.requests).toEqual({
      total: 6,
      byStatus: { submitted: 1, time_proposed: 0, scheduled: 3, declined: 1, cancelled: 1 },
      urgent: 3,
      toScheduled: { routine: { count: 2, medianMinutes: 120, p90Minutes: 168 }, urgent: { count: 1, medianMinutes: 20, p90Minutes: 20 } },
      urgentResponse: { count: 2, medianMinutes: 32.5, p90Minutes: 42.5, clockMinutes: 30, withinClock: 1, unanswered: 1 },
      completion: { decided: 4, completed: 1, rate: 0.25 },
    });
    expect(s.referrals).toEqual({
      byDirection: { up: 5, down: 1 },
      byStatus: { requested: 1, booked: 1, declined: 1, completed: 1, cancelled: 1 },
      toBooked: { count: 3, medianMinutes: 240, p90Minutes: 1200 },
      completion: { booked: 3, completed: 1, rate: 1 / 3 },
      downAcknowledged: 1,
    });
    expect(s.followUp).toEqual({ due: 3, onTime: 1, late: 1, missed: 1, rate: 1 / 3 });
    expect(s.series.bucket).toBe('day');
    expect(s.series.points.map((x) => x.date)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10'].map((d) => `2025-03-${d}`));
    expect(s.series.points.map((x) => x.filed)).toEqual([0, 2, 2, 0, 1, 0, 0, 0, 0, 1]);
    expect(s.series.points.map((x) => x.completed)).toEqual([0, 0, 1, 0, 0, 0, 0, 0, 0, 0]);

    // A single clinic day: the day boundary is Asia/Shanghai midnight.
    const day = await stats('from=2025-03-03&to=2025-03-03');
    expect(day.requests.total).toBe(2);
    expect(day.requests.byStatus).toMatchObject({ scheduled: 1, declined: 1 });
    expect(day.series.points).toEqual([{ date: '2025-03-03', filed: 2, completed: 1 }]);

    // A long range is drawn by week (7 days from `from`), with the same totals.
    const year = await stats('from=2025-01-01&to=2025-06-30');
    expect(year.range.days).toBe(181);
    expect(year.series.bucket).toBe('week');
    expect(year.series.points).toHaveLength(26);
    expect(year.series.points.slice(8, 10)).toEqual([
      { date: '2025-02-26', filed: 4, completed: 1 },
      { date: '2025-03-05', filed: 3, completed: 0 },
    ]);
    expect(year.series.points.reduce((n, x) => n + x.filed, 0)).toBe(7);
    expect(year.requests.total).toBe(7);
    expect(year.referrals.byDirection.up).toBe(6);
  });

  it('defaults to the last 30 clinic days; the admin reads it too', async () => {
    const s = await stats('', 'admin');
    const today = clinicDate(new Date());
    expect(s.range).toMatchObject({ to: today, days: 30 });
    expect(s.series.points.at(-1)?.date).toBe(today);
    expect((await stats(`to=2025-03-10`)).range).toEqual({ from: '2025-02-09', to: '2025-03-10', days: 30 });
    // A leap year is 366 days: the longest range allowed.
    expect((await stats('from=2024-01-01&to=2024-12-31')).range.days).toBe(366);
  });

  it('refuses malformed, reversed and too long ranges with a 400', async () => {
    for (const q of ['from=2025-02-30', 'from=2025-3-01', 'to=tomorrow', 'from=2025-03-10&to=2025-03-01', 'from=2024-01-01&to=2025-01-01', 'from=1900-01-01', 'from=2025-03-01&from=2025-03-02', 'days=7', `from=${'9'.repeat(5000)}`]) {
      const res = await api['coordinator']!.get(`/tracking?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.code, q).toBe('bad_request');
    }
  });

  it('only the provincial coordinator and administrators read it; everyone else is refused', async () => {
    for (const who of ['dr.chen', 'dr.he', 'doc.wang', 'kiosk.shengsi', 'pharm.zhou', 'field.xu']) {
      const res = await api[who]!.get(`/tracking?${RANGE}`);
      expect(res.status, who).toBe(403);
      expect(res.body.code, who).toBe('forbidden');
    }
    expect((await apiAs(srv.url, undefined).get(`/tracking?${RANGE}`)).status).toBe(401);
  });
});
