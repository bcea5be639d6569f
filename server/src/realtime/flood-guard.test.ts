import { describe, expect, it } from 'vitest';
import { FloodGuard } from './flood-guard';

const limits = { userRatePerSecond: 10, userBurst: 5, maxSocketsPerUser: 2, refusalsBeforeDisconnect: 3, refusalWindowMs: 1000, reconnectCooldownMs: 500 };

describe('FloodGuard', () => {
  it('shares one packet budget between all sockets of a user, not between users', () => {
    let t = 0;
    const g = new FloodGuard(limits, () => t);
    expect(g.admit('u1', 'a')).toBeNull();
    expect(g.admit('u1', 'b')).toBeNull();
    expect(g.admit('u2', 'c')).toBeNull();
    const verdicts = ['a', 'b', 'a', 'b', 'a', 'b'].map((s) => g.packet('u1', s));
    expect(verdicts.slice(0, 5)).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(verdicts[5]).toBe('refused');
    expect(g.packet('u2', 'c')).toBe('ok');
    t += 100;
    expect(g.packet('u1', 'a')).toBe('ok');
  });

  it('caps open sockets per user; a closed socket frees its place', () => {
    const g = new FloodGuard(limits, () => 0);
    expect(g.admit('u1', 'a')).toBeNull();
    expect(g.admit('u1', 'b')).toBeNull();
    expect(g.admit('u1', 'c')).toMatchObject({ code: 'rate_limited' });
    expect(g.admit('u2', 'd')).toBeNull();
    g.release('u1', 'a');
    expect(g.admit('u1', 'c')).toBeNull();
    expect(g.openSockets('u1')).toBe(2);
  });

  it('disconnects a socket that keeps flooding and holds the user off for a cooldown', () => {
    let t = 0;
    const g = new FloodGuard(limits, () => t);
    g.admit('u1', 'a');
    for (let i = 0; i < 5; i++) g.packet('u1', 'a');
    expect([g.packet('u1', 'a'), g.packet('u1', 'a'), g.packet('u1', 'a')]).toEqual(['refused', 'refused', 'disconnect']);
    g.release('u1', 'a');
    expect(g.admit('u1', 'b')).toMatchObject({ code: 'rate_limited' });
    t += 600;
    expect(g.admit('u1', 'b')).toBeNull();
    expect(g.packet('u1', 'b')).toBe('ok');
  });

  it('throws out all of a flooding user’s sockets, not another user’s', () => {
    const g = new FloodGuard(limits, () => 0);
    g.admit('u1', 'a');
    g.admit('u1', 'b');
    g.admit('u2', 'c');
    for (let i = 0; i < 5; i++) g.packet('u1', 'a');
    const verdicts = Array.from({ length: 3 }, () => g.packet('u1', 'a'));
    expect(verdicts.at(-1)).toBe('disconnect');
    expect(g.packet('u1', 'b')).toBe('disconnect');
    expect(g.packet('u2', 'c')).toBe('ok');
  });

  it('refusals spread out over time do not disconnect', () => {
    let t = 0;
    const g = new FloodGuard(limits, () => t);
    g.admit('u1', 'a');
    for (let i = 0; i < 5; i++) g.packet('u1', 'a');
    for (let round = 0; round < 5; round++) {
      expect(g.packet('u1', 'a')).toBe('refused');
      expect(g.packet('u1', 'a')).toBe('refused');
      t += 1001;
      for (let i = 0; i < 5; i++) g.packet('u1', 'a');
    }
  });
});
