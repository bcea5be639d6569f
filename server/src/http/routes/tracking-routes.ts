import { Router } from 'express';
import { TrackingQuerySchema } from '@cloudclinic/shared';
import type { Tracking } from '../../modules/tracking/create-tracking';
import { handle } from '../handler';
import { authOf } from '../middleware/auth';

/** The coordinator's tracking dashboard: requests and referrals by state, turnaround, completion. */
export function trackingRoutes(tracking: Tracking): Router {
  const r = Router();
  r.get('/tracking', handle({ query: TrackingQuerySchema }, ({ req, query }) => tracking.stats(authOf(req), query)));
  return r;
}
