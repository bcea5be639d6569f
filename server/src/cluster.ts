import os from 'node:os';
import { Redis } from 'ioredis';
import type { Config } from './config/config';
import type { Logger } from './lib/logger';
import { startPresence, type NodePresence } from './lib/node-presence';
import { localPlacement, redisPlacement, type RoomPlacement } from './media/room-placement';
import { createRoomSpan, type RoomSpan } from './media/room-span';
import { createEventBus } from './modules/events/create-event-bus';
import type { EventBus } from './modules/events/event-bus';
import { RedisViewing } from './modules/imaging/redis-viewing';
import type { SharedViewing } from './modules/imaging/shared-viewing';
import type { SharedRedis } from './realtime/cluster-realtime';

/** State the nodes share in Redis besides events and rooms: shared viewings, socket limits. */
export interface SharedState extends SharedRedis {
  viewing: SharedViewing;
  presence: NodePresence;
  close(): Promise<void>;
}

export interface Cluster {
  events: EventBus;
  placement: RoomPlacement;
  /** Null on one node (no REDIS_URL): everything stays in process. */
  shared: SharedState | null;
  /** ROOM_SPAN=on with several nodes: rooms may span nodes (null otherwise). */
  span: RoomSpan | null;
}

/** One node (no REDIS_URL): events and rooms stay in process. Several: both go through Redis. */
export async function joinCluster(config: Config, log: Logger): Promise<Cluster> {
  const nodeId = config.NODE_ID ?? `${os.hostname()}-${process.pid}`;
  const events = await createEventBus(config.REDIS_URL, log.child({ module: 'events' }));
  if (!config.REDIS_URL) return { events, placement: localPlacement(nodeId), shared: null, span: null };
  let placement: RoomPlacement | undefined;
  let shared: SharedState | undefined;
  try {
    placement = await redisPlacement(config.REDIS_URL, nodeId, log.child({ module: 'rooms' }));
    shared = await connectShared(config.REDIS_URL, nodeId, log.child({ module: 'shared' }));
    log.info({ nodeId }, 'rooms placed, viewings and socket limits shared through Redis');
    const pipeAddress = config.rtcAddresses[0];
    if (config.ROOM_SPAN === 'off' || !pipeAddress) return { events, placement, shared, span: null };
    const span = await createRoomSpan(config.REDIS_URL, nodeId, config.jwtSecret, pipeAddress, log.child({ module: 'span' }));
    return { events, placement, shared, span };
  } catch (err) {
    await Promise.allSettled([events.close(), placement?.close(), shared?.close()]);
    throw err;
  }
}

async function connectShared(url: string, nodeId: string, log: Logger): Promise<SharedState> {
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1, connectionName: 'cloudclinic-shared' });
  redis.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error (shared state)'));
  try {
    await redis.connect();
    const presence = await startPresence(redis, nodeId, log);
    return {
      url,
      nodeId,
      redis,
      presence,
      viewing: new RedisViewing(redis, nodeId),
      async close() {
        await presence.stop(true);
        await (redis.status === 'ready' ? redis.quit().then(() => undefined, () => redis.disconnect()) : Promise.resolve(redis.disconnect()));
      },
    };
  } catch (err) {
    redis.disconnect();
    throw err;
  }
}
