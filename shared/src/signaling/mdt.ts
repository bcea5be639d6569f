import { z } from 'zod';
import { IdSchema } from '../api/common';

/**
 * A sitting's screens follow the chair live: `mdt.watch` (checked like reading the sitting), then a
 * `mdt.changed` ping after every move (start, next, reorder, a case filed); the screen reads the
 * sitting again over REST, with the reader's own view of it.
 */
export const mdtRequests = {
  'mdt.watch': { req: z.object({ meetingId: IdSchema }), res: z.object({}) },
  'mdt.unwatch': { req: z.object({ meetingId: IdSchema }), res: z.object({}) },
} as const;

export const mdtNotifications = {
  'mdt.changed': z.object({ meetingId: IdSchema }),
} as const;

export type MdtRequests = typeof mdtRequests;
