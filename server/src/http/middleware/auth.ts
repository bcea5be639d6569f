import type { NextFunction, Request, Response } from 'express';
import type { AccessClaims, Role } from '@cloudclinic/shared';
import { AppError, forbidden, unauthorized } from '../../lib/errors';
import type { TokenSigner } from '../../modules/auth/tokens';

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  return m?.[1] ?? null;
}

/** Requires a valid access token; the verified claims land on `req.auth`. */
export function requireAuth(signer: TokenSigner) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const token = bearerToken(req.header('authorization'));
    if (!token) return next(unauthorized());
    try {
      req.auth = signer.verifyAccess(token);
      next();
    } catch (err) {
      next(err instanceof AppError ? err : unauthorized('Invalid access token'));
    }
  };
}

export function requireRole(...roles: Role[]) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!req.auth) return next(unauthorized());
    if (!roles.includes(req.auth.role)) return next(forbidden(`This action requires role ${roles.join(' or ')}`));
    next();
  };
}

export function authOf(req: Request): AccessClaims {
  if (!req.auth) throw unauthorized();
  return req.auth;
}
