import {
  LoginResponseSchema,
  MfaEnrolledLoginSchema,
  MfaEnrolmentStartSchema,
  MfaRecoveryCodesSchema,
  MfaStatusSchema,
  type LoginResponse,
  type MfaEnrolledLogin,
  type MfaEnrolmentStart,
  type MfaStatus,
} from '@cloudclinic/shared';
import { z } from 'zod';
import { apiRequest } from './api-request';

/** The second sign-in step: the challenge token from the password step is the credential. */
export const mfaSignInApi = {
  verify: (challengeToken: string, code: string): Promise<LoginResponse> =>
    apiRequest('/api/auth/mfa/verify', { method: 'POST', body: { challengeToken, code }, schema: LoginResponseSchema, auth: false }),
  startEnrolment: (challengeToken: string): Promise<MfaEnrolmentStart> =>
    apiRequest('/api/auth/mfa/enrol', { method: 'POST', body: { challengeToken }, schema: MfaEnrolmentStartSchema, auth: false }),
  confirmEnrolment: (challengeToken: string, code: string): Promise<MfaEnrolledLogin> =>
    apiRequest('/api/auth/mfa/enrol/confirm', { method: 'POST', body: { challengeToken, code }, schema: MfaEnrolledLoginSchema, auth: false }),
};

/** The signed-in user's own second factor (the security page). */
export const mfaAccountApi = {
  status: (): Promise<MfaStatus> => apiRequest('/api/account/mfa', { schema: MfaStatusSchema }),
  startEnrolment: (): Promise<MfaEnrolmentStart> => apiRequest('/api/account/mfa/enrol', { method: 'POST', schema: MfaEnrolmentStartSchema }),
  confirmEnrolment: async (code: string): Promise<string[]> =>
    (await apiRequest('/api/account/mfa/enrol/confirm', { method: 'POST', body: { code }, schema: MfaRecoveryCodesSchema })).recoveryCodes,
  disable: (password: string, code: string): Promise<void> =>
    apiRequest('/api/account/mfa/disable', { method: 'POST', body: { password, code }, schema: z.undefined() }),
};
