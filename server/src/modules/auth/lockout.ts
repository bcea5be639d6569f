import type { Prisma } from '../../db/database';

export interface LockoutSettings {
  maxFailures: number;
  lockoutSeconds: number;
}

export type FailureOutcome = 'counted' | 'locked_now' | 'locked';

/**
 * The failed-login counter of MLPS "lockout after failures", race-free: each failure is one
 * conditional UPDATE that increments and, at the limit, locks in the same statement, so parallel wrong
 * passwords cannot all read the same count.
 */
export class LoginLockout {
  constructor(
    private readonly prisma: Prisma,
    private readonly settings: LockoutSettings,
  ) {}

  async recordFailure(userId: string): Promise<FailureOutcome> {
    const now = new Date();
    const until = new Date(now.getTime() + this.settings.lockoutSeconds * 1000);
    const max = this.settings.maxFailures;
    const rows = await this.prisma.$queryRaw<{ lockedUntil: Date | null }[]>`
      UPDATE "User" SET
        "failedLogins" = CASE WHEN "failedLogins" + 1 >= ${max}::int THEN 0 ELSE "failedLogins" + 1 END,
        "lockedUntil" = CASE WHEN "failedLogins" + 1 >= ${max}::int THEN ${until}::timestamp(3) ELSE NULL END,
        "updatedAt" = ${now}::timestamp(3)
      WHERE "id" = ${userId} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${now}::timestamp(3))
      RETURNING "lockedUntil"`;
    const row = rows[0];
    if (!row) return 'locked';
    return row.lockedUntil ? 'locked_now' : 'counted';
  }

  /** Resets the counter unless the account is locked; false while locked. */
  async recordSuccess(userId: string): Promise<boolean> {
    const now = new Date();
    const res = await this.prisma.user.updateMany({
      where: { id: userId, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
      data: { failedLogins: 0, lockedUntil: null },
    });
    return res.count === 1;
  }
}
