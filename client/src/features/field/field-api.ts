import {
  AcceptInvitationResponseSchema,
  ActiveInvitationListSchema,
  AttachmentListSchema,
  ConsultationViewSchema,
  FieldConsultationListSchema,
  FieldDirectorySchema,
  InvitationViewSchema,
  RevokedInvitationSchema,
  VitalsUploadResponseSchema,
  type AcceptInvitationResponse,
  type ActiveInvitation,
  type AttachmentView,
  type ConsultationView,
  type CreateInvitationRequest,
  type FieldDirectory,
  type InvitationView,
  type StartFieldConsultationRequest,
  type VitalsReading,
} from '@cloudclinic/shared';
import { apiRequest } from '../../api/api-request';

const id = encodeURIComponent;

/** Field medicine REST calls; every response is parsed with the shared schemas. */
export const fieldApi = {
  createInvitation: (consultationId: string, req: CreateInvitationRequest = {}): Promise<InvitationView> =>
    apiRequest(`/api/consultations/${id(consultationId)}/invitations`, { method: 'POST', body: req, schema: InvitationViewSchema }),
  acceptInvitation: (token: string): Promise<AcceptInvitationResponse> =>
    apiRequest('/api/field/invitations/accept', { method: 'POST', body: { token }, schema: AcceptInvitationResponseSchema }),
  /** Links still open: the expert's own, or all for an administrator; one consultation's when named. */
  activeInvitations: async (consultationId?: string, signal?: AbortSignal): Promise<ActiveInvitation[]> =>
    (await apiRequest(`/api/field/invitations${consultationId ? `?consultationId=${id(consultationId)}` : ''}`, { schema: ActiveInvitationListSchema, ...(signal ? { signal } : {}) })).invitations,
  revokeInvitation: async (invitationId: string): Promise<void> => {
    await apiRequest(`/api/field/invitations/${id(invitationId)}/revoke`, { method: 'POST', body: {}, schema: RevokedInvitationSchema });
  },
  directory: (signal?: AbortSignal): Promise<FieldDirectory> => apiRequest('/api/field/directory', { schema: FieldDirectorySchema, ...(signal ? { signal } : {}) }),
  start: (req: StartFieldConsultationRequest): Promise<ConsultationView> => apiRequest('/api/field/consultations', { method: 'POST', body: req, schema: ConsultationViewSchema }),
  mine: async (signal?: AbortSignal): Promise<ConsultationView[]> =>
    (await apiRequest('/api/field/consultations', { schema: FieldConsultationListSchema, ...(signal ? { signal } : {}) })).consultations,
  uploadVitals: async (consultationId: string, readings: VitalsReading[]): Promise<void> => {
    await apiRequest(`/api/consultations/${id(consultationId)}/vitals`, { method: 'POST', body: { readings }, schema: VitalsUploadResponseSchema });
  },
  attachments: async (consultationId: string, signal?: AbortSignal): Promise<AttachmentView[]> =>
    (await apiRequest(`/api/consultations/${id(consultationId)}/attachments`, { schema: AttachmentListSchema, ...(signal ? { signal } : {}) })).attachments,
};
