import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppError } from '../../lib/errors';

export interface RateLimitOptions {
  /** The counter's key for this request (the client IP, the username, the user id); null = not counted. */
  key: (req: Request) => string | null;
  /** 'failures': every request takes a point up front, a response below 400 gives it back. */
  count?: 'all' | 'failures';
}

/**
 * Express middleware over a rate-limiter-flexible limiter: beyond its points answers 429
 * `rate_limited` with `Retry-After` (seconds). Taking the point before the handler runs makes the limit
 * hold for parallel requests too.
 */
export function rateLimit(limiter: RateLimiterAbstract, opts: RateLimitOptions): RequestHandler {
  return (req: Request, res: Response, next: NextFunction): void => {
    const key = opts.key(req);
    if (key === null) return next();
    limiter.consume(key).then(
      () => {
        if (opts.count === 'failures') {
          res.once('finish', () => {
            if (res.statusCode < 400) void limiter.reward(key).catch(() => undefined);
          });
        }
        next();
      },
      (rej: unknown) => {
        if (!(rej instanceof RateLimiterRes)) return next(new AppError('unavailable', 'Rate limit store unavailable; try again shortly'));
        const seconds = Math.max(1, Math.ceil(rej.msBeforeNext / 1000));
        res.setHeader('Retry-After', String(seconds));
        next(new AppError('rate_limited', 'Too many attempts; try again later', { retryAfterSeconds: seconds }));
      },
    );
  };
}

/** The client address (behind a proxy only with TRUST_PROXY). */
export const byIp = (req: Request): string | null => req.ip ?? req.socket.remoteAddress ?? null;

/** The authenticated user (after requireAuth). */
export const byUser = (req: Request): string | null => req.auth?.sub ?? null;

/** The username in a JSON login body, normalised; absent or not a string: not counted here. */
export const byBodyUsername = (req: Request): string | null => {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || !('username' in body)) return null;
  const u = body.username;
  return typeof u === 'string' ? u.trim().toLowerCase().slice(0, 128) : null;
};
