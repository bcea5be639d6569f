import { mdtRequests, NOTIFICATION_EVENT } from '@cloudclinic/shared';
import type { EventBus } from '../modules/events/event-bus';
import '../modules/mdt/mdt-events';
import type { MdtMeetings } from '../modules/mdt/mdt-meetings';
import type { Dispatcher } from './dispatcher';
import type { AppSocket } from './socket-types';

/** A screen watches at most this many sittings at once (a sitting page watches one). */
const MAX_WATCHED = 8;

/**
 * Live MDT sittings: a socket may watch a sitting it may read (the same check as
 * `GET /api/mdt/meetings/:id`) and is pinged `mdt.changed` after every move; the screen reads the
 * sitting again with its own view. Events reach every node through the event bus, and each node
 * pings only its own sockets: one ping per watching socket.
 */
export function registerMdtHandlers(socket: AppSocket, dispatcher: Dispatcher, meetings: MdtMeetings, events: EventBus): void {
  const watched = new Set<string>();
  // Subscribed only while this socket watches a sitting: most sockets never do.
  let off: (() => void) | null = null;
  const stopIfIdle = () => {
    if (watched.size > 0 || !off) return;
    off();
    off = null;
  };
  dispatcher.register(mdtRequests, {
    'mdt.watch': async ({ meetingId }) => {
      await meetings.get(socket.data.auth, meetingId);
      if (socket.disconnected) return {}; // gone while the sitting was read: nothing to subscribe
      if (!watched.has(meetingId) && watched.size >= MAX_WATCHED) watched.delete(watched.values().next().value ?? '');
      watched.add(meetingId);
      off ??= events.subscribe('mdt.changed', (e) => {
        if (watched.has(e.meetingId)) socket.emit(NOTIFICATION_EVENT, { method: 'mdt.changed', data: { meetingId: e.meetingId } });
      });
      return {};
    },
    'mdt.unwatch': ({ meetingId }) => {
      watched.delete(meetingId);
      stopIfIdle();
      return {};
    },
  });
  socket.on('disconnect', () => {
    watched.clear();
    stopIfIdle();
  });
}
