import { z } from 'zod';
import { KioskScreenSchema } from '../api/kiosk';

/** 呼叫工作人员: a kiosk asks the county staff of its institution to come and help. */
export const kioskRequests = {
  'kiosk.callStaff': { req: z.object({ screen: KioskScreenSchema }), res: z.object({ calledAt: z.string() }) },
} as const;

export const KioskStaffCallSchema = z.object({
  kioskId: z.string(),
  kioskName: z.string(),
  screen: KioskScreenSchema,
  calledAt: z.string(),
});
export type KioskStaffCall = z.infer<typeof KioskStaffCallSchema>;

/** Pushed to the county doctors and admins of the kiosk's institution (never to another institution). */
export const kioskNotifications = {
  'kiosk.staffCalled': KioskStaffCallSchema,
} as const;

export type KioskRequests = typeof kioskRequests;
export type KioskNotifications = typeof kioskNotifications;
