import type { Prisma } from '../../../db/database';
import type { SecretBox } from '../../../lib/secret-box';
import { hashRecoveryCode, newRecoveryCodes } from './recovery-codes';
import { matchTotpStep, newTotpSecret } from './totp';
import { RecoveryCodeSchema, TotpCodeSchema } from '@cloudclinic/shared';

/** How a code was accepted, or why not. `replayed`: right code of a step already used. */
export type CodeCheck = 'totp' | 'recovery' | 'wrong' | 'replayed';

const aad = (userId: string) => `cloudclinic-totp|${userId}`;

/**
 * The stored second factors of users: the TOTP secret (sealed), the last accepted time step, the hashed
 * recovery codes. The only Prisma user for them. Every consumption is one conditional UPDATE, so two
 * parallel requests cannot both use one code.
 */
export class SecondFactors {
  constructor(
    private readonly prisma: Prisma,
    private readonly box: SecretBox,
  ) {}

  async state(userId: string): Promise<{ enrolled: boolean; pending: boolean; recoveryCodesLeft: number }> {
    const [row, left] = await Promise.all([
      this.prisma.mfaEnrolment.findUnique({ where: { userId }, select: { confirmedAt: true } }),
      this.prisma.mfaRecoveryCode.count({ where: { userId, usedAt: null } }),
    ]);
    return { enrolled: Boolean(row?.confirmedAt), pending: Boolean(row && !row.confirmedAt), recoveryCodesLeft: row?.confirmedAt ? left : 0 };
  }

  /** A fresh secret for an account that has no confirmed one (replaces an unconfirmed one); false when already enrolled. */
  async begin(userId: string): Promise<string | null> {
    const secret = newTotpSecret();
    const sealed = this.box.seal(secret, aad(userId));
    const existing = await this.prisma.mfaEnrolment.findUnique({ where: { userId }, select: { confirmedAt: true } });
    if (existing?.confirmedAt) return null;
    if (!existing) {
      const created = await this.prisma.mfaEnrolment.createMany({ data: [{ userId, ...sealed }], skipDuplicates: true });
      if (created.count === 1) return secret;
    }
    const replaced = await this.prisma.mfaEnrolment.updateMany({ where: { userId, confirmedAt: null }, data: { ...sealed, lastUsedStep: null } });
    return replaced.count === 1 ? secret : null;
  }

  /** Confirms a pending enrolment with a current code; the new recovery codes (plain, to show once), or null. */
  async confirm(userId: string, code: string): Promise<string[] | null> {
    const totp = TotpCodeSchema.safeParse(code);
    if (!totp.success) return null;
    const row = await this.prisma.mfaEnrolment.findUnique({ where: { userId } });
    if (!row || row.confirmedAt) return null;
    const secret = this.box.open(row, aad(userId));
    const step = secret ? await matchTotpStep(secret, totp.data) : null;
    if (step === null) return null;
    const codes = newRecoveryCodes();
    const confirmed = await this.prisma.$transaction(async (tx) => {
      const done = await tx.mfaEnrolment.updateMany({ where: { userId, confirmedAt: null, ciphertext: row.ciphertext }, data: { confirmedAt: new Date(), lastUsedStep: step } });
      if (done.count !== 1) return false;
      await tx.mfaRecoveryCode.deleteMany({ where: { userId } });
      await tx.mfaRecoveryCode.createMany({ data: codes.map((c) => ({ userId, codeHash: hashRecoveryCode(c) })) });
      return true;
    });
    return confirmed ? codes : null;
  }

  /** Checks and consumes a TOTP code (each time step once) or a recovery code (once) of an enrolled user. */
  async check(userId: string, code: string): Promise<CodeCheck> {
    const row = await this.prisma.mfaEnrolment.findUnique({ where: { userId } });
    if (!row?.confirmedAt) return 'wrong';
    const totp = TotpCodeSchema.safeParse(code);
    if (totp.success) {
      const secret = this.box.open(row, aad(userId));
      const step = secret ? await matchTotpStep(secret, totp.data) : null;
      if (step === null) return 'wrong';
      const used = await this.prisma.mfaEnrolment.updateMany({
        where: { userId, confirmedAt: { not: null }, OR: [{ lastUsedStep: null }, { lastUsedStep: { lt: step } }] },
        data: { lastUsedStep: step },
      });
      return used.count === 1 ? 'totp' : 'replayed';
    }
    const recovery = RecoveryCodeSchema.safeParse(code);
    if (!recovery.success) return 'wrong';
    const used = await this.prisma.mfaRecoveryCode.updateMany({ where: { userId, codeHash: hashRecoveryCode(recovery.data), usedAt: null }, data: { usedAt: new Date() } });
    return used.count === 1 ? 'recovery' : 'wrong';
  }

  /** Removes the second factor and its recovery codes. */
  async remove(userId: string): Promise<boolean> {
    const [gone] = await this.prisma.$transaction([this.prisma.mfaEnrolment.deleteMany({ where: { userId } }), this.prisma.mfaRecoveryCode.deleteMany({ where: { userId } })]);
    return gone.count > 0;
  }
}
