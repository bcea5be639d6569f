#!/usr/bin/env node
// `npm run start:cluster -- --nodes 3`: several app nodes on this machine behind Debian's HAProxy
// at one address (PORT, default 8080), sharing one PostgreSQL database and one Redis.
//   DATABASE_URL  PostgreSQL (default: database `cloudclinic_cluster` on postgres@127.0.0.1:5432, created if missing)
//   REDIS_URL     Redis (default: a private redis-server on 127.0.0.1:6390)
//   JWT_SECRET    shared by the nodes (default: generated once into .data/cluster/jwt-secret)
// Node i listens on PORT+i, its SFU on RTC_PORT 40100+10·i (UDP/TCP) and ports 42000+1000·i….
// A node that dies is left down (HAProxy sends its rooms to the others within seconds); SIGTERM to
// one node drains it (its rooms move to the others, then it stops); Ctrl-C stops all at once.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './lib/exec.mjs';
import { startHaproxy } from './lib/haproxy.mjs';
import { startOutsideSystems } from './lib/outside-systems.mjs';
import { info, step } from './lib/progress.mjs';
import { startRedis } from './lib/redis.mjs';
import { setup, tsx } from './lib/setup-steps.mjs';

const pg = createRequire(path.join(ROOT, 'server/package.json'))('pg');
const arg = process.argv.indexOf('--nodes');
const count = arg > 0 ? Number(process.argv[arg + 1]) : 3;
if (!Number.isInteger(count) || count < 1 || count > 8) {
  console.error('--nodes must be a whole number from 1 to 8');
  process.exit(2);
}
const port = Number(process.env.PORT ?? 8080);
const clusterDir = path.join(process.env.DATA_DIR ?? path.join(ROOT, '.data'), 'cluster');
fs.mkdirSync(clusterDir, { recursive: true });

/** The default database on this machine's PostgreSQL, created on first use. */
async function defaultDatabase() {
  const server = 'postgresql://postgres@127.0.0.1:5432';
  const client = new pg.Client({ connectionString: `${server}/postgres` });
  await client.connect().catch((err) => {
    throw new Error(`no PostgreSQL at ${server} (${err.message}): start one or set DATABASE_URL`);
  });
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = 'cloudclinic_cluster'");
    if (!rowCount) await client.query('CREATE DATABASE cloudclinic_cluster');
  } finally {
    await client.end();
  }
  return `${server}/cloudclinic_cluster`;
}

function sharedSecret() {
  if (process.env.JWT_SECRET) return process.env.JWT_SECRET;
  const file = path.join(clusterDir, 'jwt-secret');
  if (!fs.existsSync(file)) fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { mode: 0o600 });
  return fs.readFileSync(file, 'utf8').trim();
}

await setup();
const DATABASE_URL = process.env.DATABASE_URL ?? (await step('PostgreSQL database', defaultDatabase));
const redis = process.env.REDIS_URL ? null : await step('Redis', () => startRedis({ port: 6390 }));
const shared = { DATABASE_URL, REDIS_URL: process.env.REDIS_URL ?? redis.url, JWT_SECRET: sharedSecret() };
await step('database: migrations and demo data', () => tsx(['server/src/db/cli/seed.ts'], { env: { ...process.env, ...shared } }));
const outside = await startOutsideSystems();

const loader = pathToFileURL(path.join(ROOT, 'server/node_modules/tsx/dist/loader.mjs')).href;
const nodes = [];
for (let i = 1; i <= count; i++) {
  const env = {
    ...process.env,
    ...outside.env,
    ...shared,
    PORT: String(port + i),
    RTC_PORT: String(40100 + 10 * i),
    RTC_MIN_PORT: String(42000 + 1000 * i),
    RTC_MAX_PORT: String(42999 + 1000 * i),
    DATA_DIR: path.join(clusterDir, `node${i}`),
    // The balancer's server name: a node sends a socket to another one by this name (`wrong_node`, `room.move`).
    NODE_ID: `node${i}`,
  };
  const child = spawn(process.execPath, ['--import', loader, 'server/src/index.ts'], { cwd: ROOT, stdio: 'inherit', env });
  child.on('exit', (code, signal) => info(`node${i} (port ${port + i}) exited (${signal ?? code}); HAProxy routes around it`));
  nodes.push({ name: `node${i}`, port: port + i, child });
}
const lb = await step(`HAProxy on :${port} in front of ${count} nodes`, () => startHaproxy({ port, host: '0.0.0.0', nodes, log: () => {} }));
info(`CloudClinic cluster: http://localhost:${port} (${count} nodes, ports ${port + 1}–${port + count})`);

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, () => {
    if (stopping) return;
    stopping = true;
    // The whole cluster stops: no node to move rooms to, so no drain (SIGTERM to one node drains it).
    for (const n of nodes) n.child.kill('SIGINT');
    void Promise.all(nodes.map((n) => (n.child.exitCode !== null ? null : new Promise((r) => n.child.once('exit', r)))))
      .then(() => Promise.all([lb.stop(), outside.stop(), redis?.stop()]))
      .finally(() => process.exit(0));
  });
}
