import type { AccessClaims } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { AppError } from '../../lib/errors';
import type { AuditLog } from '../audit/audit-log';
import { dummyPasswordHash, verifyPassword } from '../auth/password';
import { assertKiosk } from './kiosk-policy';

export interface RequestMeta {
  ip?: string | undefined;
  requestId: string;
}

/**
 * The staff PIN of the kiosk's own institution (scrypt-hashed at rest) lets staff take the kiosk out
 * of kiosk mode. Every attempt is audited; a wrong PIN is 403 and counts against the rate limit.
 */
export function createStaffPin(prisma: Prisma, audit: AuditLog) {
  return {
    async unlock(user: AccessClaims, pin: string, meta: RequestMeta): Promise<{ unlocked: true }> {
      const actor = { actorId: user.sub, actorRole: user.role, institutionId: user.inst, entityType: 'institution', entityId: user.inst, ...meta };
      try {
        assertKiosk(user);
      } catch (err) {
        await audit.record({ ...actor, action: 'kiosk.unlock', outcome: 'forbidden' });
        throw err;
      }
      const inst = await prisma.institution.findUnique({ where: { id: user.inst }, select: { kioskStaffPinHash: true } });
      // Without a PIN on record nobody can unlock: compare against a dummy so the timing is the same.
      const ok = await verifyPassword(pin, inst?.kioskStaffPinHash ?? (await dummyPasswordHash()));
      const outcome = !inst?.kioskStaffPinHash ? 'no_pin_set' : ok ? 'success' : 'wrong_pin';
      await audit.record({ ...actor, action: 'kiosk.unlock', outcome });
      if (outcome !== 'success') throw new AppError('forbidden', 'Wrong staff PIN');
      return { unlocked: true };
    },
  };
}

export type StaffPin = ReturnType<typeof createStaffPin>;
