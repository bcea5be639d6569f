import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalingClient } from './helpers/signaling-client';
import { startTestCluster, type TestCluster } from './helpers/test-cluster';
import { login } from './helpers/test-server';

/** The nodes' drain limit in this test (the default, 10 s): a node that exits well before it was not waiting for it. */
const DRAIN_TIMEOUT_MS = 10_000;

/**
 * Draining a node: SIGTERM to the node that holds a live room. It places no room any more, tells the
 * room's participants which node to move to, and exits 0 as soon as they have left.
 */
describe('two nodes behind HAProxy: SIGTERM drains a node', () => {
  const sockets: SignalingClient[] = [];
  let cluster: TestCluster;

  beforeAll(async () => {
    cluster = await startTestCluster(['drain1', 'drain2'], { DRAIN_TIMEOUT_MS: String(DRAIN_TIMEOUT_MS) });
  }, 180_000);

  afterAll(async () => {
    for (const s of sockets) s.close();
    await cluster?.stop();
  });

  async function connect(via: string, token: string, query?: Record<string, string>) {
    const client = await SignalingClient.connect(via, token, query);
    sockets.push(client);
    return client;
  }

  async function join(token: string, consultationId: string, node?: string) {
    const client = await connect(cluster.haproxy.url, token, { consultation: consultationId, ...(node ? { node } : {}) });
    const joined = await client.ok('room.join', { consultationId });
    return { client, peers: (joined['peers'] as unknown[]).length };
  }

  it('the room moves to the other node, nothing new is placed on the draining one, and it exits 0 once empty', async () => {
    const { haproxy, nodes } = cluster;
    const [expert, kiosk, admin] = await Promise.all(['dr.chen', 'kiosk.shengsi', 'admin'].map(async (u) => (await login(haproxy.url, u)).accessToken));
    if (!expert || !kiosk || !admin) throw new Error('login failed');
    const [id, later] = await Promise.all([cluster.consultation(), cluster.consultation()]);
    if (!id || !later) throw new Error('no consultation');

    const before = await Promise.all(nodes.map((n) => cluster.roomsOn(n, admin)));
    const first = await join(expert, id);
    const second = await join(kiosk, id);
    expect(second.peers, 'both participants are in one room').toBe(1);
    const after = await Promise.all(nodes.map((n) => cluster.roomsOn(n, admin)));
    const host = nodes.find((_, i) => (after[i] ?? 0) > (before[i] ?? 0));
    const other = nodes.find((n) => n !== host);
    if (!host || !other) throw new Error('no node holds the room');
    // A socket on the host that has joined nothing yet: it tries to open rooms there while it drains.
    const bystander = await connect(host.url, expert);

    const termAt = Date.now();
    host.child.kill('SIGTERM');
    const [moveA, moveB] = await Promise.all([first.client.waitFor('room.move'), second.client.waitFor('room.move')]);
    expect(moveA.data, 'told to move to the live node').toEqual({ node: other.name });
    expect(moveB.data).toEqual({ node: other.name });

    // Draining: the balancer is told to stop sending here, and neither the room still open here nor
    // a new one is joined on this node; both are sent to the live node.
    expect((await fetch(`${host.url}/api/health/node`)).status).toBe(503);
    expect(await bystander.request('room.join', { consultationId: later })).toMatchObject({ ok: false, error: { code: 'wrong_node', details: { node: other.name } } });
    expect(await bystander.request('room.join', { consultationId: id })).toMatchObject({ ok: false, error: { code: 'wrong_node', details: { node: other.name } } });
    expect(await cluster.roomsOn(host, admin), 'no room was opened on the draining node').toBe(1);
    expect(host.child.exitCode, 'the node waits for its participants').toBeNull();

    // What the browsers do on `room.move`: reconnect through the balancer, asking for that node.
    first.client.close();
    second.client.close();
    const movedExpert = await join(expert, id, other.name);
    const movedKiosk = await join(kiosk, id, other.name);
    expect(movedExpert.peers + movedKiosk.peers, 'the two meet again on the live node').toBe(1);
    expect(await cluster.roomsOn(other, admin)).toBe((after[nodes.indexOf(other)] ?? 0) + 1);

    const code = await host.exited;
    const tookMs = Date.now() - termAt;
    console.info(`[cluster] SIGTERM → room moved and the node exited: ${tookMs} ms`);
    expect(code, 'a drained node exits cleanly').toBe(0);
    expect(tookMs, 'it stopped once its room had left, not at the drain limit').toBeLessThan(DRAIN_TIMEOUT_MS);
    // The balancer keeps serving through the live node, once its health check has seen the other one go
    // (a check or two after the exit).
    await expect.poll(async () => (await fetch(`${haproxy.url}/api/health/node`)).status, { timeout: 10_000, interval: 250 }).toBe(200);
    await expect
      .poll(async () => (await join(expert, later).catch(() => ({ peers: -1 }))).peers, { timeout: 10_000, interval: 250, message: 'a new room opens on the live node' })
      .toBe(0);
  }, 120_000);
});
