import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HealthResponseSchema } from '@cloudclinic/shared';
import { startHaproxy, type RunningHaproxy } from '../../../scripts/lib/haproxy.mjs';
import { freePort } from '../../../scripts/lib/orthanc.mjs';
import { startRedis, type RunningRedis } from '../../../scripts/lib/redis.mjs';
import { loadConfig } from '../../src/config/config';
import { seedDemoData } from '../../src/db/seed/seed';
import { createLogger } from '../../src/lib/logger';
import { startServer, type RunningServer } from '../../src/server';
import { createScratchDatabase } from './test-database';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ClusterNode {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has ended. */
  exited: Promise<number | string>;
}

export interface TestCluster {
  haproxy: RunningHaproxy;
  nodes: ClusterNode[];
  /** The in-test server that holds the shared database (not behind the balancer). */
  dbHolder: RunningServer;
  /** The nodes' private Redis. */
  redisUrl: string;
  /** The JWT_SECRET every node shares (node messages are signed with a key derived from it). */
  secret: string;
  /** A remote consultation of 嵊泗县人民医院 with dr.chen (expert) and kiosk.shengsi (patient kiosk). */
  consultation(): Promise<string>;
  /** How many rooms `node` holds (an admin's view of its health). */
  roomsOn(node: ClusterNode, adminToken: string): Promise<number>;
  stop(): Promise<void>;
}

/**
 * App nodes (their own processes) behind Debian's HAProxy, sharing one database and Redis, as
 * `npm run start:cluster` runs them: on a scratch database of this machine's PostgreSQL server when
 * TEST_DATABASE_URL is set (as `.ci/run` sets it), else on an embedded database served by a third,
 * in-test server. That server (not behind the balancer) migrates and seeds the database in both
 * cases, so stopping a node never takes the data with it. `env` is added to every node's.
 */
export async function startTestCluster(names: string[], env: Record<string, string> = {}): Promise<TestCluster> {
  const secret = crypto.randomBytes(48).toString('base64url');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-cluster-test-'));
  const nodes: ClusterNode[] = [];
  let redis: RunningRedis | undefined;
  let dbHolder: RunningServer | undefined;
  let haproxy: RunningHaproxy | undefined;
  let scratch: Awaited<ReturnType<typeof createScratchDatabase>> | undefined;

  const stop = async () => {
    await haproxy?.stop();
    for (const n of nodes) n.child.kill('SIGKILL');
    await Promise.all(nodes.map((n) => n.exited));
    await dbHolder?.stop();
    await redis?.stop();
    await scratch?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };

  const startNode = async (name: string, holder: RunningServer, redisUrl: string): Promise<ClusterNode> => {
    const port = await freePort();
    const nodeEnv = {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MEDIASOUP_WORKERS: '1',
      RTC_PORT: '0',
      CLIENT_DIST_DIR: '/nonexistent',
      DATA_DIR: path.join(dataDir, name),
      DATABASE_URL: holder.db.url,
      REDIS_URL: redisUrl,
      JWT_SECRET: secret,
      NODE_ID: name,
      ...env,
    };
    // The node itself is this process (no tsx wrapper in between), so signals reach the node.
    const loader = pathToFileURL(path.join(ROOT, 'server/node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, 'server/src/index.ts'], { cwd: ROOT, env: nodeEnv, stdio: ['ignore', 'ignore', 'inherit'] });
    const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
    const url = `http://127.0.0.1:${port}`;
    const node = { name, port, url, child, exited };
    nodes.push(node); // killed by stop() even if it never comes up
    const deadline = Date.now() + 90_000;
    for (;;) {
      const ok = await fetch(`${url}/api/health/node`).then((r) => r.status === 200, () => false);
      if (ok) break;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`node ${name} did not start`);
      await sleep(250);
    }
    return node;
  };

  try {
    redis = await startRedis();
    if (process.env['TEST_DATABASE_URL']) scratch = await createScratchDatabase();
    dbHolder = await startServer(
      loadConfig(
        { NODE_ENV: 'test' },
        { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', MEDIASOUP_WORKERS: 1, RTC_PORT: 0, CLIENT_DIST_DIR: '/nonexistent', JWT_SECRET: secret, DATA_DIR: '', ...(scratch ? { DATABASE_URL: scratch.url } : {}) },
      ),
      createLogger('silent'),
      { memoryDatabase: true },
    );
    await seedDemoData(dbHolder.services.prisma);
    const holder = dbHolder;
    const redisUrl = redis.url;
    await Promise.all(names.map((name) => startNode(name, holder, redisUrl)));
    haproxy = await startHaproxy({ port: await freePort(), nodes: nodes.map((n) => ({ name: n.name, port: n.port })), checkIntervalMs: 500 });
  } catch (err) {
    await stop();
    throw err;
  }
  const holder = dbHolder;

  return {
    haproxy,
    nodes,
    dbHolder: holder,
    redisUrl: redis.url,
    secret,
    async consultation() {
      const p = holder.services.prisma;
      const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
      const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: inst.id, hisPatientId: 'p-0001' } });
      for (const [username, role] of [['dr.chen', 'expert'], ['kiosk.shengsi', 'patient_kiosk']] as const) {
        const u = await p.user.findUniqueOrThrow({ where: { username } });
        await p.consultationParticipant.create({ data: { consultationId: c.id, userId: u.id, role } });
      }
      return c.id;
    },
    async roomsOn(node, adminToken) {
      const res = await fetch(`${node.url}/api/health`, { headers: { authorization: `Bearer ${adminToken}` } });
      return HealthResponseSchema.parse(await res.json()).sfu?.rooms ?? -1;
    },
    stop,
  };
}
