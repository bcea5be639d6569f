import {
  AttachablesSchema,
  ConsultationRequestListSchema,
  ConsultationRequestViewSchema,
  RequestOptionsSchema,
  type Attachables,
  type ConsultationRequestView,
  type FileConsultationRequestBody,
  type RequestListQuery,
  type RequestOptions,
  type ScheduleRequestBody,
} from '@cloudclinic/shared';
import { apiRequest } from './api-request';

const BASE = '/api/consultations/requests';
const one = (id: string, action: string, body: unknown): Promise<ConsultationRequestView> =>
  apiRequest(`${BASE}/${encodeURIComponent(id)}/${action}`, { method: 'POST', body, schema: ConsultationRequestViewSchema });
const sig = (signal?: AbortSignal) => (signal ? { signal } : {});

/** 远程会诊申请 over REST; every response is parsed with the shared schemas. */
export const requestApi = {
  options: (signal?: AbortSignal): Promise<RequestOptions> => apiRequest(`${BASE}/options`, { schema: RequestOptionsSchema, ...sig(signal) }),
  attachables: (hisPatientId: string, signal?: AbortSignal): Promise<Attachables> =>
    apiRequest(`${BASE}/attachables?hisPatientId=${encodeURIComponent(hisPatientId)}`, { schema: AttachablesSchema, ...sig(signal) }),
  list: async (query: RequestListQuery = {}, signal?: AbortSignal): Promise<ConsultationRequestView[]> => {
    const params = new URLSearchParams();
    if (query.status) params.set('status', query.status);
    if (query.urgency) params.set('urgency', query.urgency);
    return (await apiRequest(`${BASE}${params.size ? `?${params.toString()}` : ''}`, { schema: ConsultationRequestListSchema, ...sig(signal) })).requests;
  },
  file: (body: FileConsultationRequestBody): Promise<ConsultationRequestView> => apiRequest(BASE, { method: 'POST', body, schema: ConsultationRequestViewSchema }),
  schedule: (id: string, body: ScheduleRequestBody) => one(id, 'schedule', body),
  propose: (id: string, body: ScheduleRequestBody) => one(id, 'propose', body),
  decline: (id: string, reason: string) => one(id, 'decline', { reason }),
  respond: (id: string, accept: boolean) => one(id, 'respond', { accept }),
  cancel: (id: string) => one(id, 'cancel', {}),
};
