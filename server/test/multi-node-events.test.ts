import crypto from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponseSchema } from '@cloudclinic/shared';
import { startRedis, type RunningRedis } from '../../scripts/lib/redis.mjs';
import { loadConfig, type Env } from '../src/config/config';
import { seedDemoData } from '../src/db/seed/seed';
import { createLogger } from '../src/lib/logger';
import type { DomainEvents } from '../src/modules/events/event-bus';
import { RedisEventBus } from '../src/modules/events/redis-event-bus';
import { startServer, type RunningServer } from '../src/server';
import { apiClient, ownSession, type ApiClient } from './helpers/clinic-visit';
import { SignalingClient } from './helpers/signaling-client';
import { login, type TestServer } from './helpers/test-server';

const log = createLogger('silent');
const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));

describe('domain events between server nodes through Redis', () => {
  let redis: RunningRedis;
  beforeAll(async () => {
    redis = await startRedis();
  }, 60_000);
  afterAll(async () => redis?.stop());

  it('an event published on one node reaches the listeners of every node exactly once', async () => {
    const [a, b] = await Promise.all([RedisEventBus.connect(redis.url, log), RedisEventBus.connect(redis.url, log)]);
    try {
      const got = { a: [] as DomainEvents['queue.changed'][], b: [] as DomainEvents['queue.changed'][] };
      a.subscribe('queue.changed', (p) => got.a.push(p));
      b.subscribe('queue.changed', (p) => got.b.push(p));
      a.publish('queue.changed', { sessionId: 's-1', institutionIds: ['i-1'] });
      await expect.poll(() => got.b.length).toBe(1);
      await settle();
      expect(got.a).toEqual([{ sessionId: 's-1', institutionIds: ['i-1'] }]);
      expect(got.b).toEqual([{ sessionId: 's-1', institutionIds: ['i-1'] }]);
      expect(a.reachable()).toBe(true);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('ignores malformed messages on the channel and keeps delivering', async () => {
    const bus = await RedisEventBus.connect(redis.url, log);
    const raw = new Redis(redis.url);
    try {
      const got: unknown[] = [];
      bus.subscribe('queue.changed', (p) => got.push(p));
      for (const junk of ['not json', '{"origin":"x","event":"queue.changed","payload":"text"}', '{"event":"queue.changed","payload":{}}', 'x'.repeat(100_000)]) {
        await raw.publish('cloudclinic:events', junk);
      }
      await raw.publish('cloudclinic:events', JSON.stringify({ origin: 'other-node', event: 'queue.changed', payload: { sessionId: 's-2', institutionIds: [] } }));
      await expect.poll(() => got.length).toBe(1);
      expect(got[0]).toEqual({ sessionId: 's-2', institutionIds: [] });
    } finally {
      raw.disconnect();
      await bus.close();
    }
  });

  it('refuses to start a node whose REDIS_URL is not a Redis URL', () => {
    expect(() => loadConfig({ NODE_ENV: 'test', JWT_SECRET: crypto.randomBytes(48).toString('base64url'), DATA_DIR: '', REDIS_URL: 'http://127.0.0.1:6379' })).toThrow(/REDIS_URL/);
  });

  it('health shows Redis; with Redis down the node reports degraded', async () => {
    const own = await startRedis();
    const srv = await startServer(
      loadConfig({ NODE_ENV: 'test' }, { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', MEDIASOUP_WORKERS: 1, RTC_PORT: 0, CLIENT_DIST_DIR: '/nonexistent', JWT_SECRET: crypto.randomBytes(48).toString('base64url'), DATA_DIR: '', REDIS_URL: own.url }),
      log,
      { memoryDatabase: true },
    );
    try {
      await seedDemoData(srv.services.prisma);
      const token = (await login(srv.url, 'admin')).accessToken;
      const health = async () => HealthResponseSchema.parse(await (await fetch(`${srv.url}/api/health`, { headers: { authorization: `Bearer ${token}` } })).json());
      expect((await health()).integrations?.['redis']).toEqual({ configured: true, url: own.url, reachable: true });
      await own.stop();
      await expect.poll(async () => (await health()).integrations?.['redis']?.reachable, { timeout: 10_000 }).toBe(false);
      expect((await health()).status).toBe('degraded');
    } finally {
      await own.stop();
      await srv.stop();
    }
  }, 60_000);

  describe('two app nodes on one database', () => {
    const secret = crypto.randomBytes(48).toString('base64url');
    const nodes: RunningServer[] = [];
    const sockets: SignalingClient[] = [];
    let a: RunningServer;
    let b: RunningServer;
    let lone: RunningServer;

    const node = async (overrides: Partial<Env>) => {
      const config = loadConfig(
        { NODE_ENV: 'test' },
        { PORT: 0, HOST: '127.0.0.1', LOG_LEVEL: 'silent', MEDIASOUP_WORKERS: 1, RTC_PORT: 0, CLIENT_DIST_DIR: '/nonexistent', JWT_SECRET: secret, DATA_DIR: '', AUTH_CACHE_TTL_MS: 30_000, ...overrides },
      );
      const started = await startServer(config, createLogger(config.LOG_LEVEL), { memoryDatabase: !overrides.DATABASE_URL });
      nodes.push(started);
      return started;
    };

    beforeAll(async () => {
      a = await node({ REDIS_URL: redis.url });
      await seedDemoData(a.services.prisma);
      // The others use node A's database (the embedded one, over its socket) as a cluster shares one.
      b = await node({ REDIS_URL: redis.url, DATABASE_URL: a.db.url });
      lone = await node({ DATABASE_URL: a.db.url }); // no Redis: a node that is not part of the cluster
    }, 120_000);
    afterAll(async () => {
      for (const s of sockets) s.close();
      for (const n of nodes.reverse()) await n.stop();
    });

    const watcher = async (srv: RunningServer, token: string, sessionId: string) => {
      const s = await SignalingClient.connect(srv.url, token);
      sockets.push(s);
      await s.ok('queue.watch', { sessionId });
      return s;
    };

    it("a kiosk check-in on node A reaches the expert's queue on node B, and not a node outside the cluster", async () => {
      const admin: ApiClient = apiClient(a.url, (await login(a.url, 'admin')).accessToken);
      const kiosk: ApiClient = apiClient(a.url, (await login(a.url, 'kiosk.shengsi')).accessToken);
      const sscph = await a.services.prisma.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
      const sessionId = await ownSession(a as unknown as TestServer, admin, 'dr.chen', sscph.id);
      const expertToken = (await login(b.url, 'dr.chen')).accessToken;
      const onB = await watcher(b, expertToken, sessionId);
      const outside = await watcher(lone, expertToken, sessionId);

      const booked = await admin('POST', `/sessions/${sessionId}/appointments`, { hisPatientId: 'p-0001', institutionId: sscph.id, patientName: '王建国' });
      expect(booked.status).toBe(201);
      expect((await kiosk('POST', '/kiosk/check-in', { code: booked.body.code })).status).toBe(200);

      const checkedIn = (data: unknown) => JSON.stringify(data).includes(booked.body.id) && JSON.stringify(data).includes('checked_in');
      await onB.waitFor('queue.changed', checkedIn, 10_000);
      await settle(1000);
      expect(outside.notes.some((n) => n.method === 'queue.changed' && checkedIn(n.data))).toBe(false);
    }, 60_000);

    it('an account disabled on node A is refused on node B at once, not after the auth cache runs out', async () => {
      const admin: ApiClient = apiClient(a.url, (await login(a.url, 'admin')).accessToken);
      const user = await a.services.prisma.user.findUniqueOrThrow({ where: { username: 'doc.daishan' } });
      const onB = apiClient(b.url, (await login(b.url, 'doc.daishan')).accessToken);
      const outside = apiClient(lone.url, (await login(lone.url, 'doc.daishan')).accessToken);
      expect((await onB('GET', '/auth/me')).status).toBe(200); // cached on B as valid (for 30 s)
      expect((await outside('GET', '/auth/me')).status).toBe(200);
      expect((await admin('POST', `/admin/users/${user.id}/disable`)).status).toBe(200);
      try {
        await expect.poll(async () => (await onB('GET', '/auth/me')).status, { timeout: 2000, interval: 100 }).toBe(401);
        // The node outside the cluster keeps its cached answer: that is what the event bus changes.
        expect((await outside('GET', '/auth/me')).status).toBe(200);
      } finally {
        expect((await admin('POST', `/admin/users/${user.id}/enable`)).status).toBe(200);
      }
    }, 60_000);
  });
});
