import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AckSchema, HealthResponseSchema } from '@cloudclinic/shared';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis.mjs';
import { loadConfig, type Env } from '../src/config/config';
import { seedDemoData } from '../src/db/seed/seed';
import { createLogger } from '../src/lib/logger';
import { startServer, type RunningServer } from '../src/server';
import { apiClient, ownSession } from './helpers/clinic-visit';
import { SignalingClient } from './helpers/signaling-client';
import { login, type TestServer } from './helpers/test-server';

const settle = (ms = 500) => new Promise((r) => setTimeout(r, ms));
const VIEW = { studyUid: '2.25.1', seriesUid: '2.25.2', sliceIndex: 17, voi: null, camera: null, cine: { playing: false, fps: 20 } };
const refusal = (err: unknown) => (err as { data?: { code?: string } }).data?.code;

/** Two app nodes in this process on one database and one Redis, as a cluster runs them. */
describe('state shared by the nodes through Redis: rooms, viewings, socket limits', () => {
  const secret = crypto.randomBytes(48).toString('base64url');
  const nodes: RunningServer[] = [];
  const clients: SignalingClient[] = [];
  let redis: RunningRedis;
  let a: RunningServer;
  let b: RunningServer;
  const tokens: Record<string, string> = {};

  // A low sustained packet rate (the burst stays 200) so that the shared budget shows within a test.
  const node = async (overrides: Partial<Env>) => {
    const config = loadConfig(
      { NODE_ENV: 'test' },
      { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', MEDIASOUP_WORKERS: 1, RTC_PORT: 0, CLIENT_DIST_DIR: '/nonexistent', JWT_SECRET: secret, DATA_DIR: '', REDIS_URL: redis.url, SOCKET_PACKETS_PER_USER_PER_SECOND: 2, ...overrides },
    );
    const started = await startServer(config, createLogger(config.LOG_LEVEL), { memoryDatabase: !overrides.DATABASE_URL });
    nodes.push(started);
    return started;
  };
  const connect = async (srv: RunningServer, username: string) => {
    const c = await SignalingClient.connect(srv.url, tokens[username]);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    redis = await startRedis();
    a = await node({ NODE_ID: 'node-a' });
    await seedDemoData(a.services.prisma);
    b = await node({ NODE_ID: 'node-b', DATABASE_URL: a.db.url });
    for (const u of ['dr.chen', 'kiosk.shengsi', 'dr.lin', 'doc.wang', 'admin']) tokens[u] = (await login(a.url, u)).accessToken;
  }, 120_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    for (const n of nodes.reverse()) await n.stop();
    await redis?.stop();
  });

  it('a viewing spans the nodes: presenter on A, follower on B sees state and presenter, takes over; each push arrives once', async () => {
    const p = a.services.prisma;
    const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: inst.id, hisPatientId: 'p-0001' } });
    for (const [username, role] of [['dr.chen', 'expert'], ['kiosk.shengsi', 'patient_kiosk']] as const) {
      const u = await p.user.findUniqueOrThrow({ where: { username } });
      await p.consultationParticipant.create({ data: { consultationId: c.id, userId: u.id, role } });
    }
    const consultationId = c.id;
    const expert = await connect(a, 'dr.chen');
    const expertMember = String((await expert.ok('imaging.join', { consultationId }))['memberId']);
    await expert.ok('imaging.present', { consultationId });
    expect(await expert.ok('imaging.update', { consultationId, view: VIEW })).toEqual({ rev: 1 });

    const kiosk = await connect(b, 'kiosk.shengsi');
    const joined = await kiosk.ok('imaging.join', { consultationId });
    expect(joined).toMatchObject({ session: { presenter: { memberId: expertMember } }, state: { rev: 1, view: VIEW } });
    const kioskMember = String(joined['memberId']);
    await expert.waitFor('imaging.session', (d) => (d as { members: unknown[] }).members.length === 2);
    // socket.io rooms span the nodes: node A finds the member connected to node B.
    expect((await a.io.in(`imaging:${consultationId}`).fetchSockets()).length).toBe(2);

    await expert.ok('imaging.update', { consultationId, view: { ...VIEW, sliceIndex: 18 } });
    await kiosk.waitFor('imaging.state', (d) => (d as { rev: number }).rev === 2);
    await kiosk.ok('imaging.present', { consultationId });
    await expert.waitFor('imaging.session', (d) => (d as { presenter: { memberId: string } | null }).presenter?.memberId === kioskMember);
    expect(await expert.request('imaging.update', { consultationId, view: VIEW })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await kiosk.ok('imaging.update', { consultationId, view: { ...VIEW, sliceIndex: 3 } })).toEqual({ rev: 3 });
    await expert.waitFor('imaging.state', (d) => (d as { rev: number }).rev === 3);
    await settle();
    const count = (cl: SignalingClient, rev: number) => cl.notes.filter((n) => n.method === 'imaging.state' && (n.data as { rev: number }).rev === rev).length;
    expect([count(kiosk, 2), count(expert, 3), count(expert, 2)]).toEqual([1, 1, 0]);
  }, 60_000);

  it("a check-in on node A reaches a queue watcher on each node exactly once", async () => {
    const admin = apiClient(a.url, tokens['admin'] ?? '');
    const kiosk = apiClient(b.url, tokens['kiosk.shengsi'] ?? '');
    const sscph = await a.services.prisma.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const sessionId = await ownSession(a as unknown as TestServer, admin, 'dr.chen', sscph.id);
    const watchers = [await connect(a, 'dr.chen'), await connect(b, 'dr.chen')];
    for (const w of watchers) await w.ok('queue.watch', { sessionId });
    const booked = await admin('POST', `/sessions/${sessionId}/appointments`, { hisPatientId: 'p-0001', institutionId: sscph.id, patientName: '王建国' });
    expect(booked.status).toBe(201);
    // The booking's own push first (its view is computed when it is pushed: a late one would already show the check-in).
    for (const w of watchers) await w.waitFor('queue.changed', (d) => JSON.stringify(d).includes(String(booked.body.id)), 10_000);
    const before = watchers.map((w) => w.notes.length);
    expect((await kiosk('POST', '/kiosk/check-in', { code: booked.body.code })).status).toBe(200);
    const checkedIn = (data: unknown) => JSON.stringify(data).includes('checked_in');
    for (const w of watchers) await w.waitFor('queue.changed', checkedIn, 10_000);
    await settle(1000);
    expect(watchers.map((w, i) => w.notes.slice(before[i]).filter((n) => n.method === 'queue.changed').length)).toEqual([1, 1]);
  }, 60_000);

  it('caps the sockets of one user across the nodes: 8 over two nodes, the 9th refused on either', async () => {
    const open = [...(await Promise.all([1, 2, 3, 4].map(() => connect(a, 'dr.lin')))), ...(await Promise.all([1, 2, 3, 4].map(() => connect(b, 'dr.lin'))))];
    for (const srv of [a, b]) await expect(connect(srv, 'dr.lin').then(() => 'admitted', refusal)).resolves.toBe('rate_limited');
    open[7]?.close(); // one on node B goes
    await expect.poll(() => connect(a, 'dr.lin').then(() => 'admitted', refusal), { timeout: 5_000 }).toBe('admitted');
    await expect(connect(b, 'dr.lin').then(() => 'admitted', refusal)).resolves.toBe('rate_limited');
  }, 60_000);

  it("shares the user's packet budget and a flooder's cooldown between the nodes", async () => {
    const onA = await connect(a, 'doc.wang');
    const onB = await connect(b, 'doc.wang');
    const packet = async (c: SignalingClient) => {
      const ack = AckSchema.parse(await c.socket.timeout(5_000).emitWithAck('probe', {}));
      return ack.ok ? 'ok' : ack.error.code === 'rate_limited' ? 'refused' : 'admitted';
    };
    // 190 of the burst of 200 spent on node A, then node B learns that only ~10 are left.
    const first = await Promise.all(Array.from({ length: 190 }, () => packet(onA)));
    expect(first.filter((v) => v === 'admitted').length).toBe(190);
    await settle(300);
    expect(await packet(onB)).toBe('admitted');
    await settle(300);
    const paced: string[] = [];
    for (let i = 0; i < 40; i++) {
      paced.push(await packet(onB));
      await settle(20);
    }
    const admittedOnB = paced.filter((v) => v === 'admitted').length;
    // Node B on its own would admit all 40 (its own bucket is full); shared, about 10 plus what refills.
    expect(admittedOnB).toBeLessThanOrEqual(20);
    expect(paced.filter((v) => v === 'refused').length).toBeGreaterThanOrEqual(20);

    // Flooding on B past 50 refusals throws the socket out and holds the user off on every node.
    const gone = new Promise((r) => onB.socket.once('disconnect', r));
    await Promise.all(Array.from({ length: 60 }, () => packet(onB).catch(() => 'lost')));
    await gone;
    // Node A learns the cooldown with its next sync of this user (at most 100 ms after a packet).
    let sentOnA = 0;
    while (onA.socket.connected && sentOnA < 20) {
      onA.socket.emit('probe', {});
      sentOnA += 1;
      await settle(50);
    }
    expect(onA.socket.connected).toBe(false);
    expect(sentOnA).toBeLessThanOrEqual(6);
    await expect(connect(a, 'doc.wang').then(() => 'admitted', refusal)).resolves.toBe('rate_limited');
  }, 60_000);

  it("stopping one node ends only its own sockets: the other node's stay connected", async () => {
    const c = await node({ NODE_ID: 'node-c', DATABASE_URL: a.db.url });
    const onA = await connect(a, 'admin');
    const onC = await connect(c, 'admin');
    let aDropped = false;
    onA.socket.on('disconnect', () => {
      aDropped = true;
    });
    const cDropped = new Promise<void>((resolve) => onC.socket.once('disconnect', () => resolve()));
    await c.stop();
    await cDropped;
    await settle(1000);
    expect(aDropped, "node A's socket was not ended by node C's stop").toBe(false);
    expect((await onA.request('queue.unwatch', { sessionId: 'none' })).ok).toBe(true);
  });

  it('Redis going away and coming back: the node stays up, says degraded, refuses shared viewing meanwhile, then resumes', async () => {
    const token = tokens['admin'] ?? '';
    const health = async () => HealthResponseSchema.parse(await (await fetch(`${a.url}/api/health`, { headers: { authorization: `Bearer ${token}` } })).json());
    const p = a.services.prisma;
    const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const cons = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: inst.id, hisPatientId: 'p-0001' } });
    const u = await p.user.findUniqueOrThrow({ where: { username: 'dr.chen' } });
    await p.consultationParticipant.create({ data: { consultationId: cons.id, userId: u.id, role: 'expert' } });
    const port = redis.port;
    await redis.stop();
    await expect.poll(async () => (await health()).status, { timeout: 10_000 }).toBe('degraded');
    // Sockets still open (the cap is then this node's own), REST answers, the viewing says it is unavailable.
    const during = await connect(a, 'dr.chen');
    expect(await during.request('imaging.join', { consultationId: cons.id })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect((await apiClient(a.url, token)('GET', '/auth/me')).status).toBe(200);

    redis = await startRedis({ port });
    await expect.poll(async () => (await health()).integrations?.['redis']?.reachable, { timeout: 15_000 }).toBe(true);
    // The node announces itself again as soon as it reconnects: the viewing works at once.
    await expect.poll(async () => (await during.request('imaging.join', { consultationId: cons.id })).ok, { timeout: 15_000, interval: 500 }).toBe(true);
    expect(await during.ok('imaging.present', { consultationId: cons.id })).toMatchObject({ presenter: { userId: u.id } });
    expect(await during.ok('imaging.update', { consultationId: cons.id, view: VIEW })).toEqual({ rev: 1 });
  }, 90_000);
});
