import type { Role } from '@cloudclinic/shared';
import type { Prisma } from '../../../db/database';
import { SecretBox } from '../../../lib/secret-box';
import type { AuditLog } from '../../audit/audit-log';
import { LoginLockout, type LockoutSettings } from '../lockout';
import { createChallengeTokens } from './challenge-tokens';
import { MfaAccount } from './mfa-account';
import { MfaGate } from './mfa-gate';
import { MfaLogin } from './mfa-login';
import { createMfaPolicy, type MfaPolicy } from './mfa-policy';
import { SecondFactors } from './second-factors';
import type { AuthService } from '../auth-service';

export interface Mfa {
  policy: MfaPolicy;
  /** The password step's answer: session, code or enrolment. Given to AuthService. */
  gate: MfaGate;
  /** Builds the second step once the AuthService exists (it issues the sessions). */
  login(auth: AuthService): MfaLogin;
  account: MfaAccount;
}

/** TOTP second factor: secrets sealed under a key derived from the server secret. */
export function createMfa(deps: { prisma: Prisma; audit: AuditLog; serverSecret: string; requiredRoles: readonly Role[]; lockout: LockoutSettings }): Mfa {
  const policy = createMfaPolicy(deps.requiredRoles);
  const factors = new SecondFactors(deps.prisma, new SecretBox(deps.serverSecret, 'totp-secret'));
  const challenges = createChallengeTokens(deps.serverSecret);
  const lockout = new LoginLockout(deps.prisma, deps.lockout);
  return {
    policy,
    gate: new MfaGate(factors, policy, challenges),
    login: (auth) => new MfaLogin(deps.prisma, auth, factors, policy, challenges, lockout, deps.audit),
    account: new MfaAccount(deps.prisma, factors, policy, lockout, deps.audit),
  };
}
