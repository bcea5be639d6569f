import { LRUCache } from 'lru-cache';
import type { AccessClaims, Role } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { EventBus } from '../events/event-bus';
import type { AccessToken, TokenSigner } from './tokens';

/** A request's identity as the database says it is now (role and institution from the user row). */
export interface VerifiedAccess {
  auth: AccessClaims;
  sessionId: string;
  /** When the access token expires: a socket opened with it must be closed then. */
  expiresAt: Date;
}

type Lookup = { ok: true; auth: AccessClaims } | { ok: false };

/**
 * Verifies access tokens and looks their user and session up on every use, cached for `ttlMs`:
 * a role change takes effect within that window; a logout, a disabled account or a password reset at
 * once, on every node (`auth.sessionsEnded` travels on the event bus). The session is the refresh-token family named by `sid`; it is live while one of its
 * tokens is unrevoked. A user whose role requires a second factor they have not (or no longer) set up has no
 * live session.
 */
export class AccessSessions {
  private readonly cache: LRUCache<string, Lookup>;

  constructor(
    private readonly prisma: Prisma,
    private readonly signer: TokenSigner,
    ttlMs: number,
    /** Roles that must have a confirmed second factor: a session of such a user without one is not live. */
    private readonly mfaRequiredRoles: readonly Role[] = [],
    private readonly events?: EventBus,
  ) {
    this.cache = new LRUCache<string, Lookup>({ max: 10_000, ttl: Math.max(ttlMs, 1) });
    events?.subscribe('auth.sessionsEnded', ({ userId, sessionId }) => this.drop(userId, sessionId));
  }

  /** `verifyAccess(token)`: the current user behind a token, or `unauthorized` / `token_expired` (401). */
  async verify(token: string): Promise<VerifiedAccess> {
    const t = await this.signer.verifyAccess(token);
    return { auth: await this.current(t), sessionId: t.sessionId, expiresAt: t.expiresAt };
  }

  /** Re-checks an already verified access (e.g. per socket event): expired, revoked or disabled → 401. */
  async recheck(v: Pick<VerifiedAccess, 'auth' | 'sessionId' | 'expiresAt'>): Promise<VerifiedAccess> {
    if (v.expiresAt.getTime() <= Date.now()) throw new AppError('token_expired', 'Access token expired');
    const auth = await this.current({ claims: v.auth, sessionId: v.sessionId, expiresAt: v.expiresAt });
    return { ...v, auth };
  }

  /** Forget every cached session of a user (disabled, password reset): their next request is looked up. */
  forgetUser(userId: string): void {
    this.ended(userId, null);
  }

  /** Forget what is cached for a session (logout). */
  forget(userId: string, sessionId: string): void {
    this.ended(userId, sessionId);
  }

  /** At once here, and on the other nodes through the event bus. */
  private ended(userId: string, sessionId: string | null): void {
    this.drop(userId, sessionId);
    this.events?.publish('auth.sessionsEnded', { userId, sessionId });
  }

  private drop(userId: string, sessionId: string | null): void {
    if (sessionId) return void this.cache.delete(key(userId, sessionId));
    for (const k of [...this.cache.keys()]) if (k.startsWith(`${userId}\u0000`)) this.cache.delete(k);
  }

  private async current(t: AccessToken): Promise<AccessClaims> {
    const k = key(t.claims.sub, t.sessionId);
    let found = this.cache.get(k);
    if (!found) {
      found = await this.lookup(t.claims.sub, t.sessionId);
      this.cache.set(k, found);
    }
    if (!found.ok) throw new AppError('unauthorized', 'Session ended or account disabled');
    return found.auth;
  }

  private async lookup(userId: string, sessionId: string): Promise<Lookup> {
    const [user, live] = await Promise.all([
      this.prisma.user.findUnique({
        where: { id: userId },
        select: { id: true, role: true, institutionId: true, displayName: true, disabled: true, mfa: { select: { confirmedAt: true } } },
      }),
      this.prisma.refreshToken.findFirst({ where: { userId, familyId: sessionId, revokedAt: null }, select: { id: true } }),
    ]);
    if (!user || user.disabled || !live) return { ok: false };
    if (this.mfaRequiredRoles.includes(user.role) && !user.mfa?.confirmedAt) return { ok: false };
    return { ok: true, auth: { sub: user.id, role: user.role, inst: user.institutionId, name: user.displayName } };
  }
}

function key(userId: string, sessionId: string): string {
  return `${userId}\u0000${sessionId}`;
}
