import type { AccessClaims } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import { verifyPassword } from '../auth/password';
import type { SigningKeys, UnlockedKey } from './signing-keys';

/** Failed signing attempts (wrong password) before signing locks for a while, like login. */
const MAX_FAILURES = 5;
const LOCK_MS = 15 * 60_000;

/**
 * The act of signing starts here: the signer's own password, checked against the account (wrong
 * ones audited under `action` and counted: five lock signing for 15 minutes), opens their key.
 */
export class SignerUnlock {
  constructor(
    private readonly prisma: Prisma,
    private readonly keys: SigningKeys,
    private readonly audit: AuditLog,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async unlock(user: AccessClaims, password: string, action: string, entity: { type: string; id: string; consultationId?: string }): Promise<UnlockedKey> {
    const since = new Date(this.now().getTime() - LOCK_MS);
    const failures = await this.prisma.auditEvent.count({ where: { actorId: user.sub, action, outcome: 'invalid_credentials', at: { gte: since } } });
    if (failures >= MAX_FAILURES) throw new AppError('account_locked', 'Too many wrong passwords; signing is locked for 15 minutes');
    const me = await this.prisma.user.findUniqueOrThrow({ where: { id: user.sub } });
    if (!(await verifyPassword(password, me.passwordHash))) {
      await this.audit.record({ action, outcome: 'invalid_credentials', actorId: user.sub, actorRole: user.role, institutionId: user.inst, entityType: entity.type, entityId: entity.id, consultationId: entity.consultationId });
      throw new AppError('invalid_credentials', 'The password is not correct; nothing was signed');
    }
    return this.keys.unlock(user.sub, password);
  }
}
