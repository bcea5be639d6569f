import {
  ConsultationOpinionsSchema,
  ExpertOpinionViewSchema,
  JointOpinionViewSchema,
  OpinionVerificationSchema,
  type ConsultationOpinions,
  type ExpertOpinionView,
  type JointOpinionView,
  type OpinionVerification,
  type SaveExpertOpinionBody,
  type SaveJointOpinionBody,
} from '@cloudclinic/shared';
import { apiClient } from './api-request';

const enc = encodeURIComponent;
const c = apiClient;

/** 会诊意见 over REST; every response parsed with the shared schemas. */
export const opinionApi = {
  list: (consultationId: string, signal?: AbortSignal): Promise<ConsultationOpinions> =>
    c.request(`/api/consultations/${enc(consultationId)}/opinions`, { schema: ConsultationOpinionsSchema, ...(signal ? { signal } : {}) }),
  saveMine: (consultationId: string, body: SaveExpertOpinionBody): Promise<ExpertOpinionView> =>
    c.request(`/api/consultations/${enc(consultationId)}/opinions/mine`, { method: 'PUT', body, schema: ExpertOpinionViewSchema }),
  saveDraft: (consultationId: string, body: SaveJointOpinionBody): Promise<JointOpinionView> =>
    c.request(`/api/consultations/${enc(consultationId)}/joint-opinion`, { method: 'PUT', body, schema: JointOpinionViewSchema }),
  submit: (consultationId: string): Promise<JointOpinionView> =>
    c.request(`/api/consultations/${enc(consultationId)}/joint-opinion/submit`, { method: 'POST', body: {}, schema: JointOpinionViewSchema }),
  amend: (consultationId: string): Promise<JointOpinionView> =>
    c.request(`/api/consultations/${enc(consultationId)}/joint-opinion/amendments`, { method: 'POST', body: {}, schema: JointOpinionViewSchema }),
  sign: (id: string, password: string): Promise<JointOpinionView> => c.request(`/api/opinions/${enc(id)}/sign`, { method: 'POST', body: { password }, schema: JointOpinionViewSchema }),
  acknowledge: (id: string): Promise<JointOpinionView> => c.request(`/api/opinions/${enc(id)}/acknowledge`, { method: 'POST', body: {}, schema: JointOpinionViewSchema }),
  publicVerify: (id: string, signal?: AbortSignal): Promise<OpinionVerification> =>
    c.request(`/api/public/opinions/${enc(id)}`, { schema: OpinionVerificationSchema, auth: false, ...(signal ? { signal } : {}) }),
};
