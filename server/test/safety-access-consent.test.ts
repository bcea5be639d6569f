import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueueViewSchema } from '@cloudclinic/shared';
import { SignalingClient } from './helpers/signaling-client';
import { startSafetyWorld, type SafetyWorld } from './helpers/safety-access';

const PATIENTS = [
  ['p-0001', '王建国'],
  ['p-0002', '李秀英'],
  ['p-0003', '张海燕'],
  ['p-0005', '刘小雨'],
] as const;

describe('consent is a state the server enforces', () => {
  let w: SafetyWorld;
  const sockets: SignalingClient[] = [];

  beforeAll(async () => {
    w = await startSafetyWorld(['admin', 'dr.chen', 'dr.he', 'kiosk.shengsi', 'kiosk.shengsi2', 'kiosk.daishan', 'doc.wang', 'doc.daishan', 'pharm.zhou']);
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await w?.srv.close();
  });

  /** A fresh session with these patients booked and checked in at the 嵊泗 kiosk, in this order. */
  async function checkedIn(patients: readonly (readonly [string, string])[]) {
    const sessionId = await w.session(['sscph']);
    const ids: string[] = [];
    for (const [hisPatientId, patientName] of patients) {
      const b = await w.api['admin']!.post(`/sessions/${sessionId}/appointments`, { hisPatientId, institutionId: w.inst['sscph'], patientName });
      expect(b.status, JSON.stringify(b.body)).toBe(201);
      expect((await w.api['kiosk.shengsi']!.post('/kiosk/check-in', { code: b.body.code })).status).toBe(200);
      ids.push(b.body.id);
    }
    return { sessionId, ids };
  }
  const consent = (id: string, granted: boolean, kind: 'telemedicine' | 'recording' = 'telemedicine', as = 'kiosk.shengsi') =>
    w.api[as]!.post(`/appointments/${id}/consents`, { kind, granted, confirmedBy: 'patient' });
  const queue = async (sessionId: string) => QueueViewSchema.parse((await w.api['dr.chen']!.get(`/sessions/${sessionId}/queue`)).body);

  it('call-next skips a patient who has not answered and one who declined; a direct call is refused', async () => {
    const { sessionId, ids } = await checkedIn(PATIENTS.slice(0, 3));
    const [silent, declined, agreed] = ids as [string, string, string];
    expect((await consent(declined, false)).status).toBe(201);
    expect((await consent(agreed, true)).status).toBe(201);

    const q = await queue(sessionId);
    const row = (id: string) => q.appointments.find((a) => a.id === id);
    expect(row(silent)?.consents.telemedicine).toBeNull();
    expect(row(declined)).toMatchObject({ status: 'consent_declined', consents: { telemedicine: false } });
    expect(row(agreed)).toMatchObject({ status: 'checked_in', consents: { telemedicine: true } });
    expect(q.session.counts.waiting).toBe(2); // the declined one left the waiting queue

    const called = await w.api['dr.chen']!.post(`/sessions/${sessionId}/call-next`);
    expect(called.status).toBe(200);
    expect(called.body.appointment.id).toBe(agreed);
    const none = await w.api['dr.chen']!.post(`/sessions/${sessionId}/call-next`);
    expect(none.status).toBe(404);

    const direct = await w.api['dr.chen']!.post(`/appointments/${silent}/call`);
    expect(direct.status).toBe(409);
    expect(direct.body.code).toBe('consent_required');
    expect((await w.api['dr.chen']!.post(`/appointments/${declined}/call`)).status).toBe(409);
    expect(await w.srv.services.prisma.consultation.count({ where: { appointmentId: { in: [silent, declined] } } })).toBe(0);
  });

  it('is idempotent: the same answer twice (or five times at once) is one record; another answer after a decline is refused', async () => {
    const { ids } = await checkedIn(PATIENTS.slice(0, 2));
    const [a, b] = ids as [string, string];
    const parallel = await Promise.all(Array.from({ length: 5 }, () => consent(a, true)));
    expect(parallel.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(parallel.map((r) => JSON.stringify(r.body.consents))).size).toBe(1);
    const p = w.srv.services.prisma;
    expect(await p.consent.count({ where: { appointmentId: a, kind: 'telemedicine' } })).toBe(1);

    expect((await consent(b, false)).body.status).toBe('consent_declined');
    const again = await consent(b, false);
    expect(again.status).toBe(201);
    expect(again.body.status).toBe('consent_declined');
    expect(await p.consent.count({ where: { appointmentId: b, kind: 'telemedicine' } })).toBe(1);
    const changed = await consent(b, true);
    expect(changed.status).toBe(409);
    expect(changed.body.code).toBe('consent_declined');
    // Checking in again at the kiosk does not bring the patient back either.
    const code = (await p.appointment.findUniqueOrThrow({ where: { id: b } })).code;
    const recheck = await w.api['kiosk.shengsi']!.post('/kiosk/check-in', { code });
    expect(recheck.status).toBe(409);
    expect(recheck.body.code).toBe('consent_declined');
  });

  it('keeps recording consent separate: declining recording leaves the patient callable, and repeats add nothing', async () => {
    const { sessionId, ids } = await checkedIn(PATIENTS.slice(0, 1));
    const [a] = ids as [string];
    expect((await consent(a, false, 'recording')).body.consents).toEqual({ telemedicine: null, recording: false });
    expect((await consent(a, false, 'recording')).status).toBe(201);
    expect(await w.srv.services.prisma.consent.count({ where: { appointmentId: a, kind: 'recording' } })).toBe(1);
    expect((await w.api['dr.chen']!.post(`/sessions/${sessionId}/call-next`)).status).toBe(404); // recording is not telemedicine
    expect((await consent(a, true)).body.consents).toEqual({ telemedicine: true, recording: false });
    expect((await w.api['dr.chen']!.post(`/sessions/${sessionId}/call-next`)).body.appointment.id).toBe(a);
  });

  it('lets only staff of the institution re-open a declined check-in, and the patient is asked again', async () => {
    const { sessionId, ids } = await checkedIn(PATIENTS.slice(0, 1));
    const [a] = ids as [string];
    await consent(a, false);
    for (const who of ['kiosk.shengsi', 'doc.daishan', 'dr.chen', 'pharm.zhou']) {
      expect((await w.api[who]!.post(`/appointments/${a}/reopen`)).status, who).toBe(403);
    }
    const reopened = await w.api['doc.wang']!.post(`/appointments/${a}/reopen`);
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'checked_in', consents: { telemedicine: false } });
    expect((await w.api['doc.wang']!.post(`/appointments/${a}/reopen`)).body.code).toBe('invalid_state');
    expect((await w.api['dr.chen']!.post(`/sessions/${sessionId}/call-next`)).status).toBe(404); // still no consent
    expect((await consent(a, true)).body.consents.telemedicine).toBe(true);
    expect((await w.api['dr.chen']!.post(`/sessions/${sessionId}/call-next`)).body.appointment.id).toBe(a);
    const audit = await w.srv.services.prisma.auditEvent.count({ where: { action: 'appointment.reopen', entityId: a, outcome: 'ok' } });
    expect(audit).toBe(1);
  });

  it('a consent withdrawn after the call closes the room to everyone and the record to the expert', async () => {
    const { sessionId, ids } = await checkedIn(PATIENTS.slice(0, 1));
    const [a] = ids as [string];
    await consent(a, true);
    const called = await w.api['dr.chen']!.post(`/sessions/${sessionId}/call-next`);
    const consultationId = called.body.consultation.id as string;
    expect((await w.api['dr.chen']!.get(`/consultations/${consultationId}/record`)).status).toBe(200);

    expect((await consent(a, false)).body.status).toBe('consent_declined');
    const expert = await SignalingClient.connect(w.srv.url, w.tokens['dr.chen']);
    const kiosk = await SignalingClient.connect(w.srv.url, w.tokens['kiosk.shengsi']);
    sockets.push(expert, kiosk);
    expect(await expert.request('room.join', { consultationId })).toMatchObject({ ok: false, error: { code: 'consent_required' } });
    expect(await kiosk.request('room.join', { consultationId })).toMatchObject({ ok: false, error: { code: 'consent_required' } });
    const record = await w.api['dr.chen']!.get(`/consultations/${consultationId}/record`);
    expect(record.status).toBe(409);
    expect(record.body.code).toBe('consent_required');
  });

  it('refuses consent from another institution’s kiosk and from roles that do not record consent', async () => {
    const { ids } = await checkedIn(PATIENTS.slice(0, 1));
    const [a] = ids as [string];
    expect((await consent(a, true, 'telemedicine', 'kiosk.daishan')).status).toBe(403);
    expect((await consent(a, true, 'telemedicine', 'pharm.zhou')).status).toBe(403);
    expect((await consent(a, true, 'telemedicine', 'dr.chen')).status).toBe(403);
    expect(await w.srv.services.prisma.consent.count({ where: { appointmentId: a } })).toBe(0);
  });

  it('least access to appointments: a kiosk sees only what it checked in and no queue; a pharmacist sees no visit', async () => {
    const { sessionId, ids } = await checkedIn(PATIENTS.slice(0, 1));
    const [a] = ids as [string];
    expect((await w.api['kiosk.shengsi']!.get(`/appointments/${a}`)).status).toBe(200);
    for (const who of ['kiosk.shengsi2', 'kiosk.daishan', 'pharm.zhou']) {
      expect((await w.api[who]!.get(`/appointments/${a}`)).status, who).toBe(403);
    }
    expect((await w.api['doc.wang']!.get(`/appointments/${a}`)).status).toBe(200);
    expect((await w.api['kiosk.shengsi']!.get(`/sessions/${sessionId}/queue`)).status).toBe(403);
    expect((await w.api['pharm.zhou']!.get(`/sessions/${sessionId}/queue`)).status).toBe(403);
    const pharmacist = await SignalingClient.connect(w.srv.url, w.tokens['pharm.zhou']);
    const otherKiosk = await SignalingClient.connect(w.srv.url, w.tokens['kiosk.shengsi2']);
    sockets.push(pharmacist, otherKiosk);
    for (const s of [pharmacist, otherKiosk]) {
      expect(await s.request('appointment.watch', { appointmentId: a })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    expect(await otherKiosk.request('queue.watch', { sessionId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
