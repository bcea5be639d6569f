import { addClinicDays, clinicDate, MdtBoardViewSchema, MdtMeetingViewSchema, PeerInfoSchema, type MdtMeetingView } from '@cloudclinic/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from './helpers/api';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const USERS = ['coordinator', 'dr.chen', 'dr.he', 'dr.lin', 'doc.wang', 'doc.daishan', 'kiosk.shengsi', 'pharm.zhou'];

/** ISO weekday (1 Monday … 7 Sunday) of a clinic date. */
const weekdayOf = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;

describe('standing MDT board: cases on a sitting, one room for the slot, the chair moves on', () => {
  let srv: TestServer;
  const api: Record<string, Api> = {};
  const tokens: Record<string, string> = {};
  const ids: Record<string, string> = {};
  /** Patients of the HIS no other suite uses: two of Shengsi, one of Daishan, with their HIS names. */
  const patients: { shengsi: { id: string; name: string }[]; daishan: { id: string; name: string }[] } = { shengsi: [], daishan: [] };
  /** A sitting a week from today (whatever today is): the board's weekday is that date's. */
  const date = addClinicDays(clinicDate(new Date()), 7);

  beforeAll(async () => {
    srv = await startTestServer('pglite', {}, { his: true });
    for (const u of USERS) {
      tokens[u] = (await login(srv.url, u)).accessToken;
      api[u] = apiAs(srv.url, tokens[u]);
    }
    const p = srv.services.prisma;
    for (const u of USERS) ids[u] = (await p.user.findUniqueOrThrow({ where: { username: u } })).id;
    for (const code of ['sscph', 'dsfph']) ids[code] = (await p.institution.findUniqueOrThrow({ where: { code } })).id;
    for (let n = 40; n < 70 && (patients.shengsi.length < 6 || patients.daishan.length < 3); n++) {
      const res = await fetch(`${srv.his!.url}/Patient/p-00${n}`);
      if (!res.ok) continue;
      const pt = (await res.json()) as { id: string; name?: { text?: string }[]; managingOrganization?: { reference?: string } };
      const entry = { id: pt.id, name: pt.name?.[0]?.text ?? '' };
      if (pt.managingOrganization?.reference === 'Organization/sscph') patients.shengsi.push(entry);
      if (pt.managingOrganization?.reference === 'Organization/dsfph') patients.daishan.push(entry);
    }
    expect(patients.shengsi.length).toBeGreaterThanOrEqual(6);
    expect(patients.daishan.length).toBeGreaterThanOrEqual(3);
  }, 180_000);
  afterAll(async () => {
    await srv?.close();
  });

  const board = async (over: Record<string, unknown> = {}) => {
    const res = await api['coordinator']!.post('/mdt/boards', { title: '浙江医院 肿瘤 MDT', weekday: weekdayOf(date), startTime: '14:00', caseMinutes: 15, chairId: ids['dr.chen'], memberIds: [ids['dr.he']], ...over });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return MdtBoardViewSchema.parse(res.body);
  };
  const caseBody = (pt: { id: string; name: string }, over: Record<string, unknown> = {}) => ({
    date,
    hisPatientId: pt.id,
    patientName: pt.name,
    summary: '男，66岁，右肺下叶占位，CT示 3.2 cm 肿块伴纵隔淋巴结肿大',
    question: '手术还是新辅助治疗？',
    ...over,
  });
  const addCase = async (boardId: string, as: string, body: Record<string, unknown>): Promise<MdtMeetingView> => {
    const res = await api[as]!.post(`/mdt/boards/${boardId}/cases`, body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return MdtMeetingViewSchema.parse(res.body);
  };
  const view = async (meetingId: string, as = 'dr.chen') => {
    const res = await api[as]!.get(`/mdt/meetings/${meetingId}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return MdtMeetingViewSchema.parse(res.body);
  };
  const counts = async () => {
    const p = srv.services.prisma;
    return { boards: await p.mdtBoard.count(), meetings: await p.mdtMeeting.count(), cases: await p.mdtCase.count(), consultations: await p.consultation.count() };
  };

  it('the coordinator and the county doctor file cases; the chair reorders, starts and moves on; each case has its own consultation', async () => {
    const b = await board();
    const [a] = patients.shengsi;
    const [d] = patients.daishan;
    await addCase(b.id, 'doc.wang', caseBody(a!));
    const filed = await addCase(b.id, 'coordinator', caseBody(d!, { institutionId: ids['dsfph'], minutes: 20 }));
    const [caseA, caseD] = filed.cases;
    expect(filed.cases.map((c) => [c.status, c.minutes])).toEqual([
      ['queued', 15],
      ['queued', 20],
    ]);
    // Only the masked name is kept.
    expect(caseA!.patientLabel).toContain('*');
    expect(caseA!.patientLabel).not.toBe(a!.name);
    let m = await view(filed.id);
    expect(m.actions).toEqual(['start', 'reorder']);
    expect((await view(filed.id, 'dr.he')).actions).toEqual([]);

    // The chair takes the Daishan case first.
    const reordered = await api['dr.chen']!.put(`/mdt/meetings/${m.id}/order`, { caseIds: [caseD!.id, caseA!.id] });
    expect(reordered.status, JSON.stringify(reordered.body)).toBe(200);
    expect((await api['dr.he']!.put(`/mdt/meetings/${m.id}/order`, { caseIds: [caseA!.id, caseD!.id] })).status).toBe(403);

    const started = await api['dr.chen']!.post(`/mdt/meetings/${m.id}/start`);
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    m = MdtMeetingViewSchema.parse(started.body);
    expect(m.status).toBe('running');
    expect(m.cases.map((c) => [c.id, c.status])).toEqual([
      [caseD!.id, 'current'],
      [caseA!.id, 'queued'],
    ]);
    expect((await api['dr.chen']!.post(`/mdt/meetings/${m.id}/start`)).status).toBe(409);

    // Each county doctor sees the other county's case only as a place on the list.
    const wang = await view(m.id, 'doc.wang');
    expect(wang.cases.find((c) => c.id === caseD!.id)).toMatchObject({ restricted: true, patientLabel: null, summary: null, hisPatientId: null, consultationId: null });
    expect(wang.cases.find((c) => c.id === caseA!.id)).toMatchObject({ restricted: false, hisPatientId: a!.id });
    const daishan = await view(m.id, 'doc.daishan');
    expect(daishan.cases.find((c) => c.id === caseA!.id)?.restricted).toBe(true);

    // The case's consultation decides its record: the chair reads it; the other county's doctor does not.
    const cid = m.cases[0]!.consultationId!;
    expect((await api['dr.chen']!.get(`/consultations/${cid}/record`)).status).toBe(200);
    expect((await api['doc.wang']!.get(`/consultations/${cid}/record`)).status).toBe(403);
    expect((await api['doc.daishan']!.get(`/consultations/${cid}/record`)).status).toBe(200);
    expect((await api['dr.lin']!.get(`/consultations/${cid}/record`)).status).toBe(403);
    const c = await srv.services.prisma.consultation.findUniqueOrThrow({ where: { id: cid }, include: { participants: { orderBy: [{ invitedAt: 'asc' }, { id: 'asc' }] } } });
    expect(c).toMatchObject({ kind: 'mdt', status: 'active', hisPatientId: d!.id, institutionId: ids['dsfph'] });
    // The chair is the first expert: the chair of the case's joint opinion.
    expect(c.participants.map((x) => [x.userId, x.role])).toEqual([
      [ids['dr.chen'], 'expert'],
      [ids['dr.he'], 'expert'],
    ]);

    const next = await api['dr.chen']!.post(`/mdt/meetings/${m.id}/next`, { fromCaseId: caseD!.id });
    expect(next.status, JSON.stringify(next.body)).toBe(200);
    expect(MdtMeetingViewSchema.parse(next.body).cases.map((x) => x.status)).toEqual(['done', 'current']);
    const last = await api['dr.chen']!.post(`/mdt/meetings/${m.id}/next`, { fromCaseId: caseA!.id });
    expect(MdtMeetingViewSchema.parse(last.body)).toMatchObject({ status: 'ended', actions: [] });
    // The opinions outlive the sitting: the case consultations stay open for them.
    expect((await srv.services.prisma.consultation.findUniqueOrThrow({ where: { id: cid } })).status).toBe('active');
    expect((await api['doc.wang']!.post(`/mdt/boards/${b.id}/cases`, caseBody(patients.shengsi[1]!))).status).toBe(409);
  });

  it('a patient of one county is never filed under another, and a refusal writes nothing', async () => {
    const b = await board();
    const before = await counts();
    const [a] = patients.shengsi;
    // 岱山's doctor files a 嵊泗 patient under 岱山: the HIS says otherwise.
    const mismatch = await api['doc.daishan']!.post(`/mdt/boards/${b.id}/cases`, caseBody(a!));
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.code).toBe('patient_institution_mismatch');
    // …or names 嵊泗 as the institution: not theirs to file for.
    const other = await api['doc.daishan']!.post(`/mdt/boards/${b.id}/cases`, caseBody(a!, { institutionId: ids['sscph'] }));
    expect(other.status).toBe(403);
    // Experts, kiosks and pharmacists do not file cases.
    for (const as of ['dr.chen', 'kiosk.shengsi', 'pharm.zhou']) expect((await api[as]!.post(`/mdt/boards/${b.id}/cases`, caseBody(a!))).status).toBe(403);
    // A name that is not the HIS's.
    const wrongName = await api['doc.wang']!.post(`/mdt/boards/${b.id}/cases`, caseBody(a!, { patientName: '张三丰' }));
    expect(wrongName.body.code).toBe('patient_identity_mismatch');
    expect(await counts()).toEqual(before);
    const refusals = await srv.services.prisma.auditEvent.count({ where: { action: 'mdt.case.create', outcome: { in: ['forbidden', 'patient_institution_mismatch'] }, hisPatientId: a!.id } });
    expect(refusals).toBeGreaterThanOrEqual(2);
  });

  it('malformed and huge bodies are a precise 400 (or 413) and write nothing', async () => {
    const b = await board();
    const before = await counts();
    const bad = async (path: string, body: unknown, as = 'coordinator') => {
      const res = await api[as]!.post(path, body);
      expect(res.status, `${path} ${JSON.stringify(body).slice(0, 80)}`).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      return res;
    };
    const valid = { title: '胸部肿瘤 MDT', weekday: 2, startTime: '14:00', chairId: ids['dr.chen'] };
    expect((await bad('/mdt/boards', { ...valid, weekday: 8 })).body.details.issues[0].path).toBe('weekday');
    expect((await bad('/mdt/boards', { ...valid, startTime: '24:10' })).body.details.issues[0].path).toBe('startTime');
    expect((await bad('/mdt/boards', { ...valid, caseMinutes: 1000 })).status).toBe(400);
    expect((await bad('/mdt/boards', { ...valid, memberIds: [ids['dr.he'], ids['dr.he']] })).status).toBe(400);
    expect((await bad('/mdt/boards', { ...valid, extra: true })).status).toBe(400);
    expect((await bad('/mdt/boards', { ...valid, chairId: ids['doc.wang'] })).body.message).toMatch(/chairId/);
    expect((await bad('/mdt/boards', { ...valid, title: '肿'.repeat(200_000) })).status).toBe(413);
    expect((await bad('/mdt/boards', [1, 2, 3])).status).toBe(400);
    const [a] = patients.shengsi;
    const path = `/mdt/boards/${b.id}/cases`;
    expect((await bad(path, caseBody(a!, { date: '2026-02-30' }), 'doc.wang')).body.details.issues[0].path).toBe('date');
    expect((await bad(path, caseBody(a!, { date: addClinicDays(date, 1) }), 'doc.wang')).body.details.issues[0].path).toBe('date');
    expect((await bad(path, caseBody(a!, { date: addClinicDays(date, -14) }), 'doc.wang')).body.message).toMatch(/passed/);
    expect((await bad(path, caseBody(a!, { summary: 'x'.repeat(5000) }), 'doc.wang')).status).toBe(400);
    expect((await bad(path, caseBody(a!, { hisPatientId: '../../etc' }), 'doc.wang')).status).toBe(400);
    expect((await bad(path, caseBody(a!), 'coordinator')).body.message).toMatch(/institutionId/);
    expect((await bad('/mdt/meetings/x/next', { fromCaseId: 'a b' }, 'dr.chen')).status).toBe(400);
    expect((await api['dr.chen']!.put('/mdt/meetings/x/order', { caseIds: [] })).status).toBe(400);
    expect((await api['dr.chen']!.post('/mdt/boards/nope/cases', caseBody(a!))).status).toBe(404);
    expect(await counts()).toEqual(before);
  });

  it('two "next" pressed at once move one case; a second "next" from the same case is a 409', async () => {
    const b = await board();
    await addCase(b.id, 'doc.wang', caseBody(patients.shengsi[2]!));
    await addCase(b.id, 'doc.wang', caseBody(patients.shengsi[3]!));
    const m = MdtMeetingViewSchema.parse((await api['doc.wang']!.post(`/mdt/boards/${b.id}/cases`, caseBody(patients.shengsi[4]!))).body);
    const started = MdtMeetingViewSchema.parse((await api['dr.chen']!.post(`/mdt/meetings/${m.id}/start`)).body);
    const first = started.cases[0]!.id;
    expect((await api['dr.he']!.post(`/mdt/meetings/${m.id}/next`, { fromCaseId: first })).status).toBe(403);
    const answers = await Promise.all([1, 2, 3].map(() => api['dr.chen']!.post(`/mdt/meetings/${m.id}/next`, { fromCaseId: first })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409]);
    const after = await view(m.id);
    expect(after.cases.map((c) => c.status)).toEqual(['done', 'current', 'queued']);
  });

  it('the sitting’s room: the chair, the members and the county doctors of the day’s cases join; it stays while the chair moves on', async () => {
    const b = await board();
    const m = await addCase(b.id, 'doc.wang', caseBody(patients.shengsi[5]!));
    await addCase(b.id, 'coordinator', caseBody(patients.daishan[1]!, { institutionId: ids['dsfph'] }));
    const join = async (as: string) => {
      const c = await SignalingClient.connect(srv.url, tokens[as], { consultation: m.id });
      return { c, r: await c.request('room.join', { mdtMeetingId: m.id }) };
    };
    const refused: string[] = [];
    for (const as of ['dr.lin', 'kiosk.shengsi', 'pharm.zhou', 'coordinator']) {
      const { c, r } = await join(as);
      if (!r.ok) refused.push(`${as}:${r.error.code}`);
      c.close();
    }
    expect(refused).toEqual(['dr.lin:forbidden', 'kiosk.shengsi:forbidden', 'pharm.zhou:forbidden', 'coordinator:forbidden']);
    const chair = await join('dr.chen');
    const member = await join('dr.he');
    const wang = await join('doc.wang');
    const daishan = await join('doc.daishan');
    try {
      for (const j of [chair, member, wang, daishan]) expect(j.r.ok, JSON.stringify(j.r)).toBe(true);
      if (!daishan.r.ok) throw new Error('doc.daishan was refused');
      const peers = PeerInfoSchema.array().parse(daishan.r.data['peers']);
      expect(peers.map((p) => [p.userId, p.participantRole]).sort()).toEqual(
        [
          [ids['dr.chen'], 'expert'],
          [ids['dr.he'], 'expert'],
          [ids['doc.wang'], 'local_doctor'],
        ].sort(),
      );
      // Naming both rooms, or neither, is malformed.
      expect(await chair.c.request('room.join', { mdtMeetingId: m.id, consultationId: m.id })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      expect(await chair.c.request('room.join', {})).toMatchObject({ ok: false, error: { code: 'bad_request' } });

      const room = srv.services.rooms.get(m.id);
      expect(room?.peers.size).toBe(4);
      const started = MdtMeetingViewSchema.parse((await api['dr.chen']!.post(`/mdt/meetings/${m.id}/start`)).body);
      await api['dr.chen']!.post(`/mdt/meetings/${m.id}/next`, { fromCaseId: started.cases[0]!.id });
      // Same room object, same peers: nobody was moved out while the case changed.
      expect(srv.services.rooms.get(m.id)).toBe(room);
      expect(room?.peers.size).toBe(4);
      expect(room?.closed).toBe(false);
      const audit = await srv.services.prisma.auditEvent.findMany({ where: { action: 'room.join', entityType: 'MdtMeeting', entityId: m.id } });
      expect(audit.filter((e) => e.outcome === 'forbidden')).toHaveLength(4);
      expect(audit.filter((e) => e.outcome === 'ok').length).toBeGreaterThanOrEqual(4);
    } finally {
      for (const j of [chair, member, wang, daishan]) j.c.close();
    }
  });

  it('the sitting’s screens are pinged after each move, once per watching socket; others may not watch, and unwatching stops it', async () => {
    const b = await board();
    const m = await addCase(b.id, 'coordinator', caseBody(patients.daishan[2]!, { institutionId: ids['dsfph'] }));
    const sockets = Object.fromEntries(await Promise.all(['dr.chen', 'doc.daishan', 'doc.wang', 'kiosk.shengsi'].map(async (u) => [u, await SignalingClient.connect(srv.url, tokens[u])] as const)));
    try {
      const answers = await Promise.all(Object.entries(sockets).map(async ([u, c]) => [u, await c.request('mdt.watch', { meetingId: m.id })] as const));
      expect(answers.map(([u, r]) => `${u}:${r.ok ? 'ok' : r.error.code}`)).toEqual(['dr.chen:ok', 'doc.daishan:ok', 'doc.wang:forbidden', 'kiosk.shengsi:forbidden']);
      expect(await sockets['dr.chen']!.request('mdt.watch', { meetingId: 'no such id!' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      const pings = (u: string) => sockets[u]!.notes.filter((n) => n.method === 'mdt.changed' && (n.data as { meetingId?: string }).meetingId === m.id).length;

      const started = MdtMeetingViewSchema.parse((await api['dr.chen']!.post(`/mdt/meetings/${m.id}/start`)).body);
      await sockets['dr.chen']!.waitFor('mdt.changed', (d) => (d as { meetingId?: string }).meetingId === m.id);
      await sockets['doc.daishan']!.waitFor('mdt.changed', (d) => (d as { meetingId?: string }).meetingId === m.id);
      // A refused move pings nobody; a second move pings again.
      expect((await api['dr.he']!.post(`/mdt/meetings/${m.id}/next`, { fromCaseId: started.cases[0]!.id })).status).toBe(403);
      await addCase(b.id, 'coordinator', caseBody(patients.daishan[0]!, { institutionId: ids['dsfph'] }));
      await expect.poll(() => pings('doc.daishan')).toBe(2);
      expect(pings('dr.chen')).toBe(2);
      expect(pings('doc.wang') + pings('kiosk.shengsi')).toBe(0);

      expect((await sockets['doc.daishan']!.request('mdt.unwatch', { meetingId: m.id })).ok).toBe(true);
      await api['dr.chen']!.post(`/mdt/meetings/${m.id}/next`, { fromCaseId: started.cases[0]!.id });
      await expect.poll(() => pings('dr.chen')).toBe(3);
      expect(pings('doc.daishan')).toBe(2);
    } finally {
      for (const c of Object.values(sockets)) c.close();
    }
  });

  it('the last "next" ends the sitting: its room closes for those in it, and nobody joins it again', async () => {
    const b = await board();
    const m = await addCase(b.id, 'doc.wang', caseBody(patients.shengsi[1]!));
    const inside = await SignalingClient.connect(srv.url, tokens['doc.wang']);
    const c = await SignalingClient.connect(srv.url, tokens['dr.chen']);
    try {
      expect((await inside.request('room.join', { mdtMeetingId: m.id })).ok).toBe(true);
      const s = MdtMeetingViewSchema.parse((await api['dr.chen']!.post(`/mdt/meetings/${m.id}/start`)).body);
      const end = MdtMeetingViewSchema.parse((await api['dr.chen']!.post(`/mdt/meetings/${m.id}/next`, { fromCaseId: s.cases[0]!.id })).body);
      expect(end.status).toBe('ended');
      await inside.waitFor('room.closed');
      expect(srv.services.rooms.get(m.id)).toBeUndefined();
      expect(await c.request('room.join', { mdtMeetingId: m.id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      inside.close();
      c.close();
    }
  });
});
