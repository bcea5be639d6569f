import { Redis } from 'ioredis';
import type { Logger } from '../lib/logger';
import { liveNodes, type LiveNodes } from './live-nodes';

export type Claim = { ok: true } | { ok: false; node: string };

/**
 * Where each consultation's room lives when there are several nodes: one node at a time, recorded
 * in Redis under a short lease (4 s) the node renews every second while the room is open. A node
 * that died stops renewing; once its lease has run out the next join places the room on whichever
 * node it reaches. A draining node (stopping on SIGTERM) places no room any more: it names a live
 * node instead.
 */
export interface RoomPlacement {
  readonly nodeId: string;
  /** True once `drain()` was called: no room is placed here any more. */
  readonly draining: boolean;
  /** Places the room here, or says which live node has it (or should take it, while draining). */
  claim(consultationId: string): Promise<Claim>;
  release(consultationId: string): Promise<void>;
  /** Stops placing rooms here and gives up every lease held, so other nodes can take the rooms. */
  drain(): Promise<void>;
  /** The live node other than this one to send this room to (null: none). */
  successor(consultationId: string): Promise<string | null>;
  close(): Promise<void>;
}

/** One node: every room is here. */
export function localPlacement(nodeId: string): RoomPlacement {
  let draining = false;
  return {
    nodeId,
    get draining() {
      return draining;
    },
    claim: () => (draining ? Promise.reject(new Error('draining: no other node')) : Promise.resolve({ ok: true })),
    release: () => Promise.resolve(),
    drain: () => {
      draining = true;
      return Promise.resolve();
    },
    successor: () => Promise.resolve(null),
    close: () => Promise.resolve(),
  };
}

const key = (id: string) => `cloudclinic:room:${id}`;
/** Deletes the lease only while it is still ours (another node may hold it after an expiry). */
const RELEASE = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

export async function redisPlacement(url: string, nodeId: string, log: Logger, ttlMs = 4000): Promise<RoomPlacement> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 2, connectionName: 'cloudclinic-rooms' });
  redis.on('error', (err: Error) => log.warn({ err: err.message }, 'redis connection error (room placement)'));
  await redis.connect();
  const nodes: LiveNodes = liveNodes(redis, nodeId, ttlMs);
  const held = new Set<string>();
  let draining = false;
  const beat = () => {
    if (!draining) nodes.announce().catch((err: unknown) => log.warn({ err }, 'node not announced as live'));
    for (const id of held) {
      redis.set(key(id), nodeId, 'PX', ttlMs).catch((err: unknown) => log.warn({ err, consultationId: id }, 'room lease not renewed'));
    }
  };
  await nodes.announce();
  const renew = setInterval(beat, Math.floor(ttlMs / 4));
  renew.unref();
  const releaseAll = async () => {
    const ids = [...held];
    held.clear();
    await Promise.allSettled(ids.map((id) => redis.eval(RELEASE, 1, key(id), nodeId)));
  };
  return {
    nodeId,
    get draining() {
      return draining;
    },
    async claim(id) {
      if (draining) {
        const node = (await redis.get(key(id))) ?? (await nodes.other(id));
        if (node === null || node === nodeId) throw new Error('draining: no other live node');
        return { ok: false, node };
      }
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
    async drain() {
      draining = true;
      await Promise.allSettled([nodes.withdraw(), releaseAll()]);
    },
    successor: (id) => nodes.other(id),
    async close() {
      clearInterval(renew);
      await Promise.allSettled([nodes.withdraw(), releaseAll()]);
      if (redis.status === 'ready') await redis.quit().catch(() => undefined);
      else redis.disconnect();
    },
  };
}
