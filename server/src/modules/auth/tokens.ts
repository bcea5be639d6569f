import crypto from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AccessClaimsSchema, type AccessClaims } from '@cloudclinic/shared';
import { AppError } from '../../lib/errors';

const ISSUER = 'cloudclinic';
const AUDIENCE = 'cloudclinic-api';

export interface TokenSigner {
  signAccess(claims: AccessClaims): string;
  verifyAccess(token: string): AccessClaims;
  accessTtlSeconds: number;
}

export function createTokenSigner(secret: string, accessTtlSeconds: number): TokenSigner {
  return {
    accessTtlSeconds,
    signAccess(claims) {
      return jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: accessTtlSeconds, issuer: ISSUER, audience: AUDIENCE });
    },
    verifyAccess(token) {
      let payload: unknown;
      try {
        payload = jwt.verify(token, secret, { algorithms: ['HS256'], issuer: ISSUER, audience: AUDIENCE });
      } catch (err) {
        if (err instanceof jwt.TokenExpiredError) throw new AppError('token_expired', 'Access token expired');
        throw new AppError('unauthorized', 'Invalid access token');
      }
      const claims = AccessClaimsSchema.safeParse(payload);
      if (!claims.success) throw new AppError('unauthorized', 'Invalid access token');
      return claims.data;
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
