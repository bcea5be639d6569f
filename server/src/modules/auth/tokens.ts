import crypto from 'node:crypto';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import { AccessClaimsSchema, type AccessClaims } from '@cloudclinic/shared';
import { AppError } from '../../lib/errors';

const ISSUER = 'cloudclinic';
const AUDIENCE = 'cloudclinic-api';
const ALG = 'HS256';

/** What a verified access token says: the claims, the session (refresh-token family) and when it ends. */
export interface AccessToken {
  claims: AccessClaims;
  sessionId: string;
  expiresAt: Date;
}

const PayloadSchema = AccessClaimsSchema.extend({ sid: z.string().min(1).max(64), exp: z.number().int(), iat: z.number().int() });

export interface TokenSigner {
  signAccess(claims: AccessClaims, sessionId: string): Promise<string>;
  /** Signature, algorithm, issuer, audience and `exp` (required); `token_expired` or `unauthorized` (401). */
  verifyAccess(token: string): Promise<AccessToken>;
  accessTtlSeconds: number;
}

export function hmacKey(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Access tokens: HS256 JWTs (jose) with `exp`, `iat` and the session id `sid` always present. */
export function createTokenSigner(secret: string, accessTtlSeconds: number): TokenSigner {
  const key = hmacKey(secret);
  return {
    accessTtlSeconds,
    signAccess(claims, sessionId) {
      return new SignJWT({ ...claims, sid: sessionId })
        .setProtectedHeader({ alg: ALG, typ: 'JWT' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${accessTtlSeconds}s`)
        .sign(key);
    },
    async verifyAccess(token) {
      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, key, { algorithms: [ALG], issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['exp', 'iat', 'sub'] }));
      } catch (err) {
        if (err instanceof joseErrors.JWTExpired) throw new AppError('token_expired', 'Access token expired');
        throw new AppError('unauthorized', 'Invalid access token');
      }
      const parsed = PayloadSchema.safeParse(payload);
      if (!parsed.success) throw new AppError('unauthorized', 'Invalid access token');
      const { sid, exp, iat: _iat, ...claims } = parsed.data;
      return { claims, sessionId: sid, expiresAt: new Date(exp * 1000) };
    },
  };
}

/** Opaque refresh token; only its SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = crypto.randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
