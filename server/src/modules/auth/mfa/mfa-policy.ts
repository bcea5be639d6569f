import type { Role } from '@cloudclinic/shared';

/** Kiosks are device accounts at a public screen: no personal second factor, never required. */
export const MFA_EXEMPT_ROLES: readonly Role[] = ['kiosk'];

export interface MfaPolicy {
  /** May this role set up a second factor. */
  available(role: Role): boolean;
  /** Must this role sign in with a second factor (MFA_REQUIRED_ROLES). */
  required(role: Role): boolean;
}

export function createMfaPolicy(requiredRoles: readonly Role[]): MfaPolicy {
  const required = new Set(requiredRoles.filter((r) => !MFA_EXEMPT_ROLES.includes(r)));
  return {
    available: (role) => !MFA_EXEMPT_ROLES.includes(role),
    required: (role) => required.has(role),
  };
}
