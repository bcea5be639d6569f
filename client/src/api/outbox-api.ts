import { OutboxJobListSchema, OutboxJobViewSchema, type OutboxJobList, type OutboxJobView, type OutboxStatus } from '@cloudclinic/shared';
import { apiRequest } from './api-request';

/** Writes to the county HIS waiting, delivered or set aside (admins only). */
export const outboxApi = {
  list: (status: OutboxStatus, signal?: AbortSignal): Promise<OutboxJobList> => apiRequest(`/api/admin/outbox?status=${status}`, { schema: OutboxJobListSchema, ...(signal ? { signal } : {}) }),
  retry: (id: string): Promise<OutboxJobView> => apiRequest(`/api/admin/outbox/${encodeURIComponent(id)}/retry`, { method: 'POST', body: {}, schema: OutboxJobViewSchema }),
};
