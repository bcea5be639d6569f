// Keeps a child service (Orthanc, the county HIS simulator) running: when it dies unexpectedly it is
// started again after a bounded, growing delay. A service that stays up for `stableMs` is considered
// healthy again and its next crash restarts it at the initial delay.

/**
 * `launch()` starts one instance and resolves `{ exited: Promise<{code, signal}>, stop(): Promise }`
 * once it serves (rejecting when it could not start). The first launch's error is thrown to the
 * caller; later failures are retried with backoff. Resolves `{ stop(), restarts(), current() }`.
 */
export async function supervise({ name, launch, log = () => {}, initialDelayMs = 500, maxDelayMs = 30_000, stableMs = 60_000 }) {
  let current = await launch();
  let stopped = false;
  let restarts = 0;
  let delay = initialDelayMs;
  let timer = null;
  let startedAt = Date.now();

  const watch = (instance) => {
    void instance.exited.then(({ code, signal }) => {
      if (stopped || instance !== current) return;
      if (Date.now() - startedAt > stableMs) delay = initialDelayMs;
      log(`${name} exited (${signal ?? code}); restarting in ${delay} ms`);
      schedule();
    });
  };
  const schedule = () => {
    const wait = delay;
    delay = Math.min(maxDelayMs, delay * 2);
    timer = setTimeout(() => {
      timer = null;
      if (stopped) return;
      launch().then(
        (instance) => {
          if (stopped) return void instance.stop();
          current = instance;
          restarts += 1;
          startedAt = Date.now();
          log(`${name} restarted`);
          watch(instance);
        },
        (err) => {
          log(`${name} did not restart: ${err instanceof Error ? err.message : String(err)}`);
          if (!stopped) schedule();
        },
      );
    }, wait);
    timer.unref?.();
  };
  watch(current);

  return {
    current: () => current,
    restarts: () => restarts,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current.stop();
    },
  };
}
