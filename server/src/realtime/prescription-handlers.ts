import { NOTIFICATION_EVENT, pharmacyRequests } from '@cloudclinic/shared';
import type { Logger } from '../lib/logger';
import type { EventBus } from '../modules/events/event-bus';
import type { Prescriptions } from '../modules/prescriptions/create-prescriptions';
import '../modules/prescriptions/events';
import type { Dispatcher } from './dispatcher';
import type { AppSocket } from './socket-types';

/** Coalesces bursts of changes (sign + submit …) into one push per screen. */
const PUSH_DELAY_MS = 50;

/**
 * Live prescription screens: the county pharmacist's review queue and the expert's prescriptions of a
 * consultation (a rejection shows at once). Each push is the view this socket's user may see, computed
 * by the same service calls (and policy) as REST.
 */
export function registerPrescriptionHandlers(socket: AppSocket, dispatcher: Dispatcher, rx: Prescriptions, events: EventBus, log: Logger): void {
  const user = socket.data.auth;
  let queue = false;
  const consultations = new Set<string>();
  const timers = new Map<string, NodeJS.Timeout>();

  const later = (key: string, push: () => Promise<void>) => {
    if (timers.has(key)) return;
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        push().catch((err: unknown) => log.warn({ err, key, socketId: socket.id }, 'prescription push failed'));
      }, PUSH_DELAY_MS),
    );
  };

  dispatcher.register(pharmacyRequests, {
    'rx.queue.watch': async () => {
      const prescriptions = await rx.review.queue(user);
      queue = true;
      return { prescriptions };
    },
    'rx.queue.unwatch': () => {
      queue = false;
      return {};
    },
    'rx.consultation.watch': async ({ consultationId }) => {
      const prescriptions = await rx.drafting.listForConsultation(user, consultationId);
      consultations.add(consultationId);
      return { prescriptions };
    },
    'rx.consultation.unwatch': ({ consultationId }) => {
      consultations.delete(consultationId);
      return {};
    },
  });

  // Carried by the domain events (every node gets each one once) to this socket only: never a room emit, so the socket.io adapter adds no copy.
  const off = events.subscribe('prescription.changed', ({ consultationId, institutionId }) => {
    if (queue && institutionId === user.inst) {
      later('queue', async () => {
        socket.emit(NOTIFICATION_EVENT, { method: 'rx.queue.changed', data: { prescriptions: await rx.review.queue(user) } });
      });
    }
    if (consultations.has(consultationId)) {
      later(`consultation:${consultationId}`, async () => {
        socket.emit(NOTIFICATION_EVENT, { method: 'rx.consultation.changed', data: { consultationId, prescriptions: await rx.drafting.listForConsultation(user, consultationId) } });
      });
    }
  });
  socket.on('disconnect', () => {
    off();
    for (const t of timers.values()) clearTimeout(t);
    timers.clear();
  });
}
