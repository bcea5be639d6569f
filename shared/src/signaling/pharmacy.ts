import { z } from 'zod';
import { IdSchema } from '../api/common';
import { PrescriptionListSchema } from '../api/prescriptions';

/**
 * Live prescription screens: the county pharmacist's review queue (审方) and the expert's
 * prescriptions of one consultation (a rejection shows up at once).
 */
export const pharmacyRequests = {
  'rx.queue.watch': { req: z.object({}), res: PrescriptionListSchema },
  'rx.queue.unwatch': { req: z.object({}), res: z.object({}) },
  'rx.consultation.watch': { req: z.object({ consultationId: IdSchema }), res: PrescriptionListSchema },
  'rx.consultation.unwatch': { req: z.object({ consultationId: IdSchema }), res: z.object({}) },
} as const;

export const pharmacyNotifications = {
  'rx.queue.changed': PrescriptionListSchema,
  'rx.consultation.changed': PrescriptionListSchema.extend({ consultationId: z.string() }),
} as const;

export type PharmacyRequests = typeof pharmacyRequests;
export type PharmacyNotifications = typeof pharmacyNotifications;
