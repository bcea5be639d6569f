import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalingClient } from './helpers/signaling-client';
import { startTestCluster, type ClusterNode, type TestCluster } from './helpers/test-cluster';
import { login } from './helpers/test-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Two app nodes (their own processes) behind Debian's HAProxy, sharing one database and Redis, as
 * `npm run start:cluster` runs them (see helpers/test-cluster).
 */
describe('two nodes behind HAProxy: room affinity and failover', () => {
  const sockets: SignalingClient[] = [];
  let cluster: TestCluster;
  let haproxy: TestCluster['haproxy'];
  let nodes: ClusterNode[];

  beforeAll(async () => {
    cluster = await startTestCluster(['node1', 'node2']);
    ({ haproxy, nodes } = cluster);
  }, 180_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await cluster?.stop();
  });

  const consultation = () => cluster.consultation();
  const roomsOn = (node: ClusterNode, adminToken: string) => cluster.roomsOn(node, adminToken);

  async function join(token: string, consultationId: string, via = haproxy.url, node?: string) {
    const client = await SignalingClient.connect(via, token, { consultation: consultationId, ...(node ? { node } : {}) });
    sockets.push(client);
    const joined = await client.ok('room.join', { consultationId });
    return { client, peers: (joined['peers'] as unknown[]).length };
  }

  it("every socket of a room meets on one node; when that node dies the room is back on the other within 10 s", async () => {
    const [expert, kiosk, admin] = await Promise.all(['dr.chen', 'kiosk.shengsi', 'admin'].map(async (u) => (await login(haproxy.url, u)).accessToken));
    if (!expert || !kiosk || !admin) throw new Error('login failed');
    // Several rooms, each joined by two sockets that HAProxy could have put anywhere: each pair meets.
    const ids = await Promise.all([consultation(), consultation(), consultation()]);
    const hostOf = new Map<string, ClusterNode>();
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
