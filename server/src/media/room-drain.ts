import type { Logger } from '../lib/logger';
import type { Peer } from './peer';
import type { Room } from './room';
import type { RoomPlacement } from './room-placement';

/** What the drain needs of a room and of this node's rooms (the `RoomRegistry`). */
export type DrainableRoom = Pick<Room, 'id' | 'closed'> & { readonly peers: ReadonlyMap<string, Pick<Peer, 'notify'>> };
export interface DrainableRooms {
  readonly size: number;
  all(): DrainableRoom[];
}

export interface DrainResult {
  /** Rooms still open here when the drain ended (0: everyone moved). */
  remaining: number;
  tookMs: number;
}

/**
 * Empties this node before it stops (SIGTERM with several nodes): it places no room any more and
 * gives up its leases, tells every participant of its rooms which live node to move to
 * (`room.move`), then waits until they have all left or `timeoutMs` has passed.
 */
export async function drainRooms(rooms: DrainableRooms, placement: Pick<RoomPlacement, 'drain' | 'successor'>, timeoutMs: number, log: Logger): Promise<DrainResult> {
  const started = Date.now();
  await placement.drain();
  const open = rooms.all().filter((room) => !room.closed);
  await Promise.all(
    open.map(async (room) => {
      const node = await placement.successor(room.id).catch((err: unknown) => {
        log.warn({ err, consultationId: room.id }, 'no successor node found; participants reconnect through the balancer');
        return null;
      });
      for (const peer of room.peers.values()) peer.notify('room.move', { node });
      log.info({ consultationId: room.id, node, peers: room.peers.size }, 'room moving to another node');
    }),
  );
  while (rooms.size > 0 && Date.now() - started < timeoutMs) await sleep(100);
  const result = { remaining: rooms.size, tookMs: Date.now() - started };
  log.info(result, result.remaining ? 'drain timed out; closing the rooms left' : 'drained: every room moved');
  return result;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
