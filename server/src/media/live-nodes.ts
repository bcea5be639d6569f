import type { Redis } from 'ioredis';

/**
 * The nodes that can take rooms, in one Redis sorted set scored by when each node's last heartbeat
 * runs out. A node that died drops out by itself after `ttlMs`; a draining node withdraws at once.
 */
export interface LiveNodes {
  announce(): Promise<void>;
  withdraw(): Promise<void>;
  /** A live node other than this one, the same for the same `room` while the nodes stay, or null. */
  other(room: string): Promise<string | null>;
}

const SET = 'cloudclinic:nodes';

export function liveNodes(redis: Redis, nodeId: string, ttlMs: number): LiveNodes {
  return {
    async announce() {
      await redis.zadd(SET, Date.now() + ttlMs, nodeId);
    },
    async withdraw() {
      await redis.zrem(SET, nodeId);
    },
    async other(room) {
      const now = Date.now();
      await redis.zremrangebyscore(SET, '-inf', now);
      const live = (await redis.zrangebyscore(SET, now, '+inf')).filter((n) => n !== nodeId).sort();
      return live.length ? (live[spread(room) % live.length] ?? null) : null;
    },
  };
}

/** A small stable number from a room id, so that the rooms of a draining node spread over the others. */
function spread(room: string): number {
  let h = 0;
  for (const ch of room) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}
