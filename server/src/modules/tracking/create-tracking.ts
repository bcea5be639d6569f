import { clinicDate, type AccessClaims, type TrackingQuery, type TrackingStats } from '@cloudclinic/shared';
import type { Prisma } from '../../db/database';
import { followUpFigures } from './follow-up-figures';
import { referralFigures } from './referral-figures';
import { requestFigures } from './request-figures';
import { trackingSeries } from './series';
import { TrackingPolicy } from './tracking-policy';
import { trackingWindow } from './window';

/** The coordinator's tracking figures: read-only aggregates over requests, referrals and follow-up plans. */
export interface Tracking {
  stats(user: AccessClaims, query: TrackingQuery): Promise<TrackingStats>;
}

export function createTracking(deps: { prisma: Prisma; now?: () => Date }): Tracking {
  const now = deps.now ?? (() => new Date());
  return {
    async stats(user, query) {
      TrackingPolicy.assertMayRead(user);
      const at = now();
      const w = trackingWindow(query, at);
      // One after another: the embedded database serves one query at a time anyway.
      const requests = await requestFigures(deps.prisma, w);
      const referrals = await referralFigures(deps.prisma, w);
      const followUp = await followUpFigures(deps.prisma, w, clinicDate(at));
      const series = await trackingSeries(deps.prisma, w);
      return { range: { from: w.from, to: w.to, days: w.days }, requests, referrals, followUp, series };
    },
  };
}
