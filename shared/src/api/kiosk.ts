import { z } from 'zod';

/** The staff PIN that takes a kiosk out of kiosk mode: 4–8 digits. */
export const KioskStaffPinSchema = z.string().regex(/^\d{4,8}$/, 'a PIN is 4 to 8 digits');

/** `POST /api/kiosk/unlock`: staff prove they may leave kiosk mode (sign the kiosk out). */
export const KioskUnlockRequestSchema = z.object({ pin: KioskStaffPinSchema }).strict();
export type KioskUnlockRequest = z.infer<typeof KioskUnlockRequestSchema>;

export const KioskUnlockResponseSchema = z.object({ unlocked: z.literal(true) });
export type KioskUnlockResponse = z.infer<typeof KioskUnlockResponseSchema>;

/** Where the patient was when they asked for help (no patient data travels with the call). */
export const KioskScreenSchema = z.enum(['checkin', 'consent', 'device-check', 'waiting', 'in-room', 'summary']);
export type KioskScreen = z.infer<typeof KioskScreenSchema>;
