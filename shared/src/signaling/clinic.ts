import { z } from 'zod';
import { IdSchema } from '../api/common';
import { KioskAppointmentViewSchema, QueueViewSchema } from '../api/clinic';

/** Live clinic screens: the expert's queue, the kiosk's own appointment. */
export const clinicRequests = {
  'queue.watch': { req: z.object({ sessionId: IdSchema }), res: QueueViewSchema },
  'queue.unwatch': { req: z.object({ sessionId: IdSchema }), res: z.object({}) },
  'appointment.watch': { req: z.object({ appointmentId: IdSchema }), res: KioskAppointmentViewSchema },
  'appointment.unwatch': { req: z.object({ appointmentId: IdSchema }), res: z.object({}) },
} as const;

export const clinicNotifications = {
  'queue.changed': QueueViewSchema,
  'appointment.changed': KioskAppointmentViewSchema,
} as const;

export type ClinicRequests = typeof clinicRequests;
export type ClinicNotifications = typeof clinicNotifications;
