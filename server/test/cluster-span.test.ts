import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeKey, seal, unseal } from '../src/media/node-seal';
import { MediaClient } from './helpers/media-client';
import { startTestCluster, type ClusterNode, type TestCluster } from './helpers/test-cluster';
import { login } from './helpers/test-server';

const POLL = { timeout: 20_000, interval: 250 } as const;

/**
 * A room forced across two nodes (ROOM_SPAN=on): the expert joins on one node, the kiosk on the
 * other; the second node opens a satellite room linked to the first with mediasoup PipeTransports.
 * Real media: libwebrtc clients send a tone each way and the other side's consumer receives RTP.
 */
describe('two nodes, ROOM_SPAN=on: a room spans them with pipe transports', () => {
  const clients: MediaClient[] = [];
  let cluster: TestCluster;
  let home: ClusterNode;
  let satellite: ClusterNode;
  let tokens: { expert: string; kiosk: string; admin: string };
  let consultationId: string;

  beforeAll(async () => {
    cluster = await startTestCluster(['spanA', 'spanB'], { ROOM_SPAN: 'on', RTC_LISTEN_IP: '127.0.0.1' });
    [home, satellite] = cluster.nodes as [ClusterNode, ClusterNode];
    const [expert, kiosk, admin] = await Promise.all(['dr.chen', 'kiosk.shengsi', 'admin'].map(async (u) => (await login(cluster.haproxy.url, u)).accessToken));
    if (!expert || !kiosk || !admin) throw new Error('login failed');
    tokens = { expert, kiosk, admin };
    consultationId = await cluster.consultation();
  }, 180_000);

  afterAll(async () => {
    for (const c of clients) c.close();
    await cluster?.stop();
  });

  async function join(node: ClusterNode, token: string) {
    const { client, joined } = await MediaClient.join(node.url, token, consultationId);
    clients.push(client);
    return { client, peerId: String(joined['peerId']), peers: joined['peers'] as { peerId: string; producers: unknown[] }[] };
  }

  /** Bytes received on `client`'s consumer of `producerId`: above zero, and still growing a moment later. */
  async function receives(client: MediaClient, producerId: string) {
    await expect.poll(() => client.bytesReceived(producerId), { ...POLL, message: 'RTP arrives' }).toBeGreaterThan(0);
    const first = await client.bytesReceived(producerId);
    await expect.poll(() => client.bytesReceived(producerId), { ...POLL, message: 'RTP keeps arriving' }).toBeGreaterThan(first);
  }

  let expert: Awaited<ReturnType<typeof join>>;
  let kiosk: Awaited<ReturnType<typeof join>>;
  let expertMic: string;
  let kioskMic: string;

  it('each node holds the room, both sides list both peers, and RTP flows both ways', async () => {
    expert = await join(home, tokens.expert);
    kiosk = await join(satellite, tokens.kiosk);
    expect(kiosk.peers.map((p) => p.peerId), 'the satellite lists the peer on the home node').toEqual([expert.peerId]);
    await expert.client.signaling.waitFor('peer.joined', (d) => (d as { peerId: string }).peerId === kiosk.peerId);
    expect(await cluster.roomsOn(home, tokens.admin)).toBe(1);
    expect(await cluster.roomsOn(satellite, tokens.admin)).toBe(1);

    expertMic = (await expert.client.sendTone()).id;
    kioskMic = (await kiosk.client.sendTone()).id;
    const offered = await kiosk.client.signaling.waitFor('consumer.new', (d) => (d as { producerId: string }).producerId === expertMic);
    expect(offered.data, 'the piped producer keeps its id and names its peer').toMatchObject({ peerId: expert.peerId, kind: 'audio', source: 'microphone' });
    await receives(kiosk.client, expertMic);
    await receives(expert.client, kioskMic);
    for (const c of [expert, kiosk]) expect(c.client.errors, 'every offered consumer was set up').toEqual([]);
  }, 120_000);

  it('ignores malformed, unsigned, wrongly signed and stale node messages, and refuses a malformed link request', async () => {
    const redis = new Redis(cluster.redisUrl);
    const sub = new Redis(cluster.redisUrl);
    try {
      const answers: unknown[] = [];
      sub.on('message', (_c: string, raw: string) => answers.push(unseal(nodeKey(cluster.secret), raw)));
      await sub.subscribe('cloudclinic:node:tester');
      const id = crypto.randomUUID();
      const key = nodeKey(cluster.secret);
      const request = (rid: string) => ({ kind: 'request', id: rid, from: 'tester', op: 'link.open', body: { roomId: consultationId, pipe: { ip: '127.0.0.1' } } });
      const closeExpertMic = { kind: 'event', linkId: crypto.randomUUID(), from: 'spanB', event: { type: 'producer.closed', producerId: expertMic } };
      const junk = [
        'not json',
        seal(key, { kind: 'event', linkId: 'x', from: 'spanB', event: { type: 'producer.closed' } }),
        seal(key, closeExpertMic),
        // Well-formed but unsigned, signed with another secret, or stale: dropped without an answer.
        JSON.stringify(request(crypto.randomUUID())),
        seal(nodeKey('another cluster secret'), request(crypto.randomUUID())),
        seal(key, request(crypto.randomUUID()), Date.now() - 60_000),
        JSON.stringify(closeExpertMic),
        seal(key, request(id)),
      ];
      for (const raw of junk) await redis.publish(`cloudclinic:node:${home.name}`, raw);
      await expect.poll(() => answers, POLL).toEqual([{ kind: 'response', id, ok: false, body: { code: 'bad_request', message: 'Malformed link request' } }]);
    } finally {
      redis.disconnect();
      sub.disconnect();
    }
    // Nothing was closed or broken: media still flows both ways.
    expect(kiosk.client.signaling.notes.some((n) => n.method === 'consumer.closed')).toBe(false);
    await receives(kiosk.client, expertMic);
    await receives(expert.client, kioskMic);
  }, 60_000);

  it('when the kiosk leaves, the satellite room closes and the home node drops the link', async () => {
    const kioskConsumer = [...expert.client.consumers.values()].find((c) => c.producerId === kioskMic);
    await kiosk.client.signaling.ok('room.leave');
    await expect.poll(() => cluster.roomsOn(satellite, tokens.admin), { ...POLL, message: 'the satellite room closed' }).toBe(0);
    await expert.client.signaling.waitFor('peer.left', (d) => (d as { peerId: string }).peerId === kiosk.peerId);
    await expert.client.signaling.waitFor('consumer.closed', (d) => (d as { consumerId: string }).consumerId === kioskConsumer?.id);
    expect(await cluster.roomsOn(home, tokens.admin), 'the home room stays with the expert').toBe(1);

    // The kiosk comes back on the satellite node: a new link, the same room, media again.
    const back = await join(satellite, tokens.kiosk);
    expect(back.peers.map((p) => p.peerId), 'no peer of the old link is left over').toEqual([expert.peerId]);
    await receives(back.client, expertMic);
    const backMic = (await back.client.sendTone()).id;
    await expert.client.signaling.waitFor('consumer.new', (d) => (d as { producerId: string }).producerId === backMic);

    // The expert drops and rejoins on the home node, which the link held open meanwhile: it lists the
    // kiosk on the other node with its microphone, and receives it.
    expert.client.close();
    await back.client.signaling.waitFor('peer.left', (d) => (d as { peerId: string }).peerId === expert.peerId);
    expect(await cluster.roomsOn(home, tokens.admin), 'the link holds the home room open').toBe(1);
    const again = await join(home, tokens.expert);
    expect(again.peers.map((p) => [p.peerId, (p.producers as { id: string }[]).map((pr) => pr.id)])).toEqual([[back.peerId, [backMic]]]);
    await receives(again.client, backMic);
    for (const c of [again, back]) expect(c.client.errors, 'every offered consumer was set up').toEqual([]);
  }, 90_000);
});
