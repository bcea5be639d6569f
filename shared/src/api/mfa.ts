import { z } from 'zod';
import { LoginResponseSchema } from './auth';

/**
 * Two-factor sign-in (TOTP, RFC 6238). After the right password, an account with a second factor
 * gets a challenge instead of tokens: `code` (send a 6-digit code or a recovery code) or `enrol`
 * (the role requires a second factor the account has not set up yet: enrol first).
 */
export const MFA_STEPS = ['code', 'enrol'] as const;
export const MfaStepSchema = z.enum(MFA_STEPS);
export type MfaStep = z.infer<typeof MfaStepSchema>;

export const MfaChallengeSchema = z.object({
  mfa: MfaStepSchema,
  /** Short-lived, single-purpose token: only the second step accepts it, never as an access token. */
  challengeToken: z.string().min(16).max(2048),
  /** Seconds the challenge stays valid. */
  expiresIn: z.number().int().positive(),
});
export type MfaChallenge = z.infer<typeof MfaChallengeSchema>;

/** What `POST /api/auth/login` answers: the session, or the second step to take. */
export const LoginResultSchema = z.union([LoginResponseSchema, MfaChallengeSchema]);
export type LoginResult = z.infer<typeof LoginResultSchema>;

/** A TOTP code: 6 digits (spaces typed for readability are dropped). */
export const TotpCodeSchema = z
  .string()
  .transform((s) => s.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'expected 6 digits'));

/** A one-time recovery code as shown at enrolment (`xxxxx-xxxxx`, case and dashes ignored). */
export const RecoveryCodeSchema = z
  .string()
  .transform((s) => s.replace(/[\s-]+/g, '').toLowerCase())
  .pipe(z.string().regex(/^[a-z2-7]{10}$/, 'expected a recovery code'));

/** A code typed at sign-in: a TOTP code or a recovery code. */
export const MfaCodeSchema = z.string().trim().min(6).max(32);

export const MfaVerifyRequestSchema = z.object({ challengeToken: z.string().min(16).max(2048), code: MfaCodeSchema });
export type MfaVerifyRequest = z.infer<typeof MfaVerifyRequestSchema>;

export const MfaEnrolmentStartSchema = z.object({
  /** Base32 secret, for typing into an authenticator app by hand. */
  secret: z.string().regex(/^[A-Z2-7]+=*$/),
  /** `otpauth://totp/…` URI, shown as a QR code. */
  otpauthUri: z.string().startsWith('otpauth://totp/'),
});
export type MfaEnrolmentStart = z.infer<typeof MfaEnrolmentStartSchema>;

export const MfaConfirmRequestSchema = z.object({ code: TotpCodeSchema });
export const MfaChallengeEnrolRequestSchema = z.object({ challengeToken: z.string().min(16).max(2048) });
export const MfaChallengeConfirmRequestSchema = MfaChallengeEnrolRequestSchema.extend({ code: TotpCodeSchema });

/** Recovery codes are shown once, here; only their hashes are kept. */
export const MfaRecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()).min(1) });
export type MfaRecoveryCodes = z.infer<typeof MfaRecoveryCodesSchema>;

/** Enrolment finished during sign-in: the recovery codes and the session. */
export const MfaEnrolledLoginSchema = LoginResponseSchema.extend({ recoveryCodes: z.array(z.string()).min(1) });
export type MfaEnrolledLogin = z.infer<typeof MfaEnrolledLoginSchema>;

export const MfaStatusSchema = z.object({
  /** May this account use a second factor at all (kiosk device accounts: no). */
  available: z.boolean(),
  enrolled: z.boolean(),
  /** The account's role must sign in with a second factor (MFA_REQUIRED_ROLES). */
  required: z.boolean(),
  recoveryCodesLeft: z.number().int().min(0),
});
export type MfaStatus = z.infer<typeof MfaStatusSchema>;

export const MfaDisableRequestSchema = z.object({ password: z.string().min(1).max(256), code: MfaCodeSchema });
export type MfaDisableRequest = z.infer<typeof MfaDisableRequestSchema>;
