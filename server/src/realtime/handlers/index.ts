import type { Services } from '../../services';
import { forwardClinicEvents, registerClinicHandlers } from '../clinic-handlers';
import { registerImagingHandlers } from '../imaging-handlers';
import { registerKioskHandlers } from '../kiosk-handlers';
import { registerMdtHandlers } from '../mdt-handlers';
import { registerMediaCheckHandlers } from '../media-check-handlers';
import { registerPrescriptionHandlers } from '../prescription-handlers';
import { registerRequestHandlers } from '../request-handlers';
import { registerRoomHandlers } from '../room-handlers';
import { registerSessionHandlers } from '../session-handlers';
import type { AppIo, SocketHandler } from '../socket-types';

/** The socket handler registry: every message group an authenticated socket answers — the only list of realtime edges. */
export function socketHandlers(s: Services): SocketHandler[] {
  return [
    (c) => registerSessionHandlers(c, s.sessions),
    (c) =>
      registerRoomHandlers(c.socket, c.dispatcher, { rooms: s.rooms, access: s.access, meetings: s.mdt.meetings, audit: s.audit, events: s.events, turn: s.turn, log: c.log, readyTimeoutMs: c.readyTimeoutMs }),
    (c) => registerClinicHandlers(c.socket, c.dispatcher, s.queue),
    (c) => registerMediaCheckHandlers(c.socket, c.dispatcher, { pool: s.pool, turn: s.turn }),
    (c) => registerImagingHandlers(c.socket, c.dispatcher, { access: s.access, viewing: s.imaging.viewing }),
    (c) => registerPrescriptionHandlers(c.socket, c.dispatcher, s.prescriptions, s.events, s.log.child({ module: 'prescription-push' })),
    (c) => registerKioskHandlers(c.socket, c.dispatcher, s.kiosk, s.events),
    (c) => registerRequestHandlers(c.socket, c.dispatcher, s.requests, s.events, s.log.child({ module: 'request-push' })),
    (c) => registerMdtHandlers(c.socket, c.dispatcher, s.mdt.meetings, s.events),
  ];
}

/** Pushes the server sends to socket rooms on domain events (not tied to one socket); each returns its unsubscribe. */
export function socketPushes(io: AppIo, s: Services): (() => void)[] {
  return [forwardClinicEvents(io, s.events, s.queue, s.log.child({ module: 'clinic-push' }))];
}
