import type { Redis } from 'ioredis';
import type { Logger } from './logger';

/**
 * Which nodes are up, for the shared records that belong to one node's sockets (viewing members,
 * open sockets per user). Each node scores itself in one sorted set with the time (Redis's own
 * clock) its heartbeat runs out, every `ttlMs / 3`. A record of a node whose score has passed counts
 * no more: a node that died leaves nothing behind for longer than `ttlMs`. Unlike the live-node
 * set of room placement, a draining node stays present: its sockets are still open.
 */
export const PRESENCE_KEY = 'cloudclinic:presence';
export const DEFAULT_PRESENCE_TTL_MS = 15_000;

/** Lua: `now` in ms by the Redis clock, and `isAlive(node)` against the presence set (KEYS[presenceIndex]). */
export const presenceLua = (presenceIndex: number) => `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local aliveCache = {}
local function isAlive(node)
  if aliveCache[node] == nil then
    local exp = redis.call('ZSCORE', KEYS[${presenceIndex}], node)
    aliveCache[node] = (exp ~= false and exp ~= nil) and tonumber(exp) > now
  end
  return aliveCache[node]
end
`;

const BEAT = `${presenceLua(1)}
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[2]), ARGV[1])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 60000)
return 1`;

export interface NodePresence {
  readonly nodeId: string;
  /** Stops the heartbeat; `withdraw` also removes the node at once (a clean stop). */
  stop(withdraw: boolean): Promise<void>;
}

export async function startPresence(redis: Redis, nodeId: string, log: Logger, ttlMs = DEFAULT_PRESENCE_TTL_MS): Promise<NodePresence> {
  const beat = () => redis.eval(BEAT, 1, PRESENCE_KEY, nodeId, String(ttlMs));
  await beat();
  // A restarted Redis has forgotten every node: announce again as soon as it is back.
  const onReady = () => void beat().catch((err: unknown) => log.warn({ err, nodeId }, 'node presence not renewed'));
  redis.on('ready', onReady);
  const timer = setInterval(() => {
    beat().catch((err: unknown) => log.warn({ err, nodeId }, 'node presence not renewed'));
  }, Math.max(100, Math.floor(ttlMs / 3)));
  timer.unref();
  return {
    nodeId,
    async stop(withdraw) {
      clearInterval(timer);
      redis.off('ready', onReady);
      if (withdraw) await redis.zrem(PRESENCE_KEY, nodeId).catch(() => undefined);
    },
  };
}
