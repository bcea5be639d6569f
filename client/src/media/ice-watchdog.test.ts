import type { types } from 'mediasoup-client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchIce } from './ice-watchdog';

function fakeTransport() {
  const listeners = new Set<(state: types.ConnectionState) => void>();
  return {
    on: (_event: string, fn: (state: types.ConnectionState) => void) => listeners.add(fn),
    off: (_event: string, fn: (state: types.ConnectionState) => void) => listeners.delete(fn),
    set: (state: types.ConnectionState) => {
      for (const fn of [...listeners]) fn(state);
    },
    listening: () => listeners.size,
  };
}

function setup(restart: () => Promise<void> = async () => undefined) {
  const transport = fakeTransport();
  const opts = { restart: vi.fn(restart), onTrouble: vi.fn(), onGiveUp: vi.fn() };
  const stop = watchIce(transport as unknown as types.Transport, opts);
  return { transport, opts, stop };
}

describe('watchIce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('restarts ICE after 2 s of `disconnected`, not before, and not if it recovers by itself', async () => {
    const { transport, opts } = setup();
    transport.set('disconnected');
    expect(opts.onTrouble).toHaveBeenLastCalledWith(true);
    await vi.advanceTimersByTimeAsync(1900);
    expect(opts.restart).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(opts.restart).toHaveBeenCalledTimes(1);
    transport.set('connected');
    expect(opts.onTrouble).toHaveBeenLastCalledWith(false);

    transport.set('disconnected');
    transport.set('connected');
    await vi.advanceTimersByTimeAsync(5000);
    expect(opts.restart).toHaveBeenCalledTimes(1);
  });

  it('restarts at once on `failed`', async () => {
    const { transport, opts } = setup();
    transport.set('failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(opts.restart).toHaveBeenCalledTimes(1);
    expect(opts.onGiveUp).not.toHaveBeenCalled();
  });

  it('gives up (full rejoin) when the restart request fails', async () => {
    const { transport, opts } = setup(async () => {
      throw new Error('disconnected');
    });
    transport.set('failed');
    await vi.advanceTimersByTimeAsync(0);
    expect(opts.onGiveUp).toHaveBeenCalledTimes(1);
    expect(transport.listening()).toBe(0);
  });

  it('gives up when a restarted transport fails again or does not reconnect in time', async () => {
    const again = setup();
    again.transport.set('failed');
    await vi.advanceTimersByTimeAsync(0);
    again.transport.set('failed');
    expect(again.opts.onGiveUp).toHaveBeenCalledTimes(1);

    const slow = setup();
    slow.transport.set('failed');
    await vi.advanceTimersByTimeAsync(8000);
    expect(slow.opts.onGiveUp).toHaveBeenCalledTimes(1);
  });

  it('stops watching when asked', async () => {
    const { transport, opts, stop } = setup();
    stop();
    transport.set('failed');
    await vi.advanceTimersByTimeAsync(5000);
    expect(opts.restart).not.toHaveBeenCalled();
  });
});
