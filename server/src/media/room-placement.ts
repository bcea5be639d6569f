import { Redis } from 'ioredis';
import type { Logger } from '../lib/logger';

export type Claim = { ok: true } | { ok: false; node: string };

/**
 * Where each consultation's room lives when there are several nodes: one node at a time, recorded
 * in Redis under a short lease (4 s) the node renews every second while the room is open. A node
 * that died stops renewing; once its lease has run out the next join places the room on whichever
 * node it reaches.
 */
export interface RoomPlacement {
  readonly nodeId: string;
  /** Places the room here, or says which live node has it. */
  claim(consultationId: string): Promise<Claim>;
  release(consultationId: string): Promise<void>;
  close(): Promise<void>;
}

/** One node: every room is here. */
export const localPlacement = (nodeId: string): RoomPlacement => ({
  nodeId,
  claim: () => Promise.resolve({ ok: true }),
  release: () => Promise.resolve(),
  close: () => Promise.resolve(),
});

const key = (id: string) => `cloudclinic:room:${id}`;
/** Deletes the lease only while it is still ours (another node may hold it after an expiry). */
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export async function redisPlacement(url: string, nodeId: string, log: Logger, ttlMs = 4000): Promise<RoomPlacement> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, connectionName: 'cloudclinic-rooms' });
  redis.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error (room placement)'));
  await redis.connect();
  const held = new Set<string>();
  const renew = setInterval(() => {
    for (const id of held) {
      redis.set(key(id), nodeId, 'PX', ttlMs).catch((err: unknown) => log.warn({ err, consultationId: id }, 'room lease not renewed'));
    }
  }, Math.floor(ttlMs / 4));
  renew.unref();
  return {
    nodeId,
    async claim(id) {
      const placed = await redis.set(key(id), nodeId, 'PX', ttlMs, 'NX');
      const owner = placed === 'OK' ? nodeId : await redis.get(key(id));
      if (owner !== null && owner !== nodeId) return { ok: false, node: owner };
      if (owner === null) await redis.set(key(id), nodeId, 'PX', ttlMs); // expired between the two calls
      held.add(id);
      return { ok: true };
    },
    async release(id) {
      held.delete(id);
      await redis.eval(RELEASE, 1, key(id), nodeId);
    },
    async close() {
      clearInterval(renew);
      await Promise.allSettled([...held].map((id) => redis.eval(RELEASE, 1, key(id), nodeId)));
      held.clear();
      if (redis.status === 'ready') await redis.quit().catch(() => undefined);
      else redis.disconnect();
    },
  };
}
