import os from 'node:os';
import type { Config } from './config/config';
import type { Logger } from './lib/logger';
import { localPlacement, redisPlacement, type RoomPlacement } from './media/room-placement';
import { createRoomSpan, type RoomSpan } from './media/room-span';
import { createEventBus } from './modules/events/create-event-bus';
import type { EventBus } from './modules/events/event-bus';

export interface ClusterLinks {
  events: EventBus;
  placement: RoomPlacement;
  /** ROOM_SPAN=on with several nodes: rooms may span nodes (null otherwise). */
  span: RoomSpan | null;
}

/** One node (no REDIS_URL): events and rooms stay in process. Several: both go through Redis. */
export async function joinCluster(config: Config, log: Logger): Promise<ClusterLinks> {
  const nodeId = config.NODE_ID ?? `${os.hostname()}-${process.pid}`;
  const events = await createEventBus(config.REDIS_URL, log.child({ module: 'events' }));
  if (!config.REDIS_URL) return { events, placement: localPlacement(nodeId), span: null };
  let placement: RoomPlacement | undefined;
  try {
    placement = await redisPlacement(config.REDIS_URL, nodeId, log.child({ module: 'rooms' }));
    log.info({ nodeId }, 'rooms placed through Redis');
    const pipeAddress = config.rtcAddresses[0];
    if (config.ROOM_SPAN === 'off' || !pipeAddress) return { events, placement, span: null };
    const span = await createRoomSpan(config.REDIS_URL, nodeId, pipeAddress, log.child({ module: 'span' }));
    return { events, placement, span };
  } catch (err) {
    await Promise.allSettled([events.close(), placement?.close()]);
    throw err;
  }
}
