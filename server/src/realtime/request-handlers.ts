import { NOTIFICATION_EVENT, requestInboxRequests } from '@cloudclinic/shared';
import type { Logger } from '../lib/logger';
import type { ConsultationRequests } from '../modules/consultations/consultation-requests';
import '../modules/consultations/request-events';
import { RequestPolicy } from '../modules/consultations/request-policy';
import { requestFacts } from '../modules/consultations/request-views';
import type { EventBus } from '../modules/events/event-bus';
import type { Dispatcher } from './dispatcher';
import type { AppSocket } from './socket-types';

/** Coalesces a burst of changes (file + first answer …) into one push per screen. */
const PUSH_DELAY_MS = 50;

/**
 * Live 远程会诊申请 lists: the county doctor's 我的申请 and the provincial inbox. A watching socket is
 * pushed its own list again when a request it may see changes; the list is computed by the same
 * service call (and policy) as REST.
 */
export function registerRequestHandlers(socket: AppSocket, dispatcher: Dispatcher, requests: ConsultationRequests, events: EventBus, log: Logger): void {
  let watching = false;
  let timer: NodeJS.Timeout | null = null;

  dispatcher.register(requestInboxRequests, {
    'requests.watch': async () => {
      const list = await requests.list(socket.data.auth);
      watching = true;
      return { requests: list };
    },
    'requests.unwatch': () => {
      watching = false;
      return {};
    },
  });

  const push = async () => {
    if (!watching) return;
    socket.emit(NOTIFICATION_EVENT, { method: 'requests.changed', data: { requests: await requests.list(socket.data.auth) } });
  };

  const pending = new Set<string>();
  const flush = async () => {
    const ids = [...pending];
    pending.clear();
    const actor = await requests.actor(socket.data.auth);
    const rows = await Promise.all(ids.map((id) => requests.load(id).catch(() => null)));
    if (rows.some((r) => r && RequestPolicy.sees(actor, requestFacts(r)))) await push();
  };
  // Carried by the domain events (every node gets each one once) to this socket only: never a room emit, so the socket.io adapter adds no copy.
  const off = events.subscribe('consultationRequest.changed', ({ requestId }) => {
    if (!watching) return;
    pending.add(requestId);
    timer ??= setTimeout(() => {
      timer = null;
      flush().catch((err: unknown) => log.warn({ err, socketId: socket.id }, 'request push failed'));
    }, PUSH_DELAY_MS);
  });
  socket.on('disconnect', () => {
    off();
    if (timer) clearTimeout(timer);
  });
}
