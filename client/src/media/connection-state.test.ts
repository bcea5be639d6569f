import { describe, expect, it } from 'vitest';
import { ConnectionTracker, GIVE_UP_AFTER_MS, MEDIA_START_TIMEOUT_MS } from './connection-state';

function tracker() {
  let now = 1_000;
  const t = new ConnectionTracker(() => now);
  return { t, advance: (ms: number) => (now += ms) };
}

describe('ConnectionTracker', () => {
  it('is connecting until the first join, then connected', () => {
    const { t } = tracker();
    expect(t.snapshot()).toEqual({ state: 'connecting', reason: null });
    t.setSocket(true);
    expect(t.snapshot().state).toBe('connecting');
    t.setJoined(true);
    expect(t.snapshot()).toEqual({ state: 'connecting', reason: 'media_connecting' });
    t.setMedia('flowing');
    expect(t.snapshot()).toEqual({ state: 'connected', reason: null });
  });

  it('says video cannot connect when joined but nothing arrives, and connects when it does', () => {
    const { t, advance } = tracker();
    t.setSocket(true);
    t.setJoined(true);
    advance(MEDIA_START_TIMEOUT_MS - 1);
    expect(t.snapshot()).toEqual({ state: 'connecting', reason: 'media_connecting' });
    advance(1);
    expect(t.snapshot()).toEqual({ state: 'connecting', reason: 'media_blocked' });
    t.setMedia('flowing');
    expect(t.snapshot()).toEqual({ state: 'connected', reason: null });
  });

  it('never shows connected over media that stopped (frozen video)', () => {
    const { t, advance } = tracker();
    t.setSocket(true);
    t.setJoined(true);
    t.setMedia('flowing');
    t.setMedia('stalled');
    expect(t.snapshot()).toEqual({ state: 'reconnecting', reason: 'media' });
    advance(GIVE_UP_AFTER_MS);
    expect(t.snapshot()).toEqual({ state: 'failed', reason: 'timeout' });
    t.setMedia('flowing');
    expect(t.snapshot().state).toBe('connected');
    // A rejoin is reconnecting (not connecting) until media flows again.
    t.setJoined(false, 'media_restart');
    t.setJoined(true);
    expect(t.snapshot()).toEqual({ state: 'reconnecting', reason: 'media' });
  });

  it('reports reconnecting with the cause, and connected again once everything is back', () => {
    const { t } = tracker();
    t.setSocket(true);
    t.setJoined(true);
    t.setMedia('flowing');
    t.setIceTrouble('tx', true);
    expect(t.snapshot()).toEqual({ state: 'reconnecting', reason: 'media' });
    t.setIceTrouble('tx', false);
    expect(t.snapshot().state).toBe('connected');

    t.setOnline(false);
    t.setSocket(false);
    t.setJoined(false, 'network');
    expect(t.snapshot()).toEqual({ state: 'reconnecting', reason: 'offline' });
    t.setOnline(true);
    expect(t.snapshot()).toEqual({ state: 'reconnecting', reason: 'network' });
    t.setSocket(true);
    expect(t.snapshot()).toEqual({ state: 'reconnecting', reason: 'network' });
    t.setJoined(true);
    t.setMedia('flowing');
    expect(t.snapshot()).toEqual({ state: 'connected', reason: null });
  });

  it('keeps the media-restart reason while rejoining', () => {
    const { t } = tracker();
    t.setSocket(true);
    t.setJoined(true);
    t.setJoined(false, 'media_restart');
    expect(t.snapshot()).toEqual({ state: 'reconnecting', reason: 'media_restart' });
  });

  it('turns a long outage into failed (timeout) but recovers if the retries succeed', () => {
    const { t, advance } = tracker();
    t.setSocket(true);
    t.setJoined(true);
    t.setMedia('flowing');
    t.setSocket(false);
    expect(t.snapshot().state).toBe('reconnecting');
    advance(GIVE_UP_AFTER_MS);
    expect(t.snapshot()).toEqual({ state: 'failed', reason: 'timeout' });
    t.setSocket(true);
    t.setJoined(true);
    t.setMedia('flowing');
    expect(t.snapshot().state).toBe('connected');
    t.setSocket(false);
    expect(t.snapshot().state).toBe('reconnecting');
  });

  it('a final reason wins over everything', () => {
    const { t } = tracker();
    t.setSocket(true);
    t.setFinal('forbidden');
    expect(t.snapshot()).toEqual({ state: 'failed', reason: 'forbidden' });
  });
});
