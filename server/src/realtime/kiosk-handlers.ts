import { kioskRequests, NOTIFICATION_EVENT } from '@cloudclinic/shared';
import type { EventBus } from '../modules/events/event-bus';
import type { Kiosk } from '../modules/kiosk/create-kiosk';
import { receivesStaffCall } from '../modules/kiosk/kiosk-policy';
import type { Dispatcher } from './dispatcher';
import type { AppSocket } from './socket-types';

/**
 * 呼叫工作人员: the kiosk sends `kiosk.callStaff`; every open screen of a county doctor or admin of the
 * same institution gets `kiosk.staffCalled`. Other institutions never hear of it.
 */
export function registerKioskHandlers(socket: AppSocket, dispatcher: Dispatcher, kiosk: Kiosk, events: EventBus): void {
  dispatcher.register(kioskRequests, {
    'kiosk.callStaff': ({ screen }) => kiosk.staffCall.call(socket.data.auth, screen),
  });
  // Carried by the domain events (every node gets each one once) to this socket only: never a room emit, so the socket.io adapter adds no copy.
  const off = events.subscribe('kiosk.staffCalled', ({ institutionId, call }) => {
    if (receivesStaffCall(socket.data.auth, institutionId)) socket.emit(NOTIFICATION_EVENT, { method: 'kiosk.staffCalled', data: call });
  });
  socket.on('disconnect', off);
}
