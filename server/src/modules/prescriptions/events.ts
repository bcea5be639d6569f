import type { Prisma } from '../../db/database';
import type { EventBus } from '../events/event-bus';

declare module '../events/event-bus' {
  interface DomainEvents {
    /** A prescription changed state (or its draft changed): the review queue and the expert's pad follow it. */
    'prescription.changed': { prescriptionId: string; consultationId: string; institutionId: string };
  }
}

/** Tells the pharmacy queue, the expert's pad and the patient's kiosk (end-of-visit summary). */
export async function publishPrescriptionChanged(
  prisma: Prisma,
  events: EventBus,
  rx: { id: string; consultationId: string; institutionId: string },
): Promise<void> {
  events.publish('prescription.changed', { prescriptionId: rx.id, consultationId: rx.consultationId, institutionId: rx.institutionId });
  const c = await prisma.consultation.findUnique({ where: { id: rx.consultationId }, select: { appointment: { select: { id: true, sessionId: true, institutionId: true } } } });
  const a = c?.appointment;
  if (a) events.publish('appointment.changed', { appointmentId: a.id, sessionId: a.sessionId, institutionId: a.institutionId });
}
