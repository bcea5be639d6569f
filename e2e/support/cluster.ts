import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { HealthResponseSchema } from '@cloudclinic/shared';
import { startCountyHisProcess, type RunningCountyHis } from '../../scripts/lib/county-his.mjs';
import { startHaproxy, type RunningHaproxy } from '../../scripts/lib/haproxy.mjs';
import { freePort } from '../../scripts/lib/orthanc.mjs';
import { createScratchDatabase, type ScratchDatabase } from '../../scripts/lib/postgres.mjs';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis.mjs';
import { apiLogin } from './api';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface ClusterNode {
  name: string;
  url: string;
  child: ChildProcess;
  /** The exit code (or the signal) once the node process has ended. */
  exited: Promise<number | string>;
}

export interface RunningCluster {
  /** The balancer: the one address browsers use. */
  url: string;
  nodes: ClusterNode[];
  /** The node whose SFU holds the consultation's room (asked of every live node, as an admin). */
  hostOf(consultationId: string): Promise<ClusterNode>;
  stop(): Promise<void>;
}

/**
 * Several app nodes behind Debian's HAProxy on this machine's PostgreSQL (a scratch database on the
 * TEST_DATABASE_URL server) and a private Redis, as `npm run start:cluster` runs them, serving the
 * built client. Every node is its own process (no wrapper), so a signal sent to it reaches the node.
 */
export async function startCluster(names: string[]): Promise<RunningCluster> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-e2e-cluster-'));
  const nodes: ClusterNode[] = [];
  let redis: RunningRedis | undefined;
  let db: ScratchDatabase | undefined;
  let his: RunningCountyHis | undefined;
  let haproxy: RunningHaproxy | undefined;
  const stop = async () => {
    await haproxy?.stop();
    for (const n of nodes) n.child.kill('SIGKILL');
    await Promise.all(nodes.map((n) => n.exited));
    await Promise.allSettled([redis?.stop(), his?.stop(), db?.drop()]);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    [redis, db, his] = await Promise.all([startRedis(), createScratchDatabase(), startCountyHisProcess({ stdio: 'ignore' })]);
    const shared = {
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      DATABASE_URL: db.url,
      REDIS_URL: redis.url,
      JWT_SECRET: crypto.randomBytes(48).toString('base64url'),
      HIS_FHIR_BASE_URL: his.url,
      // Imaging is not part of these tests: no PACS.
      PACS_DICOMWEB_URL: 'http://127.0.0.1:9/dicom-web',
      MEDIASOUP_WORKERS: '1',
      RTC_PORT: '0',
    };
    await run(`${ROOT}/server/node_modules/.bin/tsx`, ['server/src/db/cli/seed.ts'], { ...process.env, ...shared, DATA_DIR: dataDir });
    const started = await Promise.all(names.map(async (name) => ({ name, port: await freePort() })));
    for (const { name, port } of started) nodes.push(startNode(name, port, { ...shared, DATA_DIR: path.join(dataDir, name) }));
    await Promise.all(nodes.map((n) => waitHealthy(n)));
    haproxy = await startHaproxy({ port: await freePort(), nodes: started });
  } catch (err) {
    await stop();
    throw err;
  }
  const url = haproxy.url;
  return {
    url,
    nodes,
    // The spec holds one live consultation at a time: the one node with a room holds it.
    async hostOf(consultationId) {
      const admin = await apiLogin(url, 'admin');
      const deadline = Date.now() + 5000;
      for (;;) {
        const live = nodes.filter((n) => n.child.exitCode === null && n.child.signalCode === null);
        const rooms = await Promise.all(
          live.map(async (n) => {
            const res = await fetch(`${n.url}/api/health`, { headers: { authorization: `Bearer ${admin.accessToken}` } });
            return HealthResponseSchema.parse(await res.json()).sfu?.rooms ?? 0;
          }),
        );
        const holders = live.filter((_, i) => (rooms[i] ?? 0) > 0);
        if (holders.length === 1 && holders[0]) return holders[0];
        if (Date.now() > deadline) throw new Error(`consultation ${consultationId}: ${holders.length} nodes hold a room`);
        await sleep(250);
      }
    },
    stop,
  };
}

function startNode(name: string, port: number, env: Record<string, string>): ClusterNode {
  const loader = pathToFileURL(path.join(ROOT, 'server/node_modules/tsx/dist/loader.mjs')).href;
  const child = spawn(process.execPath, ['--import', loader, 'server/src/index.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', NODE_ID: name },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  return { name, url: `http://127.0.0.1:${port}`, child, exited };
}

async function waitHealthy(node: ClusterNode): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (await fetch(`${node.url}/api/health/node`).then((r) => r.ok, () => false)) return;
    if (node.child.exitCode !== null || Date.now() > deadline) throw new Error(`node ${node.name} did not start`);
    await sleep(300);
  }
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(cmd)} ${args.join(' ')} exited with ${code}`))));
  });
}
