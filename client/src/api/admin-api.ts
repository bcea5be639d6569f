import {
  ManagedInstitutionListSchema,
  ManagedInstitutionSchema,
  ManagedUserListSchema,
  ManagedUserSchema,
  type AntibioticGrade,
  type CreateUserRequest,
  type ManagedInstitution,
  type ManagedUser,
  type UpdateInstitutionRequest,
} from '@cloudclinic/shared';
import { z } from 'zod';
import { apiRequest } from './api-request';

const id = encodeURIComponent;

/** Account and institution management (administrators); every response is parsed with the shared schemas. */
export const adminApi = {
  users: async (signal?: AbortSignal): Promise<ManagedUser[]> => (await apiRequest('/api/admin/users', { schema: ManagedUserListSchema, ...(signal ? { signal } : {}) })).users,
  createUser: (req: CreateUserRequest): Promise<ManagedUser> => apiRequest('/api/admin/users', { method: 'POST', body: req, schema: ManagedUserSchema }),
  setDisabled: (userId: string, disabled: boolean): Promise<ManagedUser> =>
    apiRequest(`/api/admin/users/${id(userId)}/${disabled ? 'disable' : 'enable'}`, { method: 'POST', body: {}, schema: ManagedUserSchema }),
  resetPassword: (userId: string, password: string): Promise<ManagedUser> =>
    apiRequest(`/api/admin/users/${id(userId)}/password`, { method: 'POST', body: { password }, schema: ManagedUserSchema }),
  setAntibioticPrivilege: (userId: string, grade: AntibioticGrade | null): Promise<ManagedUser> =>
    apiRequest(`/api/admin/users/${id(userId)}/antibiotic-privilege`, { method: 'PUT', body: { grade }, schema: ManagedUserSchema }),
  /** Removes the user's second factor (lost phone) and ends their sign-ins; they enrol again at next sign-in. */
  resetMfa: (userId: string): Promise<void> => apiRequest(`/api/users/${id(userId)}/mfa/reset`, { method: 'POST', body: {}, schema: z.undefined() }),
  institutions: async (signal?: AbortSignal): Promise<ManagedInstitution[]> =>
    (await apiRequest('/api/admin/institutions', { schema: ManagedInstitutionListSchema, ...(signal ? { signal } : {}) })).institutions,
  updateInstitution: (institutionId: string, req: UpdateInstitutionRequest): Promise<ManagedInstitution> =>
    apiRequest(`/api/admin/institutions/${id(institutionId)}`, { method: 'PATCH', body: req, schema: ManagedInstitutionSchema }),
};
