import type { LoginResponse, MfaEnrolledLogin, MfaEnrolmentStart } from '@cloudclinic/shared';
import type { Prisma } from '../../../db/database';
import { AppError, conflict } from '../../../lib/errors';
import type { AuditLog } from '../../audit/audit-log';
import type { AuthService, RequestMeta } from '../auth-service';
import type { LoginLockout } from '../lockout';
import type { ChallengeTokens } from './challenge-tokens';
import type { MfaPolicy } from './mfa-policy';
import type { SecondFactors } from './second-factors';
import { otpauthUri } from './totp';

const wrongCode = () => new AppError('invalid_credentials', 'Wrong or already used code');

/**
 * The second step of a sign-in, after the password: a code (TOTP or recovery) for an enrolled account,
 * or the enrolment a required role must finish. A wrong, replayed or locked-out code answers like a wrong
 * password (401 `invalid_credentials`) and counts towards the account's lockout.
 */
export class MfaLogin {
  constructor(
    private readonly prisma: Prisma,
    private readonly auth: AuthService,
    private readonly factors: SecondFactors,
    private readonly policy: MfaPolicy,
    private readonly challenges: ChallengeTokens,
    private readonly lockout: LoginLockout,
    private readonly audit: AuditLog,
  ) {}

  async verify(challengeToken: string, code: string, meta: RequestMeta): Promise<LoginResponse> {
    const { userId } = await this.challenges.verify(challengeToken, 'code');
    const user = await this.account(userId);
    const actor = { actorId: user.id, actorRole: user.role, institutionId: user.institutionId, ...meta };
    const outcome = await this.factors.check(user.id, code);
    if (outcome === 'wrong' || outcome === 'replayed') {
      const locked = await this.lockout.recordFailure(user.id);
      await this.audit.record({ ...actor, action: 'auth.mfa.verify', outcome: outcome === 'replayed' ? 'code_replayed' : 'wrong_code', detail: { lockout: locked } });
      throw wrongCode();
    }
    if (!(await this.lockout.recordSuccess(user.id))) {
      await this.audit.record({ ...actor, action: 'auth.mfa.verify', outcome: 'account_locked' });
      throw wrongCode();
    }
    await this.audit.record({ ...actor, action: 'auth.login', outcome: 'ok', detail: { factor: outcome } });
    return this.auth.startSession(user.id);
  }

  /** A fresh secret for the enrolment a required role must do before its first session. */
  async startEnrolment(challengeToken: string, meta: RequestMeta): Promise<MfaEnrolmentStart> {
    const { userId } = await this.challenges.verify(challengeToken, 'enrol');
    const user = await this.account(userId);
    const secret = await this.factors.begin(user.id);
    if (!secret) throw conflict('Two-factor sign-in is already set up for this account');
    await this.audit.record({ actorId: user.id, actorRole: user.role, institutionId: user.institutionId, action: 'auth.mfa.enrol', outcome: 'started', ...meta });
    return { secret, otpauthUri: otpauthUri(secret, user.username) };
  }

  async confirmEnrolment(challengeToken: string, code: string, meta: RequestMeta): Promise<MfaEnrolledLogin> {
    const { userId } = await this.challenges.verify(challengeToken, 'enrol');
    const user = await this.account(userId);
    const actor = { actorId: user.id, actorRole: user.role, institutionId: user.institutionId, ...meta };
    const locked = user.lockedUntil !== null && user.lockedUntil > new Date();
    const recoveryCodes = locked ? null : await this.factors.confirm(user.id, code);
    if (!recoveryCodes) {
      await this.lockout.recordFailure(user.id);
      await this.audit.record({ ...actor, action: 'auth.mfa.enrol', outcome: 'wrong_code' });
      throw wrongCode();
    }
    await this.audit.record({ ...actor, action: 'auth.mfa.enrol', outcome: 'confirmed' });
    await this.audit.record({ ...actor, action: 'auth.login', outcome: 'ok', detail: { factor: 'enrolment' } });
    return { ...(await this.auth.startSession(user.id)), recoveryCodes };
  }

  private async account(userId: string) {
    const user = await this.prisma.user.findUnique({ where: { id: userId } });
    if (!user || user.disabled || !this.policy.available(user.role)) throw new AppError('unauthorized', 'Invalid sign-in challenge');
    return user;
  }
}
