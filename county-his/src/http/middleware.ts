import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { unauthorized, unavailable } from '../fhir/fhir-error';
import type { Faults } from './faults';

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Counts requests and applies injected faults before anything else runs. */
export function faultInjection(faults: Faults) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    faults.requests++;
    if (faults.latencyMs > 0) await sleep(faults.latencyMs);
    res.setHeader('Retry-After', '5');
    if (faults.outage) return next(unavailable('The county HIS is unavailable (outage)'));
    if (faults.failNext > 0) {
      faults.failNext--;
      return next(unavailable('The county HIS is temporarily unavailable'));
    }
    const type = /^\/fhir\/([A-Za-z]+)/.exec(req.path)?.[1];
    if (type !== undefined && faults.failingTypes.has(type)) return next(unavailable(`The ${type} service of the county HIS is unavailable`));
    if (faults.failingMethods.has(req.method)) return next(unavailable(`${req.method} requests to the county HIS fail`));
    res.removeHeader('Retry-After');
    next();
  };
}

/** Requires `Authorization: Bearer <token>` when a token is configured; /fhir/metadata stays open. */
export function bearerAuth(token: string | undefined) {
  const expected = token ? Buffer.from(token) : undefined;
  return (req: Request, _res: Response, next: NextFunction): void => {
    if (!expected || req.path === '/fhir/metadata') return next();
    const match = /^Bearer (.+)$/.exec(req.get('authorization') ?? '');
    const given = Buffer.from(match?.[1] ?? '');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return next(unauthorized());
    next();
  };
}
