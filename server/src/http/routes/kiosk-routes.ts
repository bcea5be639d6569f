import { Router, type RequestHandler } from 'express';
import { KioskUnlockRequestSchema } from '@cloudclinic/shared';
import { parseOrThrow } from '../../lib/validation';
import type { Kiosk } from '../../modules/kiosk/create-kiosk';
import type { AbuseLimits } from '../middleware/abuse-limits';
import { handle } from '../handler';
import { authOf } from '../middleware/auth';

/** A malformed body is no PIN guess: it is answered 400 before the limiter counts anything. */
const wellFormedPin: RequestHandler = (req, _res, next) => {
  try {
    parseOrThrow(KioskUnlockRequestSchema, req.body ?? {}, 'request body');
    next();
  } catch (err) {
    next(err);
  }
};

/** Kiosk mode: leaving it needs the institution's staff PIN (rate-limited like a password). */
export function kioskRoutes(kiosk: Kiosk, limits: Pick<AbuseLimits, 'kioskPin'>): Router {
  const r = Router();
  r.post(
    '/kiosk/unlock',
    wellFormedPin,
    ...limits.kioskPin,
    handle({ body: KioskUnlockRequestSchema }, ({ req, body }) => kiosk.pin.unlock(authOf(req), body.pin, { ip: req.ip, requestId: req.requestId })),
  );
  return r;
}
