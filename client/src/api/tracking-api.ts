import { TrackingStatsSchema, type TrackingStats } from '@cloudclinic/shared';
import { apiRequest } from './api-request';

/** The coordinator's tracking figures for a range of clinic days (both included). */
export const trackingApi = {
  stats: (range: { from: string; to: string }, signal?: AbortSignal): Promise<TrackingStats> =>
    apiRequest(`/api/tracking?from=${encodeURIComponent(range.from)}&to=${encodeURIComponent(range.to)}`, { schema: TrackingStatsSchema, ...(signal ? { signal } : {}) }),
};
