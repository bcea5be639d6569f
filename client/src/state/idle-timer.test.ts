import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleTimer, IDLE_TIMEOUT_MS } from './idle-timer';

const MINUTE = 60_000;

describe('idle timer', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('defaults to 30 minutes (MLPS)', () => {
    expect(IDLE_TIMEOUT_MS).toBe(30 * MINUTE);
  });

  it('fires once after the timeout without activity', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer({ timeoutMs: 30 * MINUTE, onIdle });
    timer.start();

    vi.advanceTimersByTime(30 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(timer.isRunning()).toBe(false);

    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('activity postpones the deadline to timeout after the last activity', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer({ timeoutMs: 30 * MINUTE, onIdle });
    timer.start();

    vi.advanceTimersByTime(20 * MINUTE);
    timer.markActivity();
    vi.advanceTimersByTime(20 * MINUTE); // 40 min since start, 20 since activity
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('frequent activity keeps only one pending timer', () => {
    const timer = createIdleTimer({ timeoutMs: 30 * MINUTE, onIdle: vi.fn() });
    timer.start();
    for (let i = 0; i < 1000; i += 1) timer.markActivity();
    expect(vi.getTimerCount()).toBe(1);
  });

  it('stop cancels the timer and ignores later activity', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer({ timeoutMs: 30 * MINUTE, onIdle });
    timer.start();
    timer.stop();
    timer.markActivity();
    vi.advanceTimersByTime(2 * 30 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('check fires immediately when the deadline passed while timers were suspended', () => {
    let now = 0;
    const onIdle = vi.fn();
    const clock = { now: () => now, setTimeout: () => 'handle', clearTimeout: () => undefined }; // timers never fire
    const timer = createIdleTimer({ timeoutMs: 30 * MINUTE, onIdle, clock });
    timer.start();

    now = 10 * MINUTE;
    timer.check();
    expect(onIdle).not.toHaveBeenCalled();

    now = 45 * MINUTE; // tab was asleep
    timer.check();
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('can be restarted after firing', () => {
    const onIdle = vi.fn();
    const timer = createIdleTimer({ timeoutMs: MINUTE, onIdle });
    timer.start();
    vi.advanceTimersByTime(MINUTE);
    timer.start();
    vi.advanceTimersByTime(MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(2);
  });
});
