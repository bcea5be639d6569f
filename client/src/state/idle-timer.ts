/** 30 minutes: MLPS (等保) requires ending sessions after a period without user activity. */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface IdleTimerOptions {
  timeoutMs: number;
  onIdle: () => void;
  clock?: Clock;
}

export interface IdleTimer {
  /** Starts (or restarts) watching; the idle countdown begins now. */
  start(): void;
  stop(): void;
  /** Records user activity. Cheap: safe to call on every pointer move. */
  markActivity(): void;
  /** Fires `onIdle` now if the deadline has passed (e.g. after the tab was asleep). */
  check(): void;
  isRunning(): boolean;
}

const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof globalThis.setTimeout>),
};

/**
 * Calls `onIdle` once after `timeoutMs` without `markActivity()`.
 * Activity only updates a timestamp; the single pending timer re-arms itself for the remaining
 * time when it fires early, so high-frequency events cost nothing. Deadlines are measured with
 * `clock.now()`, so a throttled or suspended tab still times out correctly on `check()`.
 */
export function createIdleTimer({ timeoutMs, onIdle, clock = systemClock }: IdleTimerOptions): IdleTimer {
  let running = false;
  let lastActivity = 0;
  let handle: unknown = null;

  function clear(): void {
    if (handle !== null) clock.clearTimeout(handle);
    handle = null;
  }

  function schedule(ms: number): void {
    clear();
    handle = clock.setTimeout(check, Math.max(0, ms));
  }

  function check(): void {
    if (!running) return;
    const remaining = lastActivity + timeoutMs - clock.now();
    if (remaining > 0) {
      schedule(remaining);
      return;
    }
    running = false;
    clear();
    onIdle();
  }

  return {
    start() {
      running = true;
      lastActivity = clock.now();
      schedule(timeoutMs);
    },
    stop() {
      running = false;
      clear();
    },
    markActivity() {
      if (running) lastActivity = clock.now();
    },
    check,
    isRunning: () => running,
  };
}
