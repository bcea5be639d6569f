import { ReferralSlotListSchema, ReferralSlotViewSchema, ReferralViewSchema } from '@cloudclinic/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../src/db/seed/demo-data';
import { hashPassword } from '../src/modules/auth/password';
import { apiAs, type Api } from './helpers/api';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const USERS = ['coordinator', 'admin', 'dr.chen', 'doc.wang', 'kiosk.shengsi'];
const inDays = (d: number, minutes = 0) => new Date(Date.now() + d * 86_400_000 + minutes * 60_000).toISOString();

/** 号源: capacity the coordinator opens and books seats from; never overbooked, seats given back on cancelling. */
describe('referral slots', () => {
  let srv: TestServer;
  const api: Record<string, Api> = {};
  let cardiology = '';
  let sscph = '';
  let n = 0;

  beforeAll(async () => {
    srv = await startTestServer('pglite');
    const p = srv.services.prisma;
    sscph = (await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } })).id;
    // An administrator of the county hospital: a coordinator, but not of the provincial department.
    await p.user.create({ data: { username: 'admin.shengsi', displayName: '县医院管理员', role: 'admin', institutionId: sscph, passwordHash: await hashPassword(DEMO_PASSWORD) } });
    for (const u of [...USERS, 'admin.shengsi']) api[u] = apiAs(srv.url, (await login(srv.url, u)).accessToken);
    cardiology = (await p.department.findFirstOrThrow({ where: { code: 'cardiology' } })).id;
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
  });

  const slot = (over: Record<string, unknown> = {}) => ({ departmentId: cardiology, kind: 'exam', examType: 'ct', at: inDays(3, ++n), place: `CT室 ${n}`, capacity: 1, ...over });
  const referral = async (over: Record<string, unknown> = {}) => {
    const p = srv.services.prisma;
    const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: sscph, hisPatientId: 'p-0001' } });
    await p.consultationParticipant.create({ data: { consultationId: c.id, userId: (await p.user.findUniqueOrThrow({ where: { username: 'dr.chen' } })).id, role: 'expert' } });
    const res = await api['dr.chen']!.post(`/consultations/${c.id}/referrals`, { departmentId: cardiology, kind: 'exam', examType: 'ct', reason: '结节待查', urgency: 'routine', summary: '男，68岁，CT示右肺下叶结节', ...over });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return ReferralViewSchema.parse(res.body);
  };
  const booked = async (slotId: string) => (await srv.services.prisma.referralSlot.findUniqueOrThrow({ where: { id: slotId } })).booked;

  it('the demo hospital has CT slots for the coming days, offered for a CT referral', async () => {
    const r = await referral();
    const { slots } = ReferralSlotListSchema.parse((await api['coordinator']!.get(`/referrals/${r.id}/slots`)).body);
    expect(slots.length).toBeGreaterThan(0);
    expect(slots.every((s) => s.kind === 'exam' && s.examType === 'ct' && s.booked < s.capacity && Date.parse(s.at) > Date.now())).toBe(true);
  });

  it('two coordinators booking the last seat at once: one booking, one 409; the loser stays requested; cancelling gives the seat back', async () => {
    const s = ReferralSlotViewSchema.parse((await api['coordinator']!.post('/referral-slots', slot())).body);
    const [a, b] = [await referral(), await referral()];
    const both = await Promise.all([api['coordinator']!.post(`/referrals/${a.id}/book`, { slotId: s.id }), api['admin']!.post(`/referrals/${b.id}/book`, { slotId: s.id })]);
    expect(both.map((x) => x.status).sort()).toEqual([200, 409]);
    expect(await booked(s.id)).toBe(1);
    const [winner, loser] = both[0]!.status === 200 ? [a, b] : [b, a];
    expect((await api['coordinator']!.get(`/referrals/${winner.id}`)).body).toMatchObject({ status: 'booked', slotAt: s.at, place: s.place });
    expect((await api['coordinator']!.get(`/referrals/${loser.id}`)).body.status).toBe('requested');
    expect(ReferralSlotListSchema.parse((await api['coordinator']!.get(`/referrals/${loser.id}/slots`)).body).slots.map((x) => x.id)).not.toContain(s.id);
    expect((await api['coordinator']!.post(`/referrals/${winner.id}/cancel`)).body.status).toBe('cancelled');
    expect(await booked(s.id)).toBe(0);
    expect((await api['coordinator']!.post(`/referrals/${loser.id}/book`, { slotId: s.id })).status).toBe(200);
    expect(await booked(s.id)).toBe(1);
  });

  it('refuses a slot of another kind or exam, and a second booking of the same referral, changing nothing', async () => {
    const mri = ReferralSlotViewSchema.parse((await api['coordinator']!.post('/referral-slots', slot({ examType: 'mri', capacity: 3 }))).body);
    const outpatient = ReferralSlotViewSchema.parse((await api['coordinator']!.post('/referral-slots', slot({ kind: 'outpatient', examType: undefined, capacity: 3 }))).body);
    const r = await referral();
    for (const id of [mri.id, outpatient.id, 'no-such-slot']) expect((await api['coordinator']!.post(`/referrals/${r.id}/book`, { slotId: id })).status, id).toBe(400);
    expect([await booked(mri.id), await booked(outpatient.id)]).toEqual([0, 0]);
    const ct = ReferralSlotViewSchema.parse((await api['coordinator']!.post('/referral-slots', slot({ capacity: 3 }))).body);
    expect((await api['coordinator']!.post(`/referrals/${r.id}/book`, { slotId: ct.id })).status).toBe(200);
    expect((await api['coordinator']!.post(`/referrals/${r.id}/book`, { slotId: ct.id })).status).toBe(409);
    expect(await booked(ct.id)).toBe(1);
  });

  it('only a coordinator of the department’s hospital opens slots; malformed, duplicate and huge bodies are refused', async () => {
    for (const who of ['dr.chen', 'doc.wang', 'kiosk.shengsi', 'admin.shengsi']) expect((await api[who]!.post('/referral-slots', slot())).status, who).toBe(403);
    for (const who of ['dr.chen', 'doc.wang']) expect((await api[who]!.get(`/referrals/${(await referral()).id}/slots`)).status, who).toBe(403);
    const before = await srv.services.prisma.referralSlot.count();
    const bad: Record<string, unknown>[] = [{ capacity: 0 }, { capacity: 201 }, { capacity: 1.5 }, { examType: undefined }, { kind: 'outpatient' }, { at: inDays(-1) }, { place: 'x' }, { place: 'x'.repeat(201) }, { departmentId: 'nope' }, { extra: 1 }];
    for (const over of bad) expect((await api['coordinator']!.post('/referral-slots', slot(over))).status, JSON.stringify(over)).toBe(400);
    const general = (await srv.services.prisma.department.findFirstOrThrow({ where: { code: 'general' } })).id;
    expect((await api['coordinator']!.post('/referral-slots', slot({ departmentId: general }))).status).toBe(400);
    expect(await srv.services.prisma.referralSlot.count()).toBe(before);
    const once = slot();
    expect((await api['coordinator']!.post('/referral-slots', once)).status).toBe(201);
    expect((await api['coordinator']!.post('/referral-slots', once)).status).toBe(409);
    const r = await referral();
    expect((await api['coordinator']!.post(`/referrals/${r.id}/book`, { slotId: 'x'.repeat(300) })).status).toBe(400);
    expect((await api['coordinator']!.post(`/referrals/${r.id}/book`, { slotId: once.departmentId, at: inDays(2), place: '某处' })).status).toBe(400);
  });
});
