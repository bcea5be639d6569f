import crypto from 'node:crypto';
import type { LoginResponse, LoginResult, UserProfile } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { AccessSessions } from './access-sessions';
import { LoginLockout } from './lockout';
import type { MfaGate } from './mfa/mfa-gate';
import { dummyPasswordHash, verifyPassword } from './password';
import { hashRefreshToken, newRefreshToken, type TokenSigner } from './tokens';

export interface AuthSettings {
  refreshTtlSeconds: number;
  maxFailures: number;
  lockoutSeconds: number;
}

export interface RequestMeta {
  ip?: string | undefined;
  requestId?: string | undefined;
}

const userInclude = { institution: true, department: true } as const;

type UserRow = NonNullable<Awaited<ReturnType<Prisma['user']['findUnique']>>> & {
  institution: { id: string; name: string; nameEn: string; kind: UserProfile['institution']['kind'] };
  department: { id: string; name: string } | null;
};

export function toProfile(u: UserRow): UserProfile {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    institution: { id: u.institution.id, name: u.institution.name, nameEn: u.institution.nameEn, kind: u.institution.kind },
    departmentId: u.department?.id ?? null,
    departmentName: u.department?.name ?? null,
  };
}

/** Login with lockout, rotating refresh tokens with reuse detection, logout. */
export class AuthService {
  constructor(
    private readonly prisma: Prisma,
    private readonly signer: TokenSigner,
    private readonly settings: AuthSettings,
    private readonly audit: AuditLog,
    private readonly sessions: AccessSessions,
    /** The second-factor step after the password (none: password only). */
    private readonly mfa: MfaGate | null = null,
  ) {
    this.lockout = new LoginLockout(prisma, settings);
  }

  private readonly lockout: LoginLockout;

  /**
   * Unknown, disabled, locked and wrong-password attempts all run one scrypt hash and answer the same
   * 401 `invalid_credentials`, so neither the body nor the timing tells them apart. An account with a
   * second factor (or whose role requires one) gets a challenge for the second step instead of tokens.
   */
  async login(username: string, password: string, meta: RequestMeta): Promise<LoginResult> {
    const user = await this.prisma.user.findUnique({ where: { username }, include: userInclude });
    const invalid = new AppError('invalid_credentials', 'Wrong username or password');
    if (!user || user.disabled) {
      await verifyPassword(password, await dummyPasswordHash());
      await this.audit.record({ action: 'auth.login', outcome: 'invalid_credentials', detail: { reason: user ? 'disabled' : 'unknown_user' }, ...meta });
      throw invalid;
    }
    const actor = { actorId: user.id, actorRole: user.role, institutionId: user.institutionId, ...meta };
    const passwordOk = await verifyPassword(password, user.passwordHash);
    if (!passwordOk) {
      const lockedNow = await this.lockout.recordFailure(user.id);
      await this.audit.record({ ...actor, action: 'auth.login', outcome: lockedNow === 'locked_now' ? 'locked_now' : lockedNow === 'locked' ? 'account_locked' : 'invalid_credentials' });
      throw invalid;
    }
    if (!(await this.lockout.recordSuccess(user.id))) {
      await this.audit.record({ ...actor, action: 'auth.login', outcome: 'account_locked' });
      throw invalid;
    }
    const challenge = await this.mfa?.challengeFor(user);
    if (challenge) {
      await this.audit.record({ ...actor, action: 'auth.login', outcome: challenge.mfa === 'code' ? 'mfa_code_required' : 'mfa_enrolment_required' });
      return challenge;
    }
    await this.audit.record({ ...actor, action: 'auth.login', outcome: 'ok' });
    return this.issue(user, crypto.randomUUID());
  }

  /** A new session for a user who passed the second step (the caller checked password and code). */
  async startSession(userId: string): Promise<LoginResponse> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, include: userInclude });
    if (!user || user.disabled) throw new AppError('invalid_credentials', 'Wrong username or password');
    return this.issue(user, crypto.randomUUID());
  }

  async refresh(refreshToken: string, meta: RequestMeta): Promise<LoginResponse> {
    const hash = hashRefreshToken(refreshToken);
    const row = await this.prisma.refreshToken.findUnique({ where: { tokenHash: hash } });
    const invalid = new AppError('unauthorized', 'Invalid refresh token');
    if (!row) throw invalid;
    if (row.rotatedAt || row.revokedAt) {
      // A rotated token presented again means it leaked: revoke the whole family.
      if (row.rotatedAt && !row.revokedAt) {
        await this.prisma.refreshToken.updateMany({ where: { familyId: row.familyId, revokedAt: null }, data: { revokedAt: new Date() } });
        await this.audit.record({ actorId: row.userId, action: 'auth.refresh', outcome: 'reuse_detected', ...meta });
      }
      throw invalid;
    }
    if (row.expiresAt <= new Date()) throw invalid;
    const claimed = await this.prisma.refreshToken.updateMany({ where: { id: row.id, rotatedAt: null }, data: { rotatedAt: new Date() } });
    if (claimed.count !== 1) throw invalid;
    const user = await this.prisma.user.findUnique({ where: { id: row.userId }, include: userInclude });
    if (!user || user.disabled) throw invalid;
    if (this.mfa && !(await this.mfa.sessionAllowed(user))) throw invalid;
    return this.issue(user, row.familyId);
  }

  async logout(refreshToken: string, meta: RequestMeta): Promise<void> {
    const row = await this.prisma.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(refreshToken) } });
    if (!row) return;
    await this.prisma.refreshToken.updateMany({ where: { familyId: row.familyId, revokedAt: null }, data: { revokedAt: new Date() } });
    this.sessions.forget(row.userId, row.familyId);
    await this.audit.record({ actorId: row.userId, action: 'auth.logout', outcome: 'ok', ...meta });
  }

  async profile(userId: string): Promise<UserProfile> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, include: userInclude });
    if (!user) throw new AppError('unauthorized', 'Unknown user');
    return toProfile(user);
  }

  private async issue(user: UserRow, familyId: string): Promise<LoginResponse> {
    const { token, hash } = newRefreshToken();
    await this.prisma.refreshToken.create({
      data: { userId: user.id, familyId, tokenHash: hash, expiresAt: new Date(Date.now() + this.settings.refreshTtlSeconds * 1000) },
    });
    const accessToken = await this.signer.signAccess({ sub: user.id, role: user.role, inst: user.institutionId, name: user.displayName }, familyId);
    return { accessToken, refreshToken: token, expiresIn: this.signer.accessTtlSeconds, user: toProfile(user) };
  }
}
