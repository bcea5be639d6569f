import {
  AttachablesSchema,
  FollowUpPlanListSchema,
  FollowUpPlanViewSchema,
  ReferralListSchema,
  ReferralSlotListSchema,
  ReferralViewSchema,
  type Attachables,
  type BookReferralBody,
  type FileFollowUpPlanBody,
  type FileReferralBody,
  type FollowUpPlanView,
  type ReferralSlotView,
  type ReferralStatus,
  type ReferralView,
} from '@cloudclinic/shared';
import { apiClient } from './api-request';

const enc = encodeURIComponent;
const c = apiClient;
const opt = (signal?: AbortSignal) => (signal ? { signal } : {});

/** 双向转诊 over REST; every response parsed with the shared schemas. */
export const referralApi = {
  ofConsultation: async (consultationId: string, signal?: AbortSignal): Promise<ReferralView[]> =>
    (await c.request(`/api/consultations/${enc(consultationId)}/referrals`, { schema: ReferralListSchema, ...opt(signal) })).referrals,
  attachables: (consultationId: string, signal?: AbortSignal): Promise<Attachables> =>
    c.request(`/api/consultations/${enc(consultationId)}/referrals/attachables`, { schema: AttachablesSchema, ...opt(signal) }),
  file: (consultationId: string, body: FileReferralBody): Promise<ReferralView> =>
    c.request(`/api/consultations/${enc(consultationId)}/referrals`, { method: 'POST', body, schema: ReferralViewSchema }),
  list: async (status: ReferralStatus | null, signal?: AbortSignal): Promise<ReferralView[]> =>
    (await c.request(`/api/referrals${status ? `?status=${status}` : ''}`, { schema: ReferralListSchema, ...opt(signal) })).referrals,
  get: (id: string, signal?: AbortSignal): Promise<ReferralView> => c.request(`/api/referrals/${enc(id)}`, { schema: ReferralViewSchema, ...opt(signal) }),
  slots: async (id: string, signal?: AbortSignal): Promise<ReferralSlotView[]> => (await c.request(`/api/referrals/${enc(id)}/slots`, { schema: ReferralSlotListSchema, ...opt(signal) })).slots,
  book: (id: string, body: BookReferralBody): Promise<ReferralView> => c.request(`/api/referrals/${enc(id)}/book`, { method: 'POST', body, schema: ReferralViewSchema }),
  decline: (id: string, reason: string): Promise<ReferralView> => c.request(`/api/referrals/${enc(id)}/decline`, { method: 'POST', body: { reason }, schema: ReferralViewSchema }),
  move: (id: string, action: 'complete' | 'cancel'): Promise<ReferralView> => c.request(`/api/referrals/${enc(id)}/${action}`, { method: 'POST', body: {}, schema: ReferralViewSchema }),
  plans: async (consultationId: string, signal?: AbortSignal): Promise<FollowUpPlanView[]> =>
    (await c.request(`/api/consultations/${enc(consultationId)}/follow-up-plans`, { schema: FollowUpPlanListSchema, ...opt(signal) })).plans,
  filePlan: (consultationId: string, body: FileFollowUpPlanBody): Promise<FollowUpPlanView> =>
    c.request(`/api/consultations/${enc(consultationId)}/follow-up-plans`, { method: 'POST', body, schema: FollowUpPlanViewSchema }),
  acknowledge: (planId: string): Promise<FollowUpPlanView> => c.request(`/api/follow-up-plans/${enc(planId)}/acknowledge`, { method: 'POST', body: {}, schema: FollowUpPlanViewSchema }),
  tick: (planId: string, itemId: string, done: boolean): Promise<FollowUpPlanView> =>
    c.request(`/api/follow-up-plans/${enc(planId)}/items/${enc(itemId)}`, { method: 'POST', body: { done }, schema: FollowUpPlanViewSchema }),
};
