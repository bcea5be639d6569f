import type { Redis } from 'ioredis';
import { z } from 'zod';
import { PRESENCE_KEY, presenceLua } from '../lib/node-presence';

/*
 * Open sockets of a user across nodes: one hash per user, node → how many sockets of the user that
 * node holds (its own exact count, written whole on every change, so a lost write heals at the
 * user's next connect or disconnect there). Nodes no longer present count for nothing.
 * KEYS: 1 the user's hash, 2 presence, 3 the user's packet budget (its `blocked` field).
 * ARGV: 1 node, 2 this node's count with the new socket (0: a release), 3 the cap.
 */
const SCRIPT = `${presenceLua(2)}
local me, mine, cap = ARGV[1], tonumber(ARGV[2]), tonumber(ARGV[3])
if cap > 0 then
  local blocked = tonumber(redis.call('HGET', KEYS[3], 'blocked') or '0')
  if blocked > now then return 'blocked' end
  local others = 0
  local all = redis.call('HGETALL', KEYS[1])
  for i = 1, #all, 2 do
    if all[i] ~= me then
      if isAlive(all[i]) then others = others + tonumber(all[i + 1]) else redis.call('HDEL', KEYS[1], all[i]) end
    end
  end
  if others + mine > cap then return 'full' end
  mine = math.max(mine, tonumber(redis.call('HGET', KEYS[1], me) or '0'))
end
redis.call('HSET', KEYS[1], me, mine)
redis.call('PEXPIRE', KEYS[1], 86400000)
return 'ok'
`;

const Verdict = z.enum(['ok', 'full', 'blocked']);
export type SocketVerdict = z.infer<typeof Verdict>;

export const budgetKey = (userId: string) => `cloudclinic:flood:${userId}`;

export function sharedSocketCap(redis: Redis, nodeId: string) {
  const run = async (userId: string, mine: number, cap: number) =>
    Verdict.parse(await redis.eval(SCRIPT, 3, `cloudclinic:sockets:${userId}`, PRESENCE_KEY, budgetKey(userId), nodeId, String(mine), String(cap)));
  return {
    /** `mine`: this node's sockets of the user, the new one included. */
    admit: (userId: string, mine: number, cap: number) => run(userId, mine, cap),
    /** `mine`: this node's sockets of the user left open. */
    release: async (userId: string, mine: number) => void (await run(userId, mine, 0)),
  };
}
export type SharedSocketCap = ReturnType<typeof sharedSocketCap>;
