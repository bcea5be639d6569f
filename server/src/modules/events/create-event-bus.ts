import type { Logger } from '../../lib/logger';
import { LocalEventBus, type EventBus } from './event-bus';
import { RedisEventBus } from './redis-event-bus';

/** One node: events stay in the process. Several nodes (REDIS_URL set): they travel through Redis. */
export async function createEventBus(redisUrl: string | undefined, log: Logger): Promise<EventBus> {
  if (!redisUrl) return new LocalEventBus();
  const bus = await RedisEventBus.connect(redisUrl, log);
  log.info('domain events shared with the other nodes through Redis');
  return bus;
}
