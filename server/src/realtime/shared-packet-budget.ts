import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { Logger } from '../lib/logger';
import { budgetKey } from './shared-socket-cap';

/*
 * One token bucket per user in Redis, fed in batches. KEYS: the users' budget hashes. ARGV: 1 rate
 * per second, 2 burst, then per user: packets admitted here since the last sync, and a block (ms,
 * 0: none) to set. The bucket may go into debt down to -burst (packets several nodes admitted
 * between two syncs), which later packets pay back. Replies per user: tokens left, block left (ms).
 */
const SYNC = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local rate, burst = tonumber(ARGV[1]), tonumber(ARGV[2])
local out = {}
for i, key in ipairs(KEYS) do
  local used, blockMs = tonumber(ARGV[1 + i * 2]), tonumber(ARGV[2 + i * 2])
  local h = redis.call('HMGET', key, 'tokens', 'ts', 'blocked')
  local tokens, ts, blocked = tonumber(h[1] or burst), tonumber(h[2] or now), tonumber(h[3] or '0')
  tokens = math.max(-burst, math.min(burst, tokens + (now - ts) * rate / 1000) - used)
  if blockMs > 0 then blocked = math.max(blocked, now + blockMs) end
  redis.call('HSET', key, 'tokens', tostring(tokens), 'ts', now, 'blocked', blocked)
  redis.call('PEXPIRE', key, 120000)
  out[#out + 1] = tostring(tokens)
  out[#out + 1] = tostring(math.max(0, blocked - now))
end
return out
`;
const Reply = z.array(z.string().regex(/^-?[\d.e+-]+$/).transform(Number));

/** How often a node settles its users' packet counts with the shared buckets. */
export const BUDGET_SYNC_MS = 100;

/**
 * The per-user packet budget across nodes, off the hot path: a packet costs no round trip. Each
 * node counts what it admitted and, every `BUDGET_SYNC_MS`, adds it to the users' shared buckets
 * in one script; a user whose shared bucket is empty is refused on every node until it refills.
 * Between two syncs a user may get past the shared budget by what the nodes' own buckets let
 * through in 100 ms; the debt is paid back after. Blocks (a flooding user's cooldown) travel the
 * same way: the other nodes learn them within one sync.
 */
export class SharedPacketBudget {
  private readonly used = new Map<string, number>();
  private readonly blocks = new Map<string, number>();
  private readonly spentUsers = new Set<string>();
  private readonly blockedUntil = new Map<string, number>();
  private readonly timer: NodeJS.Timeout;
  private syncing = false;
  private failing = false;

  constructor(
    private readonly redis: Redis,
    private readonly limits: { userRatePerSecond: number; userBurst: number },
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.sync(), BUDGET_SYNC_MS);
    this.timer.unref();
  }

  /** The shared bucket of `userId` was empty at the last sync. */
  spent(userId: string): boolean {
    return this.spentUsers.has(userId);
  }

  /** A block another node (or this one) set on the user, as last synced: epoch ms, 0 if none. */
  blocked(userId: string): number {
    return this.blockedUntil.get(userId) ?? 0;
  }

  count(userId: string): void {
    this.used.set(userId, (this.used.get(userId) ?? 0) + 1);
  }

  block(userId: string, ms: number): void {
    this.blocks.set(userId, Math.max(ms, this.blocks.get(userId) ?? 0));
  }

  close(): void {
    clearInterval(this.timer);
  }

  private async sync(): Promise<void> {
    if (this.syncing) return;
    const users = [...new Set([...this.used.keys(), ...this.spentUsers, ...this.blocks.keys()])].slice(0, 500);
    if (users.length === 0) return;
    this.syncing = true;
    const args = users.flatMap((u) => [String(this.used.get(u) ?? 0), String(this.blocks.get(u) ?? 0)]);
    for (const u of users) {
      this.used.delete(u);
      this.blocks.delete(u);
    }
    try {
      const reply = Reply.parse(await this.redis.eval(SYNC, users.length, ...users.map(budgetKey), this.limits.userRatePerSecond, this.limits.userBurst, ...args));
      const t = Date.now();
      if (this.failing) this.log.info('shared packet budget synced again');
      this.failing = false;
      users.forEach((u, i) => {
        const tokens = reply[i * 2] ?? 0;
        const blockMs = reply[i * 2 + 1] ?? 0;
        if (tokens < 1) this.spentUsers.add(u);
        else this.spentUsers.delete(u);
        if (blockMs > 0) this.blockedUntil.set(u, t + blockMs);
        else this.blockedUntil.delete(u);
      });
    } catch (err) {
      // Redis away: each node keeps its own budgets (FloodGuard); the shared one resumes after.
      this.spentUsers.clear();
      if (this.failing) return;
      this.failing = true;
      this.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'shared packet budget not synced');
    } finally {
      this.syncing = false;
    }
  }
}
