import { ConfigError, loadConfig } from './config/config';
import { createLogger } from './lib/logger';
import { startServer } from './server';

/** The process: read config, start, stop gracefully on SIGTERM/SIGINT within the shutdown budget. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL);
  // A promise nobody awaited must not end every live consultation with the process: log it, keep serving.
  process.on('unhandledRejection', (reason: unknown) => {
    log.error({ err: reason }, 'unhandled promise rejection');
  });
  const server = await startServer(config, log);
  log.info({ url: server.url }, 'CloudClinic is ready');

  let exiting = false;
  let draining = false;
  const stopNow = () => {
    server
      .stop()
      .then(() => {
        log.info('stopped');
        process.exit(0);
      })
      .catch((err: unknown) => {
        log.error({ err }, 'error during shutdown');
        process.exit(1);
      });
  };
  // SIGTERM with several nodes (REDIS_URL): move the rooms to the other nodes first, within
  // DRAIN_TIMEOUT_MS. SIGINT (Ctrl-C), one node, or a second signal during the drain: stop at once.
  const shutdown = (signal: string) => {
    if (exiting) {
      if (draining) {
        draining = false;
        log.info({ signal }, 'stopping without waiting for the drain');
        stopNow();
      }
      return;
    }
    exiting = true;
    log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => {
      log.error('shutdown timed out; exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    timer.unref();
    if (signal !== 'SIGTERM' || !config.REDIS_URL) return stopNow();
    draining = true;
    void server
      .drain(config.DRAIN_TIMEOUT_MS)
      .catch((err: unknown) => log.error({ err }, 'drain failed; stopping'))
      .then(() => {
        if (!draining) return; // a second signal already stopped it
        draining = false;
        stopNow();
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
