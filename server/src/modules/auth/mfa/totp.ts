import crypto from 'node:crypto';
import { generate, generateSecret, generateURI } from 'otplib';

export const TOTP_PERIOD_SECONDS = 30;
/** Steps either side of now that are accepted (clock drift of a phone): ±1 step, ±30 s. */
const DRIFT_STEPS = 1;
export const TOTP_ISSUER = 'CloudClinic 云门诊';

export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** `otpauth://totp/…` for authenticator apps (issuer CloudClinic 云门诊, the username as account). */
export function otpauthUri(secret: string, username: string): string {
  return generateURI({ issuer: TOTP_ISSUER, label: username, secret, period: TOTP_PERIOD_SECONDS, digits: 6, algorithm: 'sha1' });
}

export function stepAt(epochMs: number): number {
  return Math.floor(epochMs / 1000 / TOTP_PERIOD_SECONDS);
}

/**
 * The time step whose code `code` is (now ± drift), or null. Every candidate is compared in constant
 * time; the caller refuses a step that was already used (replay).
 */
export async function matchTotpStep(secret: string, code: string, nowMs = Date.now()): Promise<number | null> {
  const now = stepAt(nowMs);
  let matched: number | null = null;
  for (let step = now - DRIFT_STEPS; step <= now + DRIFT_STEPS; step++) {
    const expected = await generate({ secret, epoch: step * TOTP_PERIOD_SECONDS, period: TOTP_PERIOD_SECONDS, digits: 6, algorithm: 'sha1' });
    if (expected.length === code.length && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(code))) matched ??= step;
  }
  return matched;
}
