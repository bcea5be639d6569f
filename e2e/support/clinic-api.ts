import type { APIRequestContext } from '@playwright/test';
import {
  AppointmentViewSchema,
  ClinicSessionViewSchema,
  ConsultationRequestViewSchema,
  KioskAppointmentViewSchema,
  LoginResponseSchema,
  QueueViewSchema,
  SessionListSchema,
  type AppointmentView,
  type ClinicSessionView,
  type KioskAppointmentView,
} from '@cloudclinic/shared';
import { DEMO_PASSWORD } from './auth';

/** What is needed of a response schema (the shared zod schemas fit; e2e has no zod of its own). */
export interface Parser<T> {
  parse(data: unknown): T;
}

/** Talks to the real API as one demo user (bearer token from POST /api/auth/login); responses are schema-parsed. */
export class ApiUser {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  static async login(request: APIRequestContext, username: string): Promise<ApiUser> {
    const res = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
    if (!res.ok()) throw new Error(`login ${username}: HTTP ${res.status()}`);
    return new ApiUser(request, LoginResponseSchema.parse(await res.json()).accessToken);
  }

  /** Status code of a GET (for authorization checks). */
  async status(path: string): Promise<number> {
    return (await this.request.get(path, { headers: this.headers() })).status();
  }

  async get<T>(path: string, schema: Parser<T>): Promise<T> {
    const res = await this.request.get(path, { headers: this.headers() });
    if (!res.ok()) throw new Error(`GET ${path}: HTTP ${res.status()} ${await res.text()}`);
    return schema.parse(await res.json());
  }

  async post<T>(path: string, body: unknown, schema: Parser<T>): Promise<T> {
    const res = await this.request.post(path, { headers: this.headers(), data: body });
    if (!res.ok()) throw new Error(`POST ${path}: HTTP ${res.status()} ${await res.text()}`);
    return schema.parse(await res.json());
  }

  async put<T>(path: string, body: unknown, schema: Parser<T>): Promise<T> {
    const res = await this.request.put(path, { headers: this.headers(), data: body });
    if (!res.ok()) throw new Error(`PUT ${path}: HTTP ${res.status()} ${await res.text()}`);
    return schema.parse(await res.json());
  }

  private headers(): Record<string, string> {
    return { Authorization: `Bearer ${this.token}` };
  }
}

/** `GET /api/directory/institutions` has no shared schema yet: check the two fields used here. */
const InstitutionsSchema: Parser<{ institutions: { id: string; code: string }[] }> = {
  parse(data) {
    if (typeof data !== 'object' || data === null || !('institutions' in data) || !Array.isArray(data.institutions)) {
      throw new Error('unexpected /api/directory/institutions response');
    }
    const list: unknown[] = data.institutions;
    return {
      institutions: list.flatMap((i) =>
        typeof i === 'object' && i !== null && 'id' in i && 'code' in i && typeof i.id === 'string' && typeof i.code === 'string' ? [{ id: i.id, code: i.code }] : [],
      ),
    };
  },
};

/** Today's seeded cardiology session of 陈建华 (dr.chen), as the coordinator sees it. */
export async function cardiologySession(admin: ApiUser): Promise<ClinicSessionView> {
  const { sessions } = await admin.get('/api/sessions', SessionListSchema);
  const session = sessions.find((s) => s.expert.displayName === '陈建华');
  if (!session) throw new Error('no session of 陈建华 today');
  return session;
}

export async function institutionId(admin: ApiUser, code: string): Promise<string> {
  const { institutions } = await admin.get('/api/directory/institutions', InstitutionsSchema);
  const found = institutions.find((i) => i.code === code);
  if (!found) throw new Error(`no institution ${code}`);
  return found.id;
}

export function book(admin: ApiUser, sessionId: string, patient: { hisPatientId: string; patientName: string; institutionId: string }): Promise<AppointmentView> {
  return admin.post(`/api/sessions/${sessionId}/appointments`, patient, AppointmentViewSchema);
}

/**
 * The patient's open appointment in the session: the demo seed already books some patients for today
 * (`already_booked`), otherwise a new booking.
 */
export async function ensureBooked(admin: ApiUser, sessionId: string, patient: { hisPatientId: string; patientName: string; institutionId: string }): Promise<AppointmentView> {
  const { appointments } = await admin.get(`/api/sessions/${sessionId}/queue`, QueueViewSchema);
  const existing = appointments.find((a) => a.hisPatientId === patient.hisPatientId && a.status !== 'cancelled' && a.status !== 'no_show');
  return existing ?? book(admin, sessionId, patient);
}

export function cancel(admin: ApiUser, appointmentId: string): Promise<AppointmentView> {
  return admin.post(`/api/appointments/${appointmentId}/cancel`, {}, AppointmentViewSchema);
}

export function appointment(user: ApiUser, appointmentId: string): Promise<KioskAppointmentView> {
  return user.get(`/api/appointments/${appointmentId}`, KioskAppointmentViewSchema);
}

type Row = Record<string, unknown>;
const rows = (data: unknown, key: string): Row[] => {
  if (typeof data !== 'object' || data === null || !(key in data)) throw new Error(`unexpected response without ${key}`);
  const list: unknown = (data as Row)[key];
  if (!Array.isArray(list)) throw new Error(`unexpected ${key}`);
  return list.filter((r): r is Row => typeof r === 'object' && r !== null);
};

/**
 * 远程会诊申请 of 嵊泗县人民医院 (doc.wang asks) for one of its patients, scheduled by the expert named
 * `expertName` with themselves assigned: the expert then opens (starts) its consultation. Resolves with the request id.
 */
export async function scheduledRequest(request: APIRequestContext, expert: ApiUser, expertName: string, hisPatientId: string): Promise<string> {
  const experts = await expert.get('/api/directory/users?role=expert', { parse: (d) => rows(d, 'users') });
  const expertId = experts.find((u) => u['displayName'] === expertName)?.['id'];
  if (typeof expertId !== 'string') throw new Error(`no expert ${expertName}`);
  const county = await ApiUser.login(request, 'doc.wang');
  const soon = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
  const body = { hisPatientId, expertIds: [expertId], summary: '请求远程会诊：病情需上级专家意见', question: '请会诊', urgency: 'routine', preferredTimes: [{ from: soon(1), to: soon(2) }] };
  const created = await county.post('/api/consultations/requests', body, ConsultationRequestViewSchema);
  await expert.post(`/api/consultations/requests/${created.id}/schedule`, { at: soon(1), expertIds: [expertId] }, ConsultationRequestViewSchema);
  return created.id;
}

/**
 * A cardiology session of 陈建华 of its own for one spec, published now through the coordinator API,
 * so the spec's patients start fresh whatever other specs did to the seeded session.
 */
export async function ownCardiologySession(admin: ApiUser, hours?: { startsAt: string; endsAt: string }): Promise<ClinicSessionView> {
  const experts = await admin.get('/api/directory/users?role=expert', { parse: (d) => rows(d, 'users') });
  const expert = experts.find((u) => u['displayName'] === '陈建华');
  const institutions = await admin.get('/api/directory/institutions', { parse: (d) => rows(d, 'institutions') });
  const zjh = institutions.find((i) => i['code'] === 'zjh');
  const dept = zjh ? rows(zjh, 'departments').find((d) => d['nameEn'] === 'Cardiology') : undefined;
  const sscph = await institutionId(admin, 'sscph');
  if (!expert || !dept) throw new Error('demo directory lacks 陈建华 or cardiology');
  const now = Date.now();
  return admin.post(
    '/api/sessions',
    {
      expertId: expert['id'],
      departmentId: dept['id'],
      startsAt: hours?.startsAt ?? new Date(now - 10 * 60_000).toISOString(),
      endsAt: hours?.endsAt ?? new Date(now + 4 * 3600_000).toISOString(),
      capacity: 10,
      institutionIds: [sscph],
    },
    ClinicSessionViewSchema,
  );
}
