import crypto from 'node:crypto';
import type { LoginResponse, UserProfile } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
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
  institution: { id: string; name: string; kind: UserProfile['institution']['kind'] };
  department: { id: string; name: string } | null;
};

export function toProfile(u: UserRow): UserProfile {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    institution: { id: u.institution.id, name: u.institution.name, kind: u.institution.kind },
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
  ) {}

  async login(username: string, password: string, meta: RequestMeta): Promise<LoginResponse> {
    const user = await this.prisma.user.findUnique({ where: { username }, include: userInclude });
    const now = new Date();
    if (!user || user.disabled) {
      await verifyPassword(password, await dummyPasswordHash());
      await this.audit.record({ action: 'auth.login', outcome: 'invalid_credentials', detail: { reason: 'unknown_user' }, ...meta });
      throw new AppError('invalid_credentials', 'Wrong username or password');
    }
    const actor = { actorId: user.id, actorRole: user.role, institutionId: user.institutionId, ...meta };
    if (user.lockedUntil && user.lockedUntil > now) {
      await this.audit.record({ ...actor, action: 'auth.login', outcome: 'account_locked' });
      throw lockedError(user.lockedUntil);
    }
    if (!(await verifyPassword(password, user.passwordHash))) {
      const failures = (user.lockedUntil ? 0 : user.failedLogins) + 1;
      const lock = failures >= this.settings.maxFailures ? new Date(now.getTime() + this.settings.lockoutSeconds * 1000) : null;
      await this.prisma.user.update({ where: { id: user.id }, data: { failedLogins: lock ? 0 : failures, lockedUntil: lock } });
      await this.audit.record({ ...actor, action: 'auth.login', outcome: lock ? 'locked_now' : 'invalid_credentials' });
      throw new AppError('invalid_credentials', 'Wrong username or password');
    }
    await this.prisma.user.update({ where: { id: user.id }, data: { failedLogins: 0, lockedUntil: null } });
    await this.audit.record({ ...actor, action: 'auth.login', outcome: 'ok' });
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
    return this.issue(user, row.familyId);
  }

  async logout(refreshToken: string, meta: RequestMeta): Promise<void> {
    const row = await this.prisma.refreshToken.findUnique({ where: { tokenHash: hashRefreshToken(refreshToken) } });
    if (!row) return;
    await this.prisma.refreshToken.updateMany({ where: { familyId: row.familyId, revokedAt: null }, data: { revokedAt: new Date() } });
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
    const accessToken = this.signer.signAccess({ sub: user.id, role: user.role, inst: user.institutionId, name: user.displayName });
    return { accessToken, refreshToken: token, expiresIn: this.signer.accessTtlSeconds, user: toProfile(user) };
  }
}

function lockedError(until: Date): AppError {
  return new AppError('account_locked', 'Account locked after repeated failed logins; try again later', {
    lockedUntil: until.toISOString(),
  });
}
