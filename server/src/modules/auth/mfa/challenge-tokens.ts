import crypto from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { MfaStepSchema, type MfaStep } from '@cloudclinic/shared';
import { AppError } from '../../../lib/errors';

const ISSUER = 'cloudclinic';
/** Not the access tokens' audience, signed with another key, typed differently: never an access token. */
const AUDIENCE = 'cloudclinic-mfa';
const TYP = 'mfa-challenge+jwt';
const ALG = 'HS256';
export const CHALLENGE_TTL_SECONDS = 5 * 60;

const PayloadSchema = z.object({ sub: z.string().min(1).max(64), purpose: MfaStepSchema, jti: z.string(), exp: z.number().int() });

export interface Challenge {
  userId: string;
  purpose: MfaStep;
}

export interface ChallengeTokens {
  sign(userId: string, purpose: MfaStep): Promise<string>;
  /** The challenge for `purpose`; 401 `token_expired` or `unauthorized` for anything else. */
  verify(token: string, purpose: MfaStep): Promise<Challenge>;
  ttlSeconds: number;
}

/** The token between the password step and the second step of a sign-in: HS256 (jose), a few minutes, one purpose. */
export function createChallengeTokens(serverSecret: string, ttlSeconds = CHALLENGE_TTL_SECONDS): ChallengeTokens {
  const key = crypto.createHmac('sha256', serverSecret).update('cloudclinic|mfa-challenge').digest();
  return {
    ttlSeconds,
    sign(userId, purpose) {
      return new SignJWT({ purpose })
        .setProtectedHeader({ alg: ALG, typ: TYP })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setSubject(userId)
        .setJti(crypto.randomUUID())
        .setIssuedAt()
        .setExpirationTime(`${ttlSeconds}s`)
        .sign(key);
    },
    async verify(token, purpose) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, key, { algorithms: [ALG], issuer: ISSUER, audience: AUDIENCE, typ: TYP, requiredClaims: ['exp', 'sub', 'jti'] }));
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw new AppError('token_expired', 'Sign-in step expired; sign in again');
        throw new AppError('unauthorized', 'Invalid sign-in challenge');
      }
      const parsed = PayloadSchema.safeParse(payload);
      if (!parsed.success || parsed.data.purpose !== purpose) throw new AppError('unauthorized', 'Invalid sign-in challenge');
      return { userId: parsed.data.sub, purpose };
    },
  };
}
