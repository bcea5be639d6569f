import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../../lib/errors';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function hasBody(req: Request): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0';
}

/**
 * JSON routes take JSON only: a request with a body of another type answers 415 before any handler
 * runs (otherwise the body is silently dropped and the handler sees `{}`). `except` lists the paths
 * (relative to where this is mounted) whose routes declare a body type of their own.
 */
export function jsonOnly(opts: { except: RegExp[] }) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!WITH_BODY.has(req.method) || !hasBody(req) || req.is('application/json')) return next();
    if (opts.except.some((re) => re.test(req.path))) return next();
    next(new AppError('unsupported_media_type', 'This route accepts only application/json bodies'));
  };
}
