import {
  AppointmentViewSchema,
  CallResultSchema,
  ClinicSessionViewSchema,
  ConsultationViewSchema,
  KioskAppointmentViewSchema,
  NoteViewSchema,
  QueueViewSchema,
  SessionListSchema,
  type AppointmentView,
  type BookAppointmentRequest,
  type CheckInRequest,
  type ClinicSessionView,
  type ConsentRequest,
  type ConsultationView,
  type KioskAppointmentView,
  type NoteFields,
  type NoteSaveRequest,
  type NoteView,
  type PublishSessionRequest,
  type QueueView,
} from '@cloudclinic/shared';
import type { z } from 'zod';
import type { ApiClient } from './api-client';
import { apiClient } from './api-request';

export type CallResult = z.infer<typeof CallResultSchema>;

/** The cloud-clinic REST API (sessions, queue, kiosk, consultations, notes); every response is schema-parsed. */
export interface ClinicApi {
  /** Sessions of one clinic day (`YYYY-MM-DD`, Asia/Shanghai); the server's today without one. */
  listSessions(date?: string, signal?: AbortSignal): Promise<ClinicSessionView[]>;
  publishSession(req: PublishSessionRequest): Promise<ClinicSessionView>;
  queue(sessionId: string, signal?: AbortSignal): Promise<QueueView>;
  book(sessionId: string, req: BookAppointmentRequest): Promise<AppointmentView>;
  cancel(appointmentId: string): Promise<AppointmentView>;
  checkIn(req: CheckInRequest): Promise<KioskAppointmentView>;
  recordConsent(appointmentId: string, req: ConsentRequest): Promise<KioskAppointmentView>;
  appointment(appointmentId: string, signal?: AbortSignal): Promise<KioskAppointmentView>;
  callNext(sessionId: string): Promise<CallResult>;
  call(appointmentId: string): Promise<CallResult>;
  noShow(appointmentId: string): Promise<AppointmentView>;
  recall(appointmentId: string): Promise<AppointmentView>;
  /** Staff re-open a check-in that a declined consent ended. */
  reopen(appointmentId: string): Promise<AppointmentView>;
  consultation(consultationId: string, signal?: AbortSignal): Promise<ConsultationView>;
  endConsultation(consultationId: string): Promise<ConsultationView>;
  note(consultationId: string, signal?: AbortSignal): Promise<NoteView>;
  saveNote(consultationId: string, req: NoteSaveRequest): Promise<NoteView>;
  amendNote(consultationId: string, req: NoteFields & { reason: string }): Promise<NoteView>;
}

const id = encodeURIComponent;

export function createClinicApi(client: ApiClient): ClinicApi {
  const get = <T>(path: string, schema: z.ZodType<T>, signal?: AbortSignal) => client.request(path, { schema, signal });
  const post = <T>(path: string, schema: z.ZodType<T>, body: unknown = {}) => client.request(path, { method: 'POST', body, schema });

  return {
    listSessions: async (date, signal) => {
      const query = date ? `?${new URLSearchParams({ date }).toString()}` : '';
      return (await get(`/api/sessions${query}`, SessionListSchema, signal)).sessions;
    },
    publishSession: (req) => post('/api/sessions', ClinicSessionViewSchema, req),
    queue: (sessionId, signal) => get(`/api/sessions/${id(sessionId)}/queue`, QueueViewSchema, signal),
    book: (sessionId, req) => post(`/api/sessions/${id(sessionId)}/appointments`, AppointmentViewSchema, req),
    cancel: (appointmentId) => post(`/api/appointments/${id(appointmentId)}/cancel`, AppointmentViewSchema),
    checkIn: (req) => post('/api/kiosk/check-in', KioskAppointmentViewSchema, req),
    recordConsent: (appointmentId, req) => post(`/api/appointments/${id(appointmentId)}/consents`, KioskAppointmentViewSchema, req),
    appointment: (appointmentId, signal) => get(`/api/appointments/${id(appointmentId)}`, KioskAppointmentViewSchema, signal),
    callNext: (sessionId) => post(`/api/sessions/${id(sessionId)}/call-next`, CallResultSchema),
    call: (appointmentId) => post(`/api/appointments/${id(appointmentId)}/call`, CallResultSchema),
    noShow: (appointmentId) => post(`/api/appointments/${id(appointmentId)}/no-show`, AppointmentViewSchema),
    recall: (appointmentId) => post(`/api/appointments/${id(appointmentId)}/recall`, AppointmentViewSchema),
    reopen: (appointmentId) => post(`/api/appointments/${id(appointmentId)}/reopen`, AppointmentViewSchema),
    consultation: (consultationId, signal) => get(`/api/consultations/${id(consultationId)}`, ConsultationViewSchema, signal),
    endConsultation: (consultationId) => post(`/api/consultations/${id(consultationId)}/end`, ConsultationViewSchema),
    note: (consultationId, signal) => get(`/api/consultations/${id(consultationId)}/note`, NoteViewSchema, signal),
    saveNote: (consultationId, req) =>
      client.request(`/api/consultations/${id(consultationId)}/note`, { method: 'PUT', body: req, schema: NoteViewSchema }),
    amendNote: (consultationId, req) => post(`/api/consultations/${id(consultationId)}/note/amendments`, NoteViewSchema, req),
  };
}

/** App-wide instance (same-origin `/api`, tokens from the session store). */
export const clinicApi: ClinicApi = createClinicApi(apiClient);
