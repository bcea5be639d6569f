import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { startHaproxy } from '../../../scripts/lib/haproxy.mjs';
import { freePort } from '../../../scripts/lib/orthanc.mjs';
import { createScratchDatabase } from '../../../scripts/lib/postgres.mjs';
import { startRedis } from '../../../scripts/lib/redis.mjs';
import { TSX_LOADER } from '../lib/rpc';
import { ROOT_DIR } from '../lib/scenario';
import { sleep } from '../lib/stats';
import { startAppServer, type AppServer } from './server-process';

export interface BenchCluster {
  /** The balancer's URL: every client goes through it. */
  url: string;
  /** Seeds the database and creates fixtures; not behind the balancer, serves no client. */
  holder: AppServer;
  nodePids: number[];
  stop(): Promise<void>;
}

/**
 * `n` CloudClinic nodes as `npm run start:cluster` runs them — each its own process with one
 * mediasoup worker, on one scratch database of this machine's PostgreSQL server and a private
 * redis-server, behind Debian's HAProxy — plus a holder process that migrates and seeds the database.
 */
export async function startBenchCluster(n: number, hisUrl: string): Promise<BenchCluster> {
  const undo: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const fn of undo.reverse()) await fn().catch((err: unknown) => console.error('[bench cluster] stop:', err));
  };
  try {
    const db = await createScratchDatabase();
    undo.push(() => db.drop());
    const redis = await startRedis();
    undo.push(() => redis.stop());
    const secret = crypto.randomBytes(48).toString('base64url');
    const holder = await startAppServer({ workers: 1, serveClient: false, hisUrl, databaseUrl: db.url, jwtSecret: secret });
    undo.push(() => holder.stop());
    const nodes: { name: string; port: number; child: ChildProcess }[] = [];
    for (let i = 1; i <= n; i++) {
      const port = await freePort();
      const child = spawn(process.execPath, ['--import', TSX_LOADER, path.join(ROOT_DIR, 'server/src/index.ts')], {
        cwd: ROOT_DIR,
        stdio: ['ignore', 'ignore', 'inherit'],
        env: {
          ...process.env,
          NODE_ENV: 'test',
          PORT: String(port),
          HOST: '127.0.0.1',
          LOG_LEVEL: 'error',
          MEDIASOUP_WORKERS: '1',
          RTC_PORT: '0',
          CLIENT_DIST_DIR: '/nonexistent',
          DATABASE_URL: db.url,
          REDIS_URL: redis.url,
          JWT_SECRET: secret,
          NODE_ID: `node${i}`,
          HIS_FHIR_BASE_URL: hisUrl,
          // As on the embedded server of the other figures: the load generators use one account for hundreds of sockets.
          SOCKETS_PER_USER: '100000',
          SOCKET_PACKETS_PER_USER_PER_SECOND: '1000000',
        },
      });
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      undo.push(async () => {
        child.kill('SIGKILL');
        await exited;
      });
      nodes.push({ name: `node${i}`, port, child });
    }
    const deadline = Date.now() + 120_000;
    for (const node of nodes) {
      while (!(await fetch(`http://127.0.0.1:${node.port}/api/health/node`).then((r) => r.ok, () => false))) {
        if (node.child.exitCode !== null || Date.now() > deadline) throw new Error(`cluster node ${node.name} did not start`);
        await sleep(250);
      }
    }
    const haproxy = await startHaproxy({ port: await freePort(), nodes: nodes.map((x) => ({ name: x.name, port: x.port })), checkIntervalMs: 1000 });
    undo.push(() => haproxy.stop());
    return { url: haproxy.url, holder, nodePids: nodes.flatMap((x) => (x.child.pid ? [x.child.pid] : [])), stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
