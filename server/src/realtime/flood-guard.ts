import { AppError } from '../lib/errors';
import { TokenBucket } from './rate-limiter';

export interface FloodLimits {
  /** Packets per second per user, across all of the user's sockets (every event counts). */
  userRatePerSecond: number;
  userBurst: number;
  /** Open sockets per user; one more is refused at the handshake. */
  maxSocketsPerUser: number;
  /** A socket whose packets are refused this many times within `refusalWindowMs` is disconnected. */
  refusalsBeforeDisconnect: number;
  refusalWindowMs: number;
  /** After a flooding socket is disconnected, the user may not open a new socket (nor keep one) for this long. */
  reconnectCooldownMs: number;
}

export const DEFAULT_FLOOD_LIMITS: FloodLimits = {
  userRatePerSecond: 60,
  userBurst: 200,
  maxSocketsPerUser: 8,
  refusalsBeforeDisconnect: 50,
  refusalWindowMs: 10_000,
  reconnectCooldownMs: 5_000,
};

export type PacketVerdict = 'ok' | 'refused' | 'disconnect';

/** The budget shared by the nodes of a cluster (shared-packet-budget.ts); read without waiting. */
export interface SharedBudget {
  spent(userId: string): boolean;
  blocked(userId: string): number;
  count(userId: string): void;
  block(userId: string, ms: number): void;
}

interface UserState {
  bucket: TokenBucket;
  sockets: Map<string, { refusals: number; windowStart: number }>;
  blockedUntil: number;
  lastSeen: number;
}

/**
 * Budgets shared by all sockets of one user, so that one account (many tabs, a script) cannot
 * starve the others: a packet budget per user, a cap on open sockets per user, and disconnection
 * of a socket that keeps sending past its budget.
 */
export class FloodGuard {
  private readonly users = new Map<string, UserState>();

  constructor(
    readonly limits: FloodLimits = DEFAULT_FLOOD_LIMITS,
    private readonly now: () => number = Date.now,
    /** With several nodes: the user's budget and cooldown across them, on top of this node's. */
    private readonly shared: SharedBudget | null = null,
  ) {}

  /** A new socket of `userId`: null when admitted, else the error its handshake fails with. */
  admit(userId: string, socketId: string): AppError | null {
    const t = this.now();
    if (this.users.size > 10_000) this.prune(t);
    const user = this.user(userId, t);
    if (t < this.blockedUntil(userId, user)) return new AppError('rate_limited', 'Too many messages from this account; wait a few seconds before reconnecting');
    if (user.sockets.size >= this.limits.maxSocketsPerUser) {
      return new AppError('rate_limited', `Too many open connections for this account (at most ${this.limits.maxSocketsPerUser}); close another tab or device`);
    }
    user.sockets.set(socketId, { refusals: 0, windowStart: t });
    return null;
  }

  release(userId: string, socketId: string): void {
    this.users.get(userId)?.sockets.delete(socketId);
  }

  /**
   * One incoming packet of any kind on `socketId`. Once one socket of a user was thrown out for
   * flooding, the user's other sockets go too, at their next packet, until the cooldown ends.
   */
  packet(userId: string, socketId: string): PacketVerdict {
    const t = this.now();
    const user = this.user(userId, t);
    user.lastSeen = t;
    if (t < this.blockedUntil(userId, user)) return 'disconnect';
    if (!this.shared?.spent(userId) && user.bucket.take()) {
      this.shared?.count(userId);
      return 'ok';
    }
    const socket = user.sockets.get(socketId);
    if (!socket) return 'refused';
    if (t - socket.windowStart > this.limits.refusalWindowMs) {
      socket.windowStart = t;
      socket.refusals = 0;
    }
    socket.refusals += 1;
    if (socket.refusals < this.limits.refusalsBeforeDisconnect) return 'refused';
    user.blockedUntil = t + this.limits.reconnectCooldownMs;
    this.shared?.block(userId, this.limits.reconnectCooldownMs);
    return 'disconnect';
  }

  openSockets(userId: string): number {
    return this.users.get(userId)?.sockets.size ?? 0;
  }

  private blockedUntil(userId: string, user: UserState): number {
    return Math.max(user.blockedUntil, this.shared?.blocked(userId) ?? 0);
  }

  private user(userId: string, t: number): UserState {
    let user = this.users.get(userId);
    if (!user) {
      user = { bucket: new TokenBucket(this.limits.userRatePerSecond, this.limits.userBurst, this.now), sockets: new Map(), blockedUntil: 0, lastSeen: t };
      this.users.set(userId, user);
    }
    return user;
  }

  /** Forgets users with no socket, idle long enough for their budget to have refilled. */
  private prune(t: number): void {
    const idleMs = Math.max(60_000, (this.limits.userBurst / this.limits.userRatePerSecond) * 1000);
    for (const [id, u] of this.users) if (u.sockets.size === 0 && t - u.lastSeen > idleMs && t >= u.blockedUntil) this.users.delete(id);
  }
}
