import type { ReferralStatus } from '@cloudclinic/shared';
import { z } from 'zod';
import type { HisClient } from '../../integrations/his';
import type { Outbox } from '../outbox/outbox';
import { BUSINESS, REFERRAL_IDENTIFIER_SYSTEM, TASK_STATUS } from './referral-writeback';

export const REFERRAL_STATUS_WRITEBACK = 'referral.his.status';

const JobSchema = z.object({ referralId: z.string(), status: z.enum(['completed', 'cancelled']), at: z.string() });
const Versioned = z.looseObject({ id: z.string(), meta: z.looseObject({ versionId: z.string().optional() }).optional() });

/** The outbox job that moves a booked referral's Task (and order) on in the HIS: one per referral and state. */
export function referralStatusJob(referralId: string, status: Extract<ReferralStatus, 'completed' | 'cancelled'>, at: Date) {
  return { kind: REFERRAL_STATUS_WRITEBACK, dedupeKey: `${REFERRAL_STATUS_WRITEBACK}:${referralId}:${status}`, payload: { referralId, status, at: at.toISOString() } };
}

/**
 * Delivery: finds the Task and ServiceRequest the booking wrote (by our identifier) and updates them
 * on the version read. Until the booking has landed there is nothing to update: the job fails and is
 * retried with the outbox's backoff. A repeated delivery writes the same state again.
 */
export function registerReferralStatusWriteback(outbox: Outbox, his: HisClient): void {
  outbox.on(REFERRAL_STATUS_WRITEBACK, async (payload) => {
    const job = JobSchema.parse(payload);
    const identifier = `${REFERRAL_IDENTIFIER_SYSTEM}|${job.referralId}`;
    const [task] = await his.search('Task', { identifier });
    const [order] = await his.search('ServiceRequest', { identifier });
    if (!task || !order) throw new Error('the booking has not reached the HIS yet');
    const t = Versioned.parse(task);
    const o = Versioned.parse(order);
    await his.update({ ...task, id: t.id, status: TASK_STATUS[job.status], businessStatus: { text: BUSINESS[job.status] }, lastModified: job.at }, t.meta?.versionId ? { ifMatch: t.meta.versionId } : {});
    await his.update({ ...order, id: o.id, status: job.status === 'completed' ? 'completed' : 'revoked' }, o.meta?.versionId ? { ifMatch: o.meta.versionId } : {});
  });
}
