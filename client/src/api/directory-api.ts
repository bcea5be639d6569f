import { InstitutionKindSchema, RoleSchema, type Role } from '@cloudclinic/shared';
import { z } from 'zod';
import type { ApiClient } from './api-client';
import { apiClient } from './api-request';

// The directory responses have no schema in @cloudclinic/shared yet; these mirror
// server/src/http/routes/directory-routes.ts and should move to shared/src/api/directory.ts.
const Ref = z.object({ id: z.string(), name: z.string() });

export const DirectoryUserSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  role: RoleSchema,
  institution: Ref,
  departmentName: z.string().nullable(),
  departmentNameEn: z.string().nullable().optional(),
});
export type DirectoryUser = z.infer<typeof DirectoryUserSchema>;

export const DirectoryInstitutionSchema = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  nameEn: z.string(),
  kind: InstitutionKindSchema,
  departments: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string() })),
});
export type DirectoryInstitution = z.infer<typeof DirectoryInstitutionSchema>;

const UserListSchema = z.object({ users: z.array(DirectoryUserSchema) });
const InstitutionListSchema = z.object({ institutions: z.array(DirectoryInstitutionSchema) });

/** People and institutions that can be put on a session or invited (admins and experts only). */
export interface DirectoryApi {
  users(role?: Role, signal?: AbortSignal): Promise<DirectoryUser[]>;
  institutions(signal?: AbortSignal): Promise<DirectoryInstitution[]>;
}

export function createDirectoryApi(client: ApiClient): DirectoryApi {
  return {
    users: async (role, signal) => {
      const query = role ? `?${new URLSearchParams({ role }).toString()}` : '';
      return (await client.request(`/api/directory/users${query}`, { schema: UserListSchema, signal })).users;
    },
    institutions: async (signal) => (await client.request('/api/directory/institutions', { schema: InstitutionListSchema, signal })).institutions,
  };
}

export const directoryApi: DirectoryApi = createDirectoryApi(apiClient);
