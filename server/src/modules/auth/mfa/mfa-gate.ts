import type { MfaChallenge, Role } from '@cloudclinic/shared';
import type { ChallengeTokens } from './challenge-tokens';
import type { MfaPolicy } from './mfa-policy';
import type { SecondFactors } from './second-factors';

interface Account {
  id: string;
  role: Role;
}

/** What the password step leads to: a session, a code to send, or an enrolment to finish first. */
export class MfaGate {
  constructor(
    private readonly factors: SecondFactors,
    private readonly policy: MfaPolicy,
    private readonly challenges: ChallengeTokens,
  ) {}

  /** null: no second step, issue the session. */
  async challengeFor(user: Account): Promise<MfaChallenge | null> {
    if (!this.policy.available(user.role)) return null;
    const { enrolled } = await this.factors.state(user.id);
    const step = enrolled ? 'code' : this.policy.required(user.role) ? 'enrol' : null;
    if (!step) return null;
    return { mfa: step, challengeToken: await this.challenges.sign(user.id, step), expiresIn: this.challenges.ttlSeconds };
  }

  /** A refresh keeps a session only while the user's role is not required to have a factor they lack. */
  async sessionAllowed(user: Account): Promise<boolean> {
    if (!this.policy.required(user.role)) return true;
    return (await this.factors.state(user.id)).enrolled;
  }
}
