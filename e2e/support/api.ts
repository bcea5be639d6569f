import { ConsultationRequestViewSchema, ConsultationViewSchema, LoginResponseSchema, type LoginResponse, type ParticipantRole } from '@cloudclinic/shared';
import { DEMO_PASSWORD } from './auth';

/** REST calls the specs make directly (setup and fault injection), parsed with the shared schemas. */
async function post(baseURL: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(new URL(path, baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`POST ${path} → ${res.status} ${text}`);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export async function apiLogin(baseURL: string, username: string): Promise<LoginResponse> {
  return LoginResponseSchema.parse(await post(baseURL, '/api/auth/login', { username, password: DEMO_PASSWORD }));
}

/**
 * 远程会诊申请: the county doctor of 嵊泗县人民医院 (doc.wang) asks `expert` to see one of the
 * hospital's patients, and the expert schedules it with themselves assigned; the expert then opens
 * (starts) its consultation with `POST /api/consultations` and the request id.
 */
export async function scheduledRequest(baseURL: string, expert: LoginResponse, hisPatientId: string): Promise<string> {
  const county = await apiLogin(baseURL, 'doc.wang');
  const soon = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
  const body = { hisPatientId, expertIds: [expert.user.id], summary: '请求远程会诊：病情需上级专家意见', question: '请会诊', urgency: 'routine', preferredTimes: [{ from: soon(1), to: soon(2) }] };
  const id = ConsultationRequestViewSchema.parse(await post(baseURL, '/api/consultations/requests', body, county.accessToken)).id;
  await post(baseURL, `/api/consultations/requests/${id}/schedule`, { at: soon(1), expertIds: [expert.user.id] }, expert.accessToken);
  return id;
}

export interface Invitee {
  username: string;
  role: ParticipantRole;
}

/**
 * An ad-hoc consultation for a demo patient (default p-0001) of 嵊泗县人民医院, opened by `expert`
 * (who takes part as the expert) with the given invitees.
 */
export async function createConsultation(baseURL: string, expert: string, invite: Invitee[], hisPatientId = 'p-0001'): Promise<{ id: string }> {
  const creator = await apiLogin(baseURL, expert);
  const patientInstitution = await apiLogin(baseURL, 'kiosk.shengsi'); // the kiosk belongs to the patient's county hospital
  const invited = await Promise.all(invite.map(async (i) => ({ userId: (await apiLogin(baseURL, i.username)).user.id, role: i.role })));
  const requestId = await scheduledRequest(baseURL, creator, hisPatientId);
  const body = { hisPatientId, institutionId: patientInstitution.user.institution.id, invite: invited, requestId };
  const view = ConsultationViewSchema.parse(await post(baseURL, '/api/consultations', body, creator.accessToken));
  return { id: view.id };
}

/** Test-only endpoint (NODE_ENV=test, admin): SIGKILLs the mediasoup worker carrying the room. */
export async function killRoomWorker(baseURL: string, consultationId: string): Promise<void> {
  const admin = await apiLogin(baseURL, 'admin');
  await post(baseURL, `/api/test/rooms/${consultationId}/kill-worker`, {}, admin.accessToken);
}

/** Test-only endpoint (NODE_ENV=test, admin): SIGSTOPs (`frozen`) or SIGCONTs the worker carrying the room. */
export async function freezeRoomWorker(baseURL: string, consultationId: string, frozen: boolean): Promise<void> {
  const admin = await apiLogin(baseURL, 'admin');
  await post(baseURL, `/api/test/rooms/${consultationId}/freeze-worker`, { frozen }, admin.accessToken);
}
