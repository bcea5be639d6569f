import type { AccessClaims, MfaEnrolmentStart, MfaRecoveryCodes, MfaStatus } from '@cloudclinic/shared';
import type { Prisma } from '../../../db/database';
import { AppError, conflict, forbidden, notFound } from '../../../lib/errors';
import type { AuditLog } from '../../audit/audit-log';
import type { RequestMeta } from '../auth-service';
import type { LoginLockout } from '../lockout';
import { verifyPassword } from '../password';
import type { MfaPolicy } from './mfa-policy';
import type { SecondFactors } from './second-factors';
import { otpauthUri } from './totp';

/**
 * A signed-in user's own second factor (the security page): status, enrolment, disabling with password
 * and code; and an admin's reset of someone else's. Every change and every failed code is audited.
 */
export class MfaAccount {
  constructor(
    private readonly prisma: Prisma,
    private readonly factors: SecondFactors,
    private readonly policy: MfaPolicy,
    private readonly lockout: LoginLockout,
    private readonly audit: AuditLog,
  ) {}

  async status(me: AccessClaims): Promise<MfaStatus> {
    const state = await this.factors.state(me.sub);
    return { available: this.policy.available(me.role), enrolled: state.enrolled, required: this.policy.required(me.role), recoveryCodesLeft: state.recoveryCodesLeft };
  }

  async begin(me: AccessClaims, meta: RequestMeta): Promise<MfaEnrolmentStart> {
    if (!this.policy.available(me.role)) throw forbidden('Device accounts do not use two-factor sign-in');
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: me.sub }, select: { username: true } });
    const secret = await this.factors.begin(me.sub);
    if (!secret) throw conflict('Two-factor sign-in is already set up; disable it first to enrol a new device');
    await this.audit.record({ ...actorOf(me, meta), action: 'auth.mfa.enrol', outcome: 'started' });
    return { secret, otpauthUri: otpauthUri(secret, user.username) };
  }

  async confirm(me: AccessClaims, code: string, meta: RequestMeta): Promise<MfaRecoveryCodes> {
    if (!this.policy.available(me.role)) throw forbidden('Device accounts do not use two-factor sign-in');
    const recoveryCodes = await this.factors.confirm(me.sub, code);
    if (!recoveryCodes) {
      await this.audit.record({ ...actorOf(me, meta), action: 'auth.mfa.enrol', outcome: 'wrong_code' });
      throw new AppError('invalid_credentials', 'Wrong code, or no enrolment was started');
    }
    await this.audit.record({ ...actorOf(me, meta), action: 'auth.mfa.enrol', outcome: 'confirmed' });
    return { recoveryCodes };
  }

  /** Needs the password and a current code (or a recovery code); a failure counts towards the lockout. */
  async disable(me: AccessClaims, password: string, code: string, meta: RequestMeta): Promise<void> {
    if (this.policy.required(me.role)) throw forbidden('Your role must sign in with two factors; it cannot be turned off');
    const user = await this.prisma.user.findUniqueOrThrow({ where: { id: me.sub }, select: { passwordHash: true } });
    const passwordOk = await verifyPassword(password, user.passwordHash);
    const outcome = passwordOk ? await this.factors.check(me.sub, code) : 'wrong';
    const ok = (outcome === 'totp' || outcome === 'recovery') && (await this.lockout.recordSuccess(me.sub));
    if (!ok) {
      if (outcome === 'wrong' || outcome === 'replayed') await this.lockout.recordFailure(me.sub);
      await this.audit.record({ ...actorOf(me, meta), action: 'auth.mfa.disable', outcome: passwordOk ? 'wrong_code' : 'wrong_password' });
      throw new AppError('invalid_credentials', 'Wrong password or code');
    }
    await this.factors.remove(me.sub);
    await this.audit.record({ ...actorOf(me, meta), action: 'auth.mfa.disable', outcome: 'ok' });
  }

  /** An admin removes a user's second factor (lost phone); the user's sessions end, the next sign-in enrols again. */
  async reset(admin: AccessClaims, userId: string, meta: RequestMeta): Promise<void> {
    if (admin.role !== 'admin') throw forbidden('Only an administrator may reset two-factor sign-in');
    const target = await this.prisma.user.findUnique({ where: { id: userId }, select: { id: true } });
    if (!target) throw notFound('User');
    const removed = await this.factors.remove(userId);
    await this.prisma.refreshToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
    await this.audit.record({ ...actorOf(admin, meta), action: 'auth.mfa.reset', outcome: removed ? 'ok' : 'not_enrolled', entityType: 'User', entityId: userId });
  }
}

function actorOf(me: AccessClaims, meta: RequestMeta) {
  return { actorId: me.sub, actorRole: me.role, institutionId: me.inst, ...meta };
}
