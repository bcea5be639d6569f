import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskAppointmentViewSchema, QueueViewSchema } from '@cloudclinic/shared';
import { apiAs, type Api } from './helpers/api';
import { SignalingClient } from './helpers/signaling-client';
import { dbTargets } from './helpers/test-database';
import { login, startTestServer, type TestServer } from './helpers/test-server';

describe.each(dbTargets())('the 云门诊 flow over HTTP and socket.io (%s)', (target) => {
  let srv: TestServer;
  const api: Record<string, Api> = {};
  const tokens: Record<string, string> = {};
  const sockets: SignalingClient[] = [];
  let sessionId = '';
  let sscph = '';
  let dsfph = '';

  beforeAll(async () => {
    srv = await startTestServer(target);
    for (const u of ['admin', 'dr.chen', 'dr.lin', 'kiosk.shengsi', 'kiosk.daishan', 'doc.wang', 'doc.daishan']) {
      tokens[u] = (await login(srv.url, u)).accessToken;
      api[u] = apiAs(srv.url, tokens[u]);
    }
    const sessions = await api['dr.chen']!.get('/sessions');
    expect(sessions.status).toBe(200);
    sessionId = sessions.body.sessions[0].id;
    const inst = await api['admin']!.get('/directory/institutions');
    sscph = inst.body.institutions.find((i: { code: string }) => i.code === 'sscph').id;
    dsfph = inst.body.institutions.find((i: { code: string }) => i.code === 'dsfph').id;
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await srv?.close();
  });

  const book = (hisPatientId: string, patientName: string, institutionId = sscph, sid = sessionId) =>
    api['admin']!.post(`/sessions/${sid}/appointments`, { hisPatientId, institutionId, patientName });

  it('books appointments, refusing double booking, over-capacity and bad input with clear errors', async () => {
    const a = await book('p-9001', '王建国');
    expect(a.status).toBe(201);
    expect(a.body.patientLabel).toBe('王*国');
    expect(a.body.status).toBe('booked');
    const again = await book('p-9001', '王建国');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_booked');

    const expert = (await api['admin']!.get('/directory/users?role=expert')).body.users.find((u: { displayName: string }) => u.displayName === '陈建华');
    const dept = (await api['admin']!.get('/directory/institutions')).body.institutions.find((i: { code: string }) => i.code === 'zjh').departments[0];
    const now = Date.now();
    const small = await api['admin']!.post('/sessions', {
      expertId: expert.id,
      departmentId: dept.id,
      startsAt: new Date(now - 3600_000).toISOString(),
      endsAt: new Date(now + 3600_000).toISOString(),
      capacity: 1,
      institutionIds: [sscph],
    });
    expect(small.status).toBe(201);
    expect((await book('p-9101', '甲乙丙', sscph, small.body.id)).status).toBe(201);
    const full = await book('p-9102', '丁戊己', sscph, small.body.id);
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('session_full');
    expect((await book('p-9103', '庚辛', dsfph, small.body.id)).body.code).toBe('bad_request');

    const invalid = await api['admin']!.post(`/sessions/${sessionId}/appointments`, { hisPatientId: 'x', institutionId: sscph, patientName: 'y', residentId: '110105194912310021' });
    expect(invalid.status).toBe(400);
    expect(JSON.stringify(invalid.body.details)).toContain('residentId');
    // Nothing half-written: the refused requests left no appointment behind.
    const count = await srv.services.prisma.appointment.count({ where: { hisPatientId: { in: ['p-9102', 'p-9103', 'x'] } } });
    expect(count).toBe(0);
    expect((await api['dr.chen']!.post(`/sessions/${sessionId}/appointments`, { hisPatientId: 'p-1', institutionId: sscph, patientName: '某' })).status).toBe(403);
  });

  it('runs check-in → live queue → call-next → room → note → end, live on every screen', async () => {
    const first = (await book('p-9002', '李秀英')).body;
    const second = (await book('p-9003', '张海燕')).body;

    const expertSocket = await SignalingClient.connect(srv.url, tokens['dr.chen']);
    sockets.push(expertSocket);
    const initial = QueueViewSchema.parse(await expertSocket.ok('queue.watch', { sessionId }));
    expect(initial.appointments.find((a) => a.id === first.id)?.status).toBe('booked');

    // Kiosk checks in the second patient first, then the first: queue order follows queue numbers.
    const t0 = Date.now();
    const checked = await api['kiosk.shengsi']!.post('/kiosk/check-in', { code: second.code.toLowerCase() });
    expect(checked.status).toBe(200);
    expect(KioskAppointmentViewSchema.parse(checked.body).status).toBe('checked_in');
    await expertSocket.waitFor('queue.changed', (d) => QueueViewSchema.parse(d).appointments.some((a) => a.id === second.id && a.status === 'checked_in'), 2000);
    expect(Date.now() - t0).toBeLessThan(2000);
    const k1 = await api['kiosk.shengsi']!.post('/kiosk/check-in', { code: first.code });
    expect(k1.body.position).toBe(1);
    expect((await api['kiosk.shengsi']!.get(`/appointments/${second.id}`)).body.position).toBe(2);

    // Consent to telemedicine, recorded with who confirmed it.
    const consent = await api['kiosk.shengsi']!.post(`/appointments/${first.id}/consents`, { kind: 'telemedicine', granted: true, confirmedBy: 'patient' });
    expect(consent.status).toBe(201);
    expect(consent.body.consents.telemedicine).toBe(true);
    expect((await api['kiosk.shengsi']!.post(`/appointments/${first.id}/consents`, { kind: 'recording', granted: true, confirmedBy: 'guardian' })).status).toBe(400);

    // The kiosk watches its appointment; the expert calls next: the lowest queue number goes first.
    const kioskSocket = await SignalingClient.connect(srv.url, tokens['kiosk.shengsi']);
    sockets.push(kioskSocket);
    await kioskSocket.ok('appointment.watch', { appointmentId: first.id });
    const secondKiosk = await SignalingClient.connect(srv.url, tokens['kiosk.shengsi']);
    sockets.push(secondKiosk);
    expect(KioskAppointmentViewSchema.parse(await secondKiosk.ok('appointment.watch', { appointmentId: second.id })).position).toBe(2);
    const called = await api['dr.chen']!.post(`/sessions/${sessionId}/call-next`);
    expect(called.status).toBe(200);
    expect(called.body.appointment.id).toBe(first.id);
    const consultationId: string = called.body.consultation.id;
    const pushed = await kioskSocket.waitFor('appointment.changed', (d) => KioskAppointmentViewSchema.parse(d).status === 'called', 1000);
    expect(KioskAppointmentViewSchema.parse(pushed.data).consultationId).toBe(consultationId);
    // The patient still waiting moves up the queue, live.
    await secondKiosk.waitFor('appointment.changed', (d) => KioskAppointmentViewSchema.parse(d).position === 1, 1000);

    // The kiosk that checked the patient in may join; the other county's kiosk may not.
    const join = await kioskSocket.request('room.join', { consultationId });
    expect(join.ok).toBe(true);
    await expect.poll(async () => (await api['dr.chen']!.get(`/appointments/${first.id}`)).body.status).toBe('in_consultation');
    const daishan = await SignalingClient.connect(srv.url, tokens['kiosk.daishan']);
    sockets.push(daishan);
    expect(await daishan.request('room.join', { consultationId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The note autosaves with optimistic concurrency.
    const n0 = await api['dr.chen']!.get(`/consultations/${consultationId}/note`);
    expect(n0.body.revision).toBe(0);
    const n1 = await api['dr.chen']!.put(`/consultations/${consultationId}/note`, { baseRevision: 0, chiefComplaint: '胸闷两周' });
    expect(n1.body.revision).toBe(1);
    const stale = await api['dr.chen']!.put(`/consultations/${consultationId}/note`, { baseRevision: 0, plan: 'x' });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('revision_conflict');
    await api['dr.chen']!.put(`/consultations/${consultationId}/note`, { baseRevision: 1, assessment: '稳定型心绞痛可能', diagnoses: ['I20.9'], plan: '完善心电图，复诊' });
    expect((await api['kiosk.shengsi']!.put(`/consultations/${consultationId}/note`, { baseRevision: 2, plan: 'hack' })).status).toBe(403);

    // End: note signed, appointment completed, kiosk sees the summary, the room is closed.
    const ended = await api['dr.chen']!.post(`/consultations/${consultationId}/end`);
    expect(ended.status).toBe(200);
    expect(ended.body.status).toBe('ended');
    await kioskSocket.waitFor('room.closed', (d) => (d as { reason: string }).reason === 'consultation_ended');
    const done = await kioskSocket.waitFor('appointment.changed', (d) => KioskAppointmentViewSchema.parse(d).status === 'completed', 2000);
    expect(KioskAppointmentViewSchema.parse(done.data).summary?.plan).toBe('完善心电图，复诊');
    const note = await api['dr.chen']!.get(`/consultations/${consultationId}/note`);
    expect(note.body.signed).toBe(true);
    expect(note.body.versions).toHaveLength(1);
    expect((await api['dr.chen']!.put(`/consultations/${consultationId}/note`, { baseRevision: note.body.revision, plan: 'later' })).body.code).toBe('invalid_state');
    const amended = await api['dr.chen']!.post(`/consultations/${consultationId}/note/amendments`, { ...pick(note.body), plan: '完善心电图、心脏彩超', reason: '补充检查' });
    expect(amended.status).toBe(201);
    expect(amended.body.versions.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect((await api['dr.chen']!.post(`/consultations/${consultationId}/end`)).status).toBe(403);
    const row = await srv.services.prisma.appointment.findUniqueOrThrow({ where: { id: first.id } });
    expect(row.status).toBe('completed');

    // No-show is skipped; recall puts it back; a cancelled appointment cannot be called.
    const third = (await book('p-9004', '陈志明')).body;
    await api['kiosk.shengsi']!.post('/kiosk/check-in', { code: third.code });
    await api['kiosk.shengsi']!.post(`/appointments/${third.id}/consents`, { kind: 'telemedicine', granted: true, confirmedBy: 'patient' });
    expect((await api['dr.chen']!.post(`/appointments/${second.id}/no-show`)).body.status).toBe('no_show');
    const next = await api['dr.chen']!.post(`/sessions/${sessionId}/call-next`);
    expect(next.body.appointment.id).toBe(third.id);
    expect((await api['dr.chen']!.post(`/appointments/${second.id}/recall`)).body.status).toBe('checked_in');
    const fourth = (await book('p-9005', '刘小雨')).body;
    expect((await api['admin']!.post(`/appointments/${fourth.id}/cancel`)).body.status).toBe('cancelled');
    const callCancelled = await api['dr.chen']!.post(`/appointments/${fourth.id}/call`);
    expect(callCancelled.status).toBe(409);
    expect(callCancelled.body.code).toBe('invalid_state');
  });

  it('refuses other institutions’ data with 403 on every endpoint', async () => {
    const appt = (await book('p-9006', '赵六')).body;
    const d = api['kiosk.daishan']!;
    expect((await d.get(`/sessions/${sessionId}/queue`)).status).toBe(403);
    expect((await d.get(`/appointments/${appt.id}`)).status).toBe(403);
    expect((await d.post('/kiosk/check-in', { code: appt.code })).status).toBe(403);
    expect((await d.post(`/appointments/${appt.id}/consents`, { kind: 'telemedicine', granted: true, confirmedBy: 'patient' })).status).toBe(403);
    expect((await api['doc.daishan']!.get(`/sessions/${sessionId}/queue`)).status).toBe(403);
    expect((await api['dr.lin']!.get(`/sessions/${sessionId}/queue`)).status).toBe(403);
    expect((await api['dr.lin']!.post(`/sessions/${sessionId}/call-next`)).status).toBe(403);
    const daishanSocket = await SignalingClient.connect(srv.url, tokens['kiosk.daishan']);
    sockets.push(daishanSocket);
    expect(await daishanSocket.request('queue.watch', { sessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The county doctor of the same institution sees only their institution's part of the queue.
    const local = await api['doc.wang']!.get(`/sessions/${sessionId}/queue`);
    expect(local.status).toBe(200);
    expect(local.body.appointments.every((a: { institution: { id: string } }) => a.institution.id === sscph)).toBe(true);
  });
});

function pick(n: Record<string, unknown>) {
  const { chiefComplaint, history, examination, assessment, plan, diagnoses } = n;
  return { chiefComplaint, history, examination, assessment, plan, diagnoses: (diagnoses as { code: string }[]).map((d) => d.code) };
}
