import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { AppIo } from './realtime/socket-types';
import { createApp } from './app';
import type { Config } from './config/config';
import { openDatabase, embeddedDataDir, type Database } from './db/database';
import type { Logger } from './lib/logger';
import { WorkerPool } from './media/worker-pool';
import { createSocketServer, DEFAULT_SOCKET_LIMITS } from './realtime/socket-server';
import { joinCluster, type Cluster } from './cluster';
import { clusterRealtime, type ClusterRealtime } from './realtime/cluster-realtime';
import { drainRooms, type DrainResult } from './media/room-drain';
import { createServices, type Services } from './services';

export interface RunningServer {
  url: string;
  port: number;
  services: Services;
  io: AppIo;
  db: Database;
  /** Several nodes: move this node's rooms to the others (see `drainRooms`); call before `stop()`. */
  drain(timeoutMs: number): Promise<DrainResult>;
  stop(): Promise<void>;
}

/**
 * Starts the whole backend: database (migrated), SFU workers, HTTP(S) + socket.io.
 * `stop()` stops accepting, closes sockets, rooms and workers, then the database.
 */
export interface StartOptions {
  /** Embedded database in memory instead of under DATA_DIR (tests). */
  memoryDatabase?: boolean;
}

export async function startServer(config: Config, log: Logger, opts: StartOptions = {}): Promise<RunningServer> {
  const db = await openDatabase({
    ...(config.DATABASE_URL ? { url: config.DATABASE_URL } : opts.memoryDatabase ? {} : { dataDir: embeddedDataDir(config.DATA_DIR) }),
    onMigrated: (applied) => applied.length && log.info({ applied }, 'database migrations applied'),
  });
  const pool = new WorkerPool(
    {
      count: config.MEDIASOUP_WORKERS,
      logLevel: config.MEDIASOUP_LOG_LEVEL,
      addresses: config.rtcAddresses,
      basePort: config.RTC_PORT,
      rtcMinPort: config.RTC_MIN_PORT,
      rtcMaxPort: config.RTC_MAX_PORT,
    },
    log.child({ module: 'sfu' }),
  );
  const socketLimits = {
    ...DEFAULT_SOCKET_LIMITS,
    maxSocketsPerUser: config.SOCKETS_PER_USER,
    userRatePerSecond: config.SOCKET_PACKETS_PER_USER_PER_SECOND,
    userBurst: Math.max(DEFAULT_SOCKET_LIMITS.userBurst, config.SOCKET_PACKETS_PER_USER_PER_SECOND * 3),
  };
  let cluster: Cluster | undefined;
  let realtime: ClusterRealtime | null = null;
  try {
    await pool.start();
    cluster = await joinCluster(config, log);
    realtime = cluster.shared ? await clusterRealtime(cluster.shared, socketLimits, log.child({ module: 'sockets' })) : null;
  } catch (err) {
    await Promise.allSettled([cluster?.events.close(), cluster?.placement.close(), cluster?.shared?.close()]);
    await pool.close();
    await db.close();
    throw err;
  }
  const { events, placement, shared, span } = cluster;
  const services = createServices(config, log, db, pool, { events, placement, span, viewing: shared?.viewing });
  await services.rateLimitStore.init();
  await services.mediaHealth.start();
  services.outbox.start();
  const app = createApp(services);
  const httpServer = config.tls
    ? https.createServer({ cert: fs.readFileSync(config.tls.certFile), key: fs.readFileSync(config.tls.keyFile) }, app)
    : http.createServer(app);
  const io = createSocketServer(httpServer, services, socketLimits, realtime);
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.PORT, config.HOST, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `${config.tls ? 'https' : 'http'}://localhost:${port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      httpServer.close();
      // This node's sockets only: with the Redis adapter, `io.disconnectSockets` would end every node's.
      io.local.disconnectSockets(true);
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      httpServer.closeAllConnections();
      services.mediaHealth.stop();
      services.rooms.close();
      await services.outbox.stop();
      await pool.close();
      realtime?.close();
      await Promise.all([events.close(), placement.close(), shared?.close(), span?.close()]);
      await db.close();
    })());
  const drain = (timeoutMs: number) => drainRooms(services.rooms, placement, timeoutMs, log.child({ module: 'drain' }));
  return { url, port, services, io, db, drain, stop };
}
