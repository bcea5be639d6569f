import { z } from 'zod';
import { ConsultationRequestListSchema } from '../api/consultation-requests';

/** Live 远程会诊申请 lists: the county doctor's 我的申请 and the provincial inbox, each the list this user may see. */
export const requestInboxRequests = {
  'requests.watch': { req: z.object({}), res: ConsultationRequestListSchema },
  'requests.unwatch': { req: z.object({}), res: z.object({}) },
} as const;

export const requestInboxNotifications = {
  'requests.changed': ConsultationRequestListSchema,
} as const;

export type RequestInboxRequests = typeof requestInboxRequests;
