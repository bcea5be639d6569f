import { AuditPageSchema, type AuditPage } from '@cloudclinic/shared';
import { apiRequest } from './api-request';

/** Filters of `GET /api/audit`, as query-string values (empty ones are left out). */
export type AuditSearch = Partial<Record<'actor' | 'hisPatientId' | 'action' | 'outcome' | 'from' | 'to', string>> & { limit: number; offset: number };

export function auditQueryString(q: AuditSearch): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) {
    const text = typeof value === 'number' ? String(value) : (value ?? '').trim();
    if (text) params.set(key, text);
  }
  return params.toString();
}

export const auditApi = {
  /** One page of the audit trail, filtered on the server (admins only). */
  search: (q: AuditSearch, signal?: AbortSignal): Promise<AuditPage> => apiRequest(`/api/audit?${auditQueryString(q)}`, { schema: AuditPageSchema, ...(signal ? { signal } : {}) }),
};
