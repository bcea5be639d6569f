import {
  FormularySearchResponseSchema,
  JwksSchema,
  PrescriptionListSchema,
  PrescriptionSheetSchema,
  PrescriptionViewSchema,
  PublicVerificationSchema,
  RegimenTemplateListSchema,
  SignedDocumentSchema,
  VerificationSchema,
  type DispenseRequest,
  type MedicationSummary,
  type PrescriptionDraftInput,
  type PrescriptionSheet,
  type PrescriptionView,
  type PublicVerification,
  type RegimenTemplate,
  type SavePrescriptionRequest,
  type SignedDocument,
  type SignPrescriptionRequest,
  type Verification,
} from '@cloudclinic/shared';
import type { z } from 'zod';
import type { ApiClient, RequestOptions } from './api-client';
import { apiClient } from './api-request';

/**
 * Online prescriptions over REST; every response is parsed with the shared schemas. Mutations that
 * must never happen twice (create, sign, submit, review, dispense) take an idempotency key: the
 * caller keeps the same key when it retries after a network failure.
 */
export interface PrescriptionApi {
  searchFormulary(q: string, signal?: AbortSignal): Promise<MedicationSummary[]>;
  templates(signal?: AbortSignal): Promise<{ templates: RegimenTemplate[]; medications: MedicationSummary[] }>;
  listForConsultation(consultationId: string, signal?: AbortSignal): Promise<PrescriptionView[]>;
  get(id: string, signal?: AbortSignal): Promise<PrescriptionView>;
  create(consultationId: string, draft: PrescriptionDraftInput, key: string): Promise<PrescriptionView>;
  save(id: string, draft: SavePrescriptionRequest): Promise<PrescriptionView>;
  recheck(id: string): Promise<PrescriptionView>;
  sign(id: string, req: SignPrescriptionRequest, key: string): Promise<PrescriptionView>;
  submit(id: string, key: string): Promise<PrescriptionView>;
  revise(id: string): Promise<PrescriptionView>;
  reviewQueue(signal?: AbortSignal): Promise<PrescriptionView[]>;
  /** Approval, signed with the pharmacist's own key (unlocked by the password). */
  approve(id: string, req: { password: string; note: string; acknowledged: readonly string[] }, key: string): Promise<PrescriptionView>;
  reject(id: string, reason: string, key: string): Promise<PrescriptionView>;
  dispense(id: string, req: DispenseRequest, key: string): Promise<PrescriptionView>;
  verify(id: string, signal?: AbortSignal): Promise<Verification>;
  document(id: string, signal?: AbortSignal): Promise<SignedDocument>;
  /** The 处方笺 as the server assembles it (病历号, 费别, prices, pharmacists …); the client only renders it. */
  sheet(id: string, signal?: AbortSignal): Promise<PrescriptionSheet>;
  jwks(signal?: AbortSignal): Promise<z.infer<typeof JwksSchema>>;
  /** The public verification behind the printed QR (no login); the code unlocks the drugs. */
  publicVerify(id: string, code: string | null, signal?: AbortSignal): Promise<PublicVerification>;
}

const enc = encodeURIComponent;

/** A fresh idempotency key for one user intention (kept across its retries). */
export function newIdempotencyKey(): string {
  return `rx-${crypto.randomUUID()}`;
}

export function createPrescriptionApi(client: ApiClient): PrescriptionApi {
  // The client sets Content-Type/Authorization; the idempotency key rides in the body-independent header.
  const call = <T>(path: string, opts: RequestOptions<T> & { key?: string }) => {
    const { key, ...rest } = opts;
    return client.request(path, key ? { ...rest, headers: { 'Idempotency-Key': key } } : rest);
  };
  const post = <T>(path: string, schema: z.ZodType<T>, body: unknown = {}, key?: string) => call(path, { method: 'POST', body, schema, ...(key ? { key } : {}) });

  return {
    searchFormulary: async (q, signal) => (await call(`/api/prescriptions/formulary?q=${enc(q)}`, { schema: FormularySearchResponseSchema, signal })).medications,
    templates: (signal) => call('/api/prescriptions/templates', { schema: RegimenTemplateListSchema, signal }),
    listForConsultation: async (consultationId, signal) =>
      (await call(`/api/consultations/${enc(consultationId)}/prescriptions`, { schema: PrescriptionListSchema, signal })).prescriptions,
    get: (id, signal) => call(`/api/prescriptions/${enc(id)}`, { schema: PrescriptionViewSchema, signal }),
    create: (consultationId, draft, key) => post(`/api/consultations/${enc(consultationId)}/prescriptions`, PrescriptionViewSchema, draft, key),
    save: (id, draft) => call(`/api/prescriptions/${enc(id)}`, { method: 'PUT', body: draft, schema: PrescriptionViewSchema }),
    recheck: (id) => post(`/api/prescriptions/${enc(id)}/check`, PrescriptionViewSchema),
    sign: (id, req, key) => post(`/api/prescriptions/${enc(id)}/sign`, PrescriptionViewSchema, req, key),
    submit: (id, key) => post(`/api/prescriptions/${enc(id)}/submit`, PrescriptionViewSchema, {}, key),
    revise: (id) => post(`/api/prescriptions/${enc(id)}/revise`, PrescriptionViewSchema),
    reviewQueue: async (signal) => (await call('/api/prescriptions/review-queue', { schema: PrescriptionListSchema, signal })).prescriptions,
    approve: (id, req, key) => post(`/api/prescriptions/${enc(id)}/approve`, PrescriptionViewSchema, req, key),
    reject: (id, reason, key) => post(`/api/prescriptions/${enc(id)}/reject`, PrescriptionViewSchema, { reason }, key),
    dispense: (id, req, key) => post(`/api/prescriptions/${enc(id)}/dispense`, PrescriptionViewSchema, req, key),
    verify: (id, signal) => call(`/api/prescriptions/${enc(id)}/verify`, { schema: VerificationSchema, signal }),
    document: (id, signal) => call(`/api/prescriptions/${enc(id)}/document`, { schema: SignedDocumentSchema, signal }),
    sheet: (id, signal) => call(`/api/prescriptions/${enc(id)}/sheet`, { schema: PrescriptionSheetSchema, signal }),
    jwks: (signal) => call('/.well-known/jwks.json', { schema: JwksSchema, auth: false, signal }),
    publicVerify: (id, code, signal) =>
      call(`/api/public/prescriptions/${enc(id)}${code ? `?code=${enc(code)}` : ''}`, { schema: PublicVerificationSchema, auth: false, signal }),
  };
}

/** App-wide instance (same-origin `/api`, tokens from the session store). */
export const prescriptionApi: PrescriptionApi = createPrescriptionApi(apiClient);
