import { ConsultationViewSchema, LoginResponseSchema, type LoginResponse, type ParticipantRole } from '@cloudclinic/shared';
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

export interface Invitee {
  username: string;
  role: ParticipantRole;
}

/**
 * An ad-hoc consultation for the demo patient p-0001 of 嵊泗县人民医院, opened by `expert`
 * (who takes part as the expert) with the given invitees.
 */
export async function createConsultation(baseURL: string, expert: string, invite: Invitee[]): Promise<{ id: string }> {
  const creator = await apiLogin(baseURL, expert);
  const patientInstitution = await apiLogin(baseURL, 'kiosk.shengsi'); // the kiosk belongs to the patient's county hospital
  const invited = await Promise.all(invite.map(async (i) => ({ userId: (await apiLogin(baseURL, i.username)).user.id, role: i.role })));
  const body = { hisPatientId: 'p-0001', institutionId: patientInstitution.user.institution.id, invite: invited };
  const view = ConsultationViewSchema.parse(await post(baseURL, '/api/consultations', body, creator.accessToken));
  return { id: view.id };
}

/** Test-only endpoint (NODE_ENV=test, admin): SIGKILLs the mediasoup worker carrying the room. */
export async function killRoomWorker(baseURL: string, consultationId: string): Promise<void> {
  const admin = await apiLogin(baseURL, 'admin');
  await post(baseURL, `/api/test/rooms/${consultationId}/kill-worker`, {}, admin.accessToken);
}
