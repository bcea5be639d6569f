import type { Config } from '../../config/config';
import type { Prisma } from '../../db/database';
import type { AuditLog } from '../audit/audit-log';
import type { EventBus } from '../events/event-bus';
import { AccessSessions } from './access-sessions';
import { AuthService } from './auth-service';
import { createMfa, type Mfa } from './mfa/create-mfa';
import type { MfaLogin } from './mfa/mfa-login';
import { createTokenSigner, type TokenSigner } from './tokens';

/** Sign-in: tokens, the verified sessions behind them, passwords with lockout, the TOTP second factor. */
export interface Auth {
  signer: TokenSigner;
  /** Access-token verification with the user and session looked up (cached for seconds). */
  sessions: AccessSessions;
  auth: AuthService;
  /** TOTP second factor: the sign-in step, the user's own enrolment, the admin's reset. */
  mfa: Mfa & { signIn: MfaLogin };
}

export function createAuth(deps: { config: Config; prisma: Prisma; audit: AuditLog; events: EventBus }): Auth {
  const { config, prisma, audit, events } = deps;
  const signer = createTokenSigner(config.jwtSecret, config.ACCESS_TOKEN_TTL_SECONDS);
  const lockout = { maxFailures: config.LOGIN_MAX_FAILURES, lockoutSeconds: config.LOGIN_LOCKOUT_SECONDS };
  const mfaParts = createMfa({ prisma, audit, serverSecret: config.jwtSecret, requiredRoles: config.mfaRequiredRoles, lockout });
  const mfaRoles = config.mfaRequiredRoles.filter((r) => mfaParts.policy.required(r));
  const sessions = new AccessSessions(prisma, signer, config.AUTH_CACHE_TTL_MS, mfaRoles, events);
  const auth = new AuthService(prisma, signer, { refreshTtlSeconds: config.REFRESH_TOKEN_TTL_SECONDS, ...lockout }, audit, sessions, mfaParts.gate);
  return { signer, sessions, auth, mfa: { ...mfaParts, signIn: mfaParts.login(auth) } };
}
