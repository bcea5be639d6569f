import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '@cloudclinic/server/src/config/config';
import { seedDemoData } from '@cloudclinic/server/src/db/seed/seed';
import { createLogger } from '@cloudclinic/server/src/lib/logger';
import { startServer } from '@cloudclinic/server/src/server';
import { appRouteTable } from '@cloudclinic/server/test/hardening-authz-fixtures';
import { serveRpc, type Handlers } from '../lib/rpc';
import { ROOT_DIR } from '../lib/scenario';
import { copyTemplate } from './db-template';
import type { ServerApi, ServerOptions } from './server-api';

/**
 * The real CloudClinic backend in its own process, as scripts/serve-for-e2e.mjs runs it: the
 * embedded database (PGlite, in this process) migrated and seeded with the demo data — a fresh copy
 * of the run's template on tmpfs, or in memory — real mediasoup workers,
 * express + socket.io on a free loopback port. The bench talks to it over HTTP/socket.io like any
 * client, and over IPC only to set up fixtures and read counters.
 */
const opts = JSON.parse(process.env['BENCH_SERVER_OPTIONS'] ?? '{}') as Partial<ServerOptions>;
// A copy of the run's seeded database template (tmpfs) when main.ts made one; else in memory, seeded here.
const template = process.env['BENCH_DB_TEMPLATE'];
const dataDir = !opts.databaseUrl && template && fs.existsSync(template) ? copyTemplate(template) : null;
const config = loadConfig(
  { NODE_ENV: 'test' },
  {
    PORT: 0,
    HOST: '127.0.0.1',
    LOG_LEVEL: (opts.logLevel ?? 'error') as 'error',
    MEDIASOUP_WORKERS: opts.workers ?? 1,
    RTC_PORT: 0,
    // The load generators open hundreds of sockets with one account: the per-account flood limits,
    // which protect other users, would otherwise throttle the generator itself.
    ...(opts.defaultLimits ? {} : { SOCKETS_PER_USER: 100_000, SOCKET_PACKETS_PER_USER_PER_SECOND: 1_000_000 }),
    CLIENT_DIST_DIR: opts.serveClient ? path.join(ROOT_DIR, 'client', 'dist') : '/nonexistent',
    DATA_DIR: dataDir ?? '',
    ...(opts.hisUrl ? { HIS_FHIR_BASE_URL: opts.hisUrl } : {}),
    ...(opts.databaseUrl ? { DATABASE_URL: opts.databaseUrl } : {}),
    ...(opts.jwtSecret ? { JWT_SECRET: opts.jwtSecret } : {}),
    ...(opts.pacsUrl ? { PACS_DICOMWEB_URL: opts.pacsUrl } : {}),
  },
);
const log = createLogger(config.LOG_LEVEL);
const server = await startServer(config, log, { memoryDatabase: !dataDir });
if (!dataDir) await seedDemoData(server.services.prisma);
const { prisma, rooms, pool } = server.services;

const handlers: Handlers<ServerApi> = {
  info: () => ({ url: server.url, pid: process.pid, workerPids: pool.workers().map((w) => w.worker.pid) }),
  async createConsultation({ participants }) {
    const inst = await prisma.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const c = await prisma.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: inst.id, hisPatientId: 'p-0001' } });
    for (const part of participants) {
      const u = await prisma.user.findUniqueOrThrow({ where: { username: part.username } });
      await prisma.consultationParticipant.create({ data: { consultationId: c.id, userId: u.id, role: part.role } });
    }
    return { id: c.id };
  },
  routes: () => appRouteTable(server),
  async stats({ gc }) {
    if (gc && typeof globalThis.gc === 'function') {
      globalThis.gc();
      await new Promise((r) => setTimeout(r, 100));
      globalThis.gc();
    }
    const workers = pool.workers();
    const dumps = await Promise.all(workers.map((w) => w.worker.dump()));
    const routerIds = dumps.flatMap((d) => d.routerIds);
    let transports = 0;
    for (const room of rooms.all()) transports += (await room.router.dump()).transportIds.length;
    const servers = await Promise.all(workers.map((w) => w.webRtcServer.dump()));
    const mem = process.memoryUsage();
    return {
      rssBytes: mem.rss,
      heapUsedBytes: mem.heapUsed,
      rooms: rooms.size,
      peers: rooms.all().reduce((n, r) => n + r.peers.size, 0),
      routers: routerIds.length,
      transports,
      webRtcServerTransports: servers.reduce((n, d) => n + d.webRtcTransportIds.length, 0),
      workerPids: workers.map((w) => w.worker.pid),
      auditRows: await prisma.auditEvent.count(),
    };
  },
};

serveRpc<ServerApi>(handlers, async () => {
  await server.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});
