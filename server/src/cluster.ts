import os from 'node:os';
import type { Config } from './config/config';
import type { Logger } from './lib/logger';
import { localPlacement, redisPlacement, type RoomPlacement } from './media/room-placement';
import { createEventBus } from './modules/events/create-event-bus';
import type { EventBus } from './modules/events/event-bus';

/** One node (no REDIS_URL): events and rooms stay in process. Several: both go through Redis. */
export async function joinCluster(config: Config, log: Logger): Promise<{ events: EventBus; placement: RoomPlacement }> {
  const nodeId = config.NODE_ID ?? `${os.hostname()}-${process.pid}`;
  const events = await createEventBus(config.REDIS_URL, log.child({ module: 'events' }));
  if (!config.REDIS_URL) return { events, placement: localPlacement(nodeId) };
  try {
    const placement = await redisPlacement(config.REDIS_URL, nodeId, log.child({ module: 'rooms' }));
    log.info({ nodeId }, 'rooms placed through Redis');
    return { events, placement };
  } catch (err) {
    await events.close();
    throw err;
  }
}
