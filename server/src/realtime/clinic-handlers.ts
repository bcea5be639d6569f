import { clinicRequests, NOTIFICATION_EVENT } from '@cloudclinic/shared';
import type { Logger } from '../lib/logger';
import type { QueueService } from '../modules/clinic/queue-service';
import type { EventBus } from '../modules/events/event-bus';
import type { Dispatcher } from './dispatcher';
import type { AppIo, AppSocket } from './socket-types';

const queueRoom = (sessionId: string) => `queue:${sessionId}`;
const appointmentRoom = (appointmentId: string) => `appointment:${appointmentId}`;

/** Subscriptions to live clinic screens; the policy is checked by the same service calls as REST. */
export function registerClinicHandlers(socket: AppSocket, dispatcher: Dispatcher, queue: QueueService): void {
  const user = socket.data.auth;
  dispatcher.register(clinicRequests, {
    'queue.watch': async ({ sessionId }) => {
      const view = await queue.queue(user, sessionId);
      await socket.join(queueRoom(sessionId));
      return view;
    },
    'queue.unwatch': async ({ sessionId }) => {
      await socket.leave(queueRoom(sessionId));
      return {};
    },
    'appointment.watch': async ({ appointmentId }) => {
      const view = await queue.kioskView(user, appointmentId);
      await socket.join(appointmentRoom(appointmentId));
      return view;
    },
    'appointment.unwatch': async ({ appointmentId }) => {
      await socket.leave(appointmentRoom(appointmentId));
      return {};
    },
  });
}

/**
 * Forwards domain events to the screens watching them. Each watcher gets the view its own user may
 * see (a kiosk sees only its institution's part of a queue), computed with the same policy as REST.
 *
 * Carried by the domain events, not by the socket.io adapter: every node receives each event (the
 * Redis event bus) and pushes to the watchers connected to it, found with `io.local` — never the
 * whole cluster's sockets, which every node would then push to again (one copy per node).
 */
export function forwardClinicEvents(io: AppIo, events: EventBus, queue: QueueService, log: Logger): () => void {
  const offQueue = events.subscribe('queue.changed', ({ sessionId }) => {
    void (async () => {
      const sockets = await io.local.in(queueRoom(sessionId)).fetchSockets();
      // One query per distinct view (all, or one institution's part), however many screens watch.
      const views = await queue.queueViews(
        sockets.map((s) => s.data.auth),
        sessionId,
      );
      sockets.forEach((s, i) => {
        const data = views[i];
        if (data) s.emit(NOTIFICATION_EVENT, { method: 'queue.changed', data });
        else log.warn({ sessionId, socketId: s.id }, 'queue push refused: the watcher may no longer see this session');
      });
    })().catch((err: unknown) => log.warn({ err, sessionId }, 'queue push failed'));
  });
  const pushAppointment = async (appointmentId: string) => {
    for (const s of await io.local.in(appointmentRoom(appointmentId)).fetchSockets()) {
      try {
        s.emit(NOTIFICATION_EVENT, { method: 'appointment.changed', data: await queue.kioskView(s.data.auth, appointmentId) });
      } catch (err) {
        log.warn({ err, appointmentId, socketId: s.id }, 'appointment push failed');
      }
    }
  };
  const offAppt = events.subscribe('appointment.changed', ({ appointmentId }) => void pushAppointment(appointmentId));
  // When the queue moves, every waiting patient's position and estimated wait change too.
  const offPositions = events.subscribe('queue.changed', ({ sessionId }) => {
    void (async () => {
      for (const id of await queue.waitingAppointmentIds(sessionId)) {
        if ((await io.local.in(appointmentRoom(id)).fetchSockets()).length > 0) await pushAppointment(id);
      }
    })().catch((err: unknown) => log.warn({ err, sessionId }, 'position push failed'));
  });
  return () => {
    offQueue();
    offAppt();
    offPositions();
  };
}
