import { z } from 'zod';
import type { ApiClient } from './api-client';
import { apiClient } from './api-request';

// `GET /api/consultations/:id/record` has no schema in @cloudclinic/shared yet; this mirrors
// server/src/modules/records/record-service.ts (RecordResponse) and should move to shared/src/api/record.ts.
// Only the envelope is checked here: each FHIR resource is parsed tolerantly by features/record.

/** One part of the record the server could not load (the rest is shown). */
export const RecordPartFailureSchema = z.object({
  /** `conditions`, `allergies`, `observations`, … (kept open: a new part must not break the panel). */
  part: z.string(),
  resourceType: z.string(),
  /** `unavailable` (HIS down, timeout) or `rejected` (the HIS refused the search). */
  reason: z.string(),
  message: z.string(),
});
export type RecordPartFailure = z.infer<typeof RecordPartFailureSchema>;

export const RecordBundleSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.string().optional(),
  timestamp: z.string().optional(),
  entry: z.array(z.looseObject({ fullUrl: z.string().optional(), resource: z.unknown() })).optional(),
});

export const RecordResponseSchema = z.object({
  bundle: RecordBundleSchema,
  failed: z.array(RecordPartFailureSchema),
  partial: z.boolean(),
});
export type RecordResponse = z.infer<typeof RecordResponseSchema>;

export interface RecordApi {
  /** The consultation patient's county HIS record; `refresh` bypasses the server's short cache. */
  record(consultationId: string, options?: { refresh?: boolean; signal?: AbortSignal }): Promise<RecordResponse>;
}

export function createRecordApi(client: ApiClient): RecordApi {
  return {
    record: (consultationId, { refresh = false, signal } = {}) =>
      client.request(`/api/consultations/${encodeURIComponent(consultationId)}/record${refresh ? '?refresh=1' : ''}`, { schema: RecordResponseSchema, signal }),
  };
}

/** App-wide instance (same-origin `/api`, tokens from the session store). */
export const recordApi: RecordApi = createRecordApi(apiClient);
