import { expect } from 'vitest';
import type { TestServer } from './test-server';

export type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test: assertions inspect the shape

/** JSON over HTTP as a given user, with optional extra headers (Idempotency-Key). */
export function apiClient(base: string, token: string) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
  };
}
export type ApiClient = ReturnType<typeof apiClient>;

/** A clinic session of the expert's own, open now (never the seeded one of the calendar day), serving `institutionId`. */
export async function ownSession(srv: TestServer, admin: ApiClient, expert: string, institutionId: string): Promise<string> {
  const u = await srv.services.prisma.user.findUniqueOrThrow({ where: { username: expert } });
  const now = Date.now();
  const res = await admin('POST', '/sessions', {
    expertId: u.id,
    departmentId: u.departmentId,
    startsAt: new Date(now - 10 * 60_000).toISOString(),
    endsAt: new Date(now + 4 * 3600_000).toISOString(),
    capacity: 200,
    institutionIds: [institutionId],
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

/**
 * One patient's visit up to the expert's call: booked in `sessionId` (or found there when already
 * booked), checked in at the kiosk, telemedicine consent given, called by the expert.
 */
export async function calledVisit(
  as: { admin: ApiClient; kiosk: ApiClient; expert: ApiClient },
  sessionId: string,
  patient: { hisPatientId: string; name: string; institutionId: string },
): Promise<{ consultationId: string; appointmentId: string }> {
  const booked = await as.admin('POST', `/sessions/${sessionId}/appointments`, { hisPatientId: patient.hisPatientId, institutionId: patient.institutionId, patientName: patient.name });
  const appt =
    booked.status === 201 ? booked.body : (await as.admin('GET', `/sessions/${sessionId}/queue`)).body.appointments.find((a: { hisPatientId: string }) => a.hisPatientId === patient.hisPatientId);
  expect((await as.kiosk('POST', '/kiosk/check-in', { code: appt.code })).status).toBe(200);
  // Only a patient who agreed to the remote visit can be called.
  expect((await as.kiosk('POST', `/appointments/${appt.id}/consents`, { kind: 'telemedicine', granted: true, confirmedBy: 'patient' })).status).toBeLessThan(300);
  const called = await as.expert('POST', `/appointments/${appt.id}/call`);
  expect(called.status).toBe(200);
  return { consultationId: called.body.consultation.id, appointmentId: appt.id };
}
