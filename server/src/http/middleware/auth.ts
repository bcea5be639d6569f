import type { NextFunction, Request, Response } from 'express';
import type { AccessClaims, Role } from '@cloudclinic/shared';
import { AppError, forbidden, unauthorized } from '../../lib/errors';
import type { AccessSessions } from '../../modules/auth/access-sessions';

export function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const m = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
  return m?.[1] ?? null;
}

/**
 * Requires a valid access token of a live session of an enabled user; the user as the database has
 * it now (role, institution) lands on `req.auth`.
 */
export function requireAuth(sessions: AccessSessions, opts: { onDenied?: (req: Request, err: AppError) => Promise<void> } = {}) {
  const deny = (req: Request, err: AppError, next: NextFunction): void => {
    if (!opts.onDenied) return next(err);
    opts.onDenied(req, err).then(
      () => next(err),
      () => next(err),
    );
  };
  return (req: Request, _res: Response, next: NextFunction): void => {
    const token = bearerToken(req.header('authorization'));
    if (!token) return deny(req, unauthorized(), next);
    sessions.verify(token).then(
      (v) => {
        req.auth = v.auth;
        next();
      },
      (err: unknown) => deny(req, err instanceof AppError ? err : unauthorized('Invalid access token'), next),
    );
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
