import { presenceLua } from '../../lib/node-presence';

/**
 * One atomic step on a consultation's viewing in Redis. KEYS: 1 the viewing (presenter, rev, view,
 * measurements), 2 members (id → member JSON), 3 owners (id → node), 4 the node presence set.
 * Each member's JSON is stored after a 12-digit join number (the members' order).
 * ARGV: 1 op, 2 member id, 3–4 op arguments, 5 key lifetime (ms). Members of nodes that are no
 * longer present are dropped first (and the presenter with them). Replies
 * `[status, presenter, rev, view, measurements, pruned, ...members]`; status is `ok`, `closed`,
 * `not_member`, `not_presenter` or `no_target` (the compare-and-set rules).
 */
export const VIEWING_SCRIPT = `${presenceLua(4)}
local presenter = redis.call('HGET', KEYS[1], 'presenter') or ''
local pruned = 0
local owners = redis.call('HGETALL', KEYS[3])
for i = 1, #owners, 2 do
  if not isAlive(owners[i + 1]) then
    redis.call('HDEL', KEYS[2], owners[i])
    redis.call('HDEL', KEYS[3], owners[i])
    if owners[i] == presenter then presenter = '' end
    pruned = pruned + 1
  end
end
if pruned > 0 then
  if redis.call('HLEN', KEYS[2]) == 0 then redis.call('DEL', KEYS[1], KEYS[2], KEYS[3]) else redis.call('HSET', KEYS[1], 'presenter', presenter) end
end
local op, me = ARGV[1], ARGV[2]
local isMember = redis.call('HEXISTS', KEYS[2], me) == 1
if op == 'join' then
  local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
  redis.call('HSET', KEYS[2], me, string.format('%012d', seq) .. ARGV[3])
  redis.call('HSET', KEYS[3], me, ARGV[4])
elseif op == 'leave' then
  if isMember then
    redis.call('HDEL', KEYS[2], me)
    redis.call('HDEL', KEYS[3], me)
    if presenter == me then presenter = '' end
  end
  if redis.call('HLEN', KEYS[2]) == 0 then
    redis.call('DEL', KEYS[1], KEYS[2], KEYS[3])
    return {'closed'}
  end
elseif not isMember then
  return {'not_member'}
elseif op == 'present' then
  presenter = me
elseif presenter ~= me then
  return {'not_presenter'}
elseif op == 'handOver' then
  if redis.call('HEXISTS', KEYS[2], ARGV[3]) == 0 then return {'no_target'} end
  presenter = ARGV[3]
elseif op == 'release' then
  presenter = ''
elseif op == 'update' and (ARGV[3] ~= '' or ARGV[4] ~= '') then
  redis.call('HINCRBY', KEYS[1], 'rev', 1)
  if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'view', ARGV[3]) end
  if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'measurements', ARGV[4]) end
end
redis.call('HSET', KEYS[1], 'presenter', presenter)
for i = 1, 3 do redis.call('PEXPIRE', KEYS[i], ARGV[5]) end
local v = redis.call('HMGET', KEYS[1], 'rev', 'view', 'measurements')
local reply = {'ok', presenter, v[1] or '0', v[2] or 'null', v[3] or '[]', tostring(pruned)}
for _, m in ipairs(redis.call('HVALS', KEYS[2])) do reply[#reply + 1] = m end
return reply
`;
