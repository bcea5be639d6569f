import {
  LoginResultSchema,
  RefreshResponseSchema,
  UserProfileSchema,
  type LoginRequest,
  type LoginResponse,
  type LoginResult,
  type UserProfile,
} from '@cloudclinic/shared';
import { z } from 'zod';
import type { ApiClient } from './api-client';

export interface AuthApi {
  /**
   * The session, or the second step a two-factor account must take. Throws `ApiError`
   * `invalid_credentials` (401), `account_locked` (423), `bad_request` (400), `network`…
   */
  login(credentials: LoginRequest): Promise<LoginResult>;
  /** Rotates the token pair; the old refresh token becomes invalid. */
  refresh(refreshToken: string): Promise<LoginResponse>;
  /** Revokes the refresh token server-side. */
  logout(refreshToken: string): Promise<void>;
  /** Profile of the bearer of the current access token. */
  me(): Promise<UserProfile>;
}

export function createAuthApi(client: ApiClient): AuthApi {
  return {
    login: (credentials) =>
      client.request('/api/auth/login', { method: 'POST', body: credentials, schema: LoginResultSchema, auth: false }),
    refresh: (refreshToken) =>
      client.request('/api/auth/refresh', { method: 'POST', body: { refreshToken }, schema: RefreshResponseSchema, auth: false }),
    logout: (refreshToken) =>
      client.request('/api/auth/logout', { method: 'POST', body: { refreshToken }, schema: z.undefined(), auth: false }),
    me: () => client.request('/api/auth/me', { schema: UserProfileSchema }),
  };
}
