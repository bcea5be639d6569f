import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponseSchema } from '@cloudclinic/shared';
import { startHaproxy, type RunningHaproxy } from '../../scripts/lib/haproxy.mjs';
import { freePort } from '../../scripts/lib/orthanc.mjs';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis.mjs';
import { loadConfig } from '../src/config/config';
import { seedDemoData } from '../src/db/seed/seed';
import { createLogger } from '../src/lib/logger';
import { startServer, type RunningServer } from '../src/server';
import { SignalingClient } from './helpers/signaling-client';
import { login } from './helpers/test-server';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Node {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
}

/**
 * Two app nodes (their own processes) behind Debian's HAProxy, sharing one database and Redis, as
 * `npm run start:cluster` runs them. The database is held by a third, in-test server that is not
 * behind the balancer (so killing a node never takes the data with it).
 */
describe('two nodes behind HAProxy: room affinity and failover', () => {
  const secret = crypto.randomBytes(48).toString('base64url');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-cluster-test-'));
  const sockets: SignalingClient[] = [];
  let redis: RunningRedis;
  let dbHolder: RunningServer;
  let haproxy: RunningHaproxy;
  const nodes: Node[] = [];

  const startNode = async (name: string): Promise<Node> => {
    const port = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'test',
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      MEDIASOUP_WORKERS: '1',
      RTC_PORT: '0',
      CLIENT_DIST_DIR: '/nonexistent',
      DATA_DIR: path.join(dataDir, name),
      DATABASE_URL: dbHolder.db.url,
      REDIS_URL: redis.url,
      JWT_SECRET: secret,
      NODE_ID: name,
    };
    // The node itself is this process (no tsx wrapper in between), so SIGKILL kills the node.
    const loader = pathToFileURL(path.join(ROOT, 'server/node_modules/tsx/dist/loader.mjs')).href;
    const child = spawn(process.execPath, ['--import', loader, 'server/src/index.ts'], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
    const url = `http://127.0.0.1:${port}`;
    const node = { name, port, url, child };
    nodes.push(node); // killed in afterAll even if it never comes up
    const deadline = Date.now() + 90_000;
    for (;;) {
      const ok = await fetch(`${url}/api/health/node`).then((r) => r.status === 200, () => false);
      if (ok) break;
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`node ${name} did not start`);
      await sleep(250);
    }
    return node;
  };

  beforeAll(async () => {
    redis = await startRedis();
    dbHolder = await startServer(
      loadConfig({ NODE_ENV: 'test' }, { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', MEDIASOUP_WORKERS: 1, RTC_PORT: 0, CLIENT_DIST_DIR: '/nonexistent', JWT_SECRET: secret, DATA_DIR: '' }),
      createLogger('silent'),
      { memoryDatabase: true },
    );
    await seedDemoData(dbHolder.services.prisma);
    await Promise.all([startNode('node1'), startNode('node2')]);
    haproxy = await startHaproxy({ port: await freePort(), nodes: nodes.map((n) => ({ name: n.name, port: n.port })), checkIntervalMs: 500 });
  }, 180_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await haproxy?.stop();
    for (const n of nodes) n.child.kill('SIGKILL');
    await dbHolder?.stop();
    await redis?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function consultation(): Promise<string> {
    const p = dbHolder.services.prisma;
    const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: inst.id, hisPatientId: 'p-0001' } });
    for (const [username, role] of [['dr.chen', 'expert'], ['kiosk.shengsi', 'patient_kiosk']] as const) {
      const u = await p.user.findUniqueOrThrow({ where: { username } });
      await p.consultationParticipant.create({ data: { consultationId: c.id, userId: u.id, role } });
    }
    return c.id;
  }

  async function join(token: string, consultationId: string, via = haproxy.url, node?: string) {
    const client = await SignalingClient.connect(via, token, { consultation: consultationId, ...(node ? { node } : {}) });
    sockets.push(client);
    const joined = await client.ok('room.join', { consultationId });
    return { client, peers: (joined['peers'] as unknown[]).length };
  }

  async function roomsOn(node: Node, adminToken: string): Promise<number> {
    const res = await fetch(`${node.url}/api/health`, { headers: { authorization: `Bearer ${adminToken}` } });
    return HealthResponseSchema.parse(await res.json()).sfu?.rooms ?? -1;
  }

  it("every socket of a room meets on one node; when that node dies the room is back on the other within 10 s", async () => {
    const [expert, kiosk, admin] = await Promise.all(['dr.chen', 'kiosk.shengsi', 'admin'].map(async (u) => (await login(haproxy.url, u)).accessToken));
    if (!expert || !kiosk || !admin) throw new Error('login failed');
    // Several rooms, each joined by two sockets that HAProxy could have put anywhere: each pair meets.
    const ids = await Promise.all([consultation(), consultation(), consultation()]);
    const hostOf = new Map<string, Node>();
    for (const id of ids) {
      const before = await Promise.all(nodes.map((n) => roomsOn(n, admin)));
      await join(expert, id);
      expect((await join(kiosk, id)).peers, 'the second socket must find the first in the room').toBe(1);
      const after = await Promise.all(nodes.map((n) => roomsOn(n, admin)));
      const grew = nodes.filter((_, i) => (after[i] ?? 0) > (before[i] ?? 0));
      expect(grew, 'exactly one node holds the room').toHaveLength(1);
      if (grew[0]) hostOf.set(id, grew[0]);
    }

    const id = ids[0] ?? '';
    const host = hostOf.get(id);
    if (!host) throw new Error('no node holds the room');
    const survivor = nodes.find((n) => n !== host);
    if (!survivor) throw new Error('no second node');

    // Placement: the other node refuses to open a second copy of the room and names the one that has
    // it; a socket sent back through the balancer with that name lands there and meets the others.
    const direct = await SignalingClient.connect(survivor.url, expert);
    sockets.push(direct);
    const refused = await direct.request('room.join', { consultationId: id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'wrong_node', details: { node: host.name } } });
    const redirected = await join(expert, id, haproxy.url, host.name);
    expect(redirected.peers, 'sent to the named node, the socket meets the kiosk there').toBe(1);
    const otherId = ids.find((x) => hostOf.get(x) === survivor);
    if (otherId) {
      const forced = await SignalingClient.connect(haproxy.url, expert, { consultation: otherId, node: survivor.name });
      sockets.push(forced);
      expect(await forced.request('room.join', { consultationId: otherId })).toMatchObject({ ok: true });
    }
    const roomsBefore = await roomsOn(survivor, admin);
    const killedAt = Date.now();
    host.child.kill('SIGKILL');

    // What a browser does after the drop: reconnect (through the same address) and join again; told
    // `wrong_node` while the dead node's lease runs out, it asks for that node (down: the balancer
    // hashes it to a live one) and tries again.
    const rejoin = async (token: string) => {
      for (;;) {
        try {
          return await join(token, id, haproxy.url, host.name);
        } catch {
          if (Date.now() - killedAt > 15_000) throw new Error('no rejoin within 15 s');
          await sleep(250);
        }
      }
    };
    const first = await rejoin(expert);
    const second = await rejoin(kiosk);
    const tookMs = Date.now() - killedAt;
    console.info(`[cluster] node killed → both sockets back in the room on the other node: ${tookMs} ms`);
    expect(first.peers + second.peers, 'the two rejoined sockets must meet on the surviving node').toBe(1);
    expect(tookMs, `failover took ${tookMs} ms`).toBeLessThan(10_000);
    expect(await roomsOn(survivor, admin)).toBeGreaterThan(roomsBefore);
    // REST through the balancer keeps working on the survivor.
    expect((await fetch(`${haproxy.url}/api/health/node`)).status).toBe(200);
  }, 120_000);
});
