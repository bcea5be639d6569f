import type { AccessClaims, AntibioticGrade, CreateUserRequest, ManagedUser } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError, badRequest, notFound, toAppError } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import type { AccessSessions } from '../auth/access-sessions';
import { hashPassword } from '../auth/password';
import { AdminPolicy } from './admin-policy';
import { managedUserInclude, managedUserView } from './views';

const usernameTaken = (username: string) => new AppError('username_taken', `The username ${username} is already taken`);

type NewUser = Omit<CreateUserRequest, 'username'> & { username: string };

/**
 * Accounts, managed by administrators: list, create, disable / enable, reset the password, grant or
 * withdraw the antibiotic prescribing privilege. Disabling or a new password ends the user's sessions
 * at once (refresh tokens revoked; access tokens refused on their next use). Every action, refused
 * ones included, goes to the audit trail.
 */
export class UserAdmin {
  constructor(
    private readonly prisma: Prisma,
    private readonly audit: AuditLog,
    private readonly sessions: AccessSessions,
  ) {}

  async list(user: AccessClaims): Promise<ManagedUser[]> {
    AdminPolicy.assertAdmin(user);
    const rows = await this.prisma.user.findMany({ include: managedUserInclude, orderBy: [{ institution: { code: 'asc' } }, { username: 'asc' }] });
    return rows.map(managedUserView);
  }

  create(user: AccessClaims, req: NewUser): Promise<ManagedUser> {
    return this.audited(user, 'admin.user.create', null, async () => {
      AdminPolicy.assertAdmin(user);
      const [institution, department, taken] = await Promise.all([
        this.prisma.institution.findUnique({ where: { id: req.institutionId } }),
        req.departmentId ? this.prisma.department.findUnique({ where: { id: req.departmentId } }) : null,
        this.prisma.user.findUnique({ where: { username: req.username }, select: { id: true } }),
      ]);
      if (!institution) throw badRequest('Unknown institutionId');
      if (req.departmentId && !department) throw badRequest('Unknown departmentId');
      AdminPolicy.assertDepartmentOf(department, institution.id);
      if (taken) throw usernameTaken(req.username);
      const row = await this.prisma.user
        .create({
        data: {
          username: req.username,
          displayName: req.displayName,
          role: req.role,
          institutionId: institution.id,
          departmentId: department?.id ?? null,
          qualificationNo: req.qualificationNo ?? null,
          passwordHash: await hashPassword(req.password),
        },
        include: managedUserInclude,
        })
        // Two requests for one new username at once: the unique index lets one through.
        .catch((err: unknown) => {
          throw toAppError(err).code === 'conflict' ? usernameTaken(req.username) : err;
        });
      return { result: managedUserView(row), targetId: row.id, detail: { role: row.role, institutionId: row.institutionId } };
    });
  }

  setDisabled(user: AccessClaims, targetId: string, disabled: boolean): Promise<ManagedUser> {
    return this.audited(user, disabled ? 'admin.user.disable' : 'admin.user.enable', targetId, async () => {
      AdminPolicy.assertAdmin(user);
      if (disabled) AdminPolicy.assertMayDisable(user, targetId);
      const row = await this.update(targetId, { disabled }, disabled);
      return { result: managedUserView(row), targetId };
    });
  }

  resetPassword(user: AccessClaims, targetId: string, password: string): Promise<ManagedUser> {
    return this.audited(user, 'admin.user.password_reset', targetId, async () => {
      AdminPolicy.assertAdmin(user);
      const row = await this.update(targetId, { passwordHash: await hashPassword(password), failedLogins: 0, lockedUntil: null }, true);
      return { result: managedUserView(row), targetId };
    });
  }

  setAntibioticPrivilege(user: AccessClaims, targetId: string, grade: AntibioticGrade | null): Promise<ManagedUser> {
    return this.audited(user, 'admin.user.antibiotic_privilege', targetId, async () => {
      AdminPolicy.assertAdmin(user);
      const target = await this.prisma.user.findUnique({ where: { id: targetId }, select: { role: true, antibioticPrivilege: true } });
      if (!target) throw notFound('User');
      if (grade !== null) AdminPolicy.assertPrescriber(target.role);
      const row = await this.prisma.user.update({ where: { id: targetId }, data: { antibioticPrivilege: grade }, include: managedUserInclude });
      return { result: managedUserView(row), targetId, detail: { from: target.antibioticPrivilege, to: grade } };
    });
  }

  /** Updates the user; `endSessions`: revokes every refresh token in the same transaction and drops cached lookups. */
  private async update(targetId: string, data: { disabled?: boolean; passwordHash?: string; failedLogins?: number; lockedUntil?: null }, endSessions: boolean) {
    const row = await this.prisma.$transaction(async (tx) => {
      const found = await tx.user.findUnique({ where: { id: targetId }, select: { id: true } });
      if (!found) throw notFound('User');
      if (endSessions) await tx.refreshToken.updateMany({ where: { userId: targetId, revokedAt: null }, data: { revokedAt: new Date() } });
      return tx.user.update({ where: { id: targetId }, data, include: managedUserInclude });
    });
    if (endSessions) this.sessions.forgetUser(targetId);
    return row;
  }

  private async audited<T>(user: AccessClaims, action: string, targetId: string | null, fn: () => Promise<{ result: T; targetId: string; detail?: Record<string, unknown> }>): Promise<T> {
    const base = { action, actorId: user.sub, actorRole: user.role, institutionId: user.inst, entityType: 'User' };
    try {
      const done = await fn();
      await this.audit.record({ ...base, outcome: 'ok', entityId: done.targetId, ...(done.detail ? { detail: done.detail } : {}) });
      return done.result;
    } catch (err) {
      const e = err instanceof AppError ? err : toAppError(err);
      await this.audit.record({ ...base, outcome: e.code, ...(targetId ? { entityId: targetId } : {}) });
      throw e;
    }
  }
}
