import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type RunningRedis } from '../../../../scripts/lib/redis.mjs';
import { createLogger } from '../../lib/logger';
import { startPresence, type NodePresence } from '../../lib/node-presence';
import { RedisViewing } from './redis-viewing';

const log = createLogger('silent');
const member = (memberId: string) => ({ memberId, userId: `u-${memberId}`, displayName: memberId, participantRole: 'expert' as const });
const view = (sliceIndex: number) => ({ studyUid: '1.2', seriesUid: '1.3', sliceIndex, voi: null, camera: null, cine: { playing: false, fps: 20 } });

/** Two nodes' views of the same Redis, each with its own connection and presence heartbeat. */
describe('RedisViewing (shared by the nodes)', () => {
  let redis: RunningRedis;
  const conns: Redis[] = [];
  const beats: NodePresence[] = [];
  const node = async (nodeId: string, ttlMs = 15_000) => {
    const conn = new Redis(redis.url);
    conns.push(conn);
    beats.push(await startPresence(conn, nodeId, log, ttlMs));
    return new RedisViewing(conn, nodeId);
  };
  beforeAll(async () => {
    redis = await startRedis();
  }, 60_000);
  afterAll(async () => {
    for (const b of beats) await b.stop(false);
    for (const c of conns) c.disconnect();
    await redis?.stop();
  });

  it('a member on A presents; a member on B sees the state and the presenter, and may take over', async () => {
    const [a, b] = [await node('node-a'), await node('node-b')];
    await a.join('c1', member('ma'));
    await a.present('c1', 'ma');
    expect((await a.update('c1', 'ma', { view: view(7) })).rev).toBe(1);
    const onB = await b.join('c1', member('mb'));
    expect(onB.state).toMatchObject({ rev: 1, view: view(7), measurements: [] });
    expect(onB.session.presenter?.memberId).toBe('ma');
    expect(onB.session.members.map((m) => m.memberId)).toEqual(['ma', 'mb']);
    await expect(b.update('c1', 'mb', { view: view(9) })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await b.present('c1', 'mb')).presenter?.memberId).toBe('mb');
    await expect(a.update('c1', 'ma', { view: view(8) })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await b.update('c1', 'mb', { measurements: [] })).rev).toBe(2);
    await expect(a.handOver('c1', 'ma', 'mb')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(b.handOver('c1', 'mb', 'nobody')).rejects.toMatchObject({ code: 'not_found' });
    expect((await b.handOver('c1', 'mb', 'ma')).presenter?.memberId).toBe('ma');
    await expect(a.present('c1', 'stranger')).rejects.toMatchObject({ code: 'invalid_state' });
    expect(await a.leave('c1', 'ma')).toMatchObject({ presenter: null });
    expect(await b.leave('c1', 'mb')).toBeNull();
    expect((await a.join('c1', member('again'))).state.rev).toBe(0); // forgotten with its last member
  });

  it('under concurrent updates and take-overs from two nodes: strictly increasing revisions, one presenter', async () => {
    const [a, b] = [await node('node-a2'), await node('node-b2')];
    await a.join('c2', member('ma'));
    await b.join('c2', member('mb'));
    await a.present('c2', 'ma');
    const accepted: { by: string; rev: number }[] = [];
    const send = async (v: RedisViewing, id: string, n: number) => {
      for (let i = 0; i < n; i++) {
        if (i % 10 === 5) await v.present('c2', id); // take the role over now and then
        await v.update('c2', id, { view: view(i) }).then(
          (s) => accepted.push({ by: id, rev: s.rev }),
          (err: unknown) => expect(err).toMatchObject({ code: 'forbidden' }),
        );
      }
    };
    await Promise.all([send(a, 'ma', 60), send(b, 'mb', 60)]);
    const revs = accepted.map((x) => x.rev);
    expect(new Set(accepted.map((x) => x.by))).toEqual(new Set(['ma', 'mb'])); // both presented in turn
    expect(revs.length).toBeLessThan(120); // and some updates were refused: only one presents at a time
    expect(new Set(revs).size).toBe(revs.length); // no revision handed out twice
    expect([...revs].sort((x, y) => x - y)).toEqual(Array.from({ length: revs.length }, (_, i) => i + 1));
    for (const by of ['ma', 'mb']) {
      const own = accepted.filter((x) => x.by === by).map((x) => x.rev);
      expect(own).toEqual([...own].sort((x, y) => x - y)); // each node sees its own revisions rise
    }
    const final = await a.join('c2', member('late'));
    expect(final.state.rev).toBe(revs.length);
    expect(['ma', 'mb']).toContain(final.session.presenter?.memberId);
  });

  it('drops the members of a node that stopped announcing itself, and the presenter role with them', async () => {
    const dying = await node('node-dies', 1_000);
    const live = await node('node-lives');
    await dying.join('c3', member('md'));
    await dying.present('c3', 'md');
    await live.join('c3', member('ml'));
    await beats.find((b) => b.nodeId === 'node-dies')?.stop(false); // a crash: no leave, no withdrawal
    const started = Date.now();
    const sessionSeenByLive = async () => (await live.join('c3', member('ml'))).session; // joining again changes nothing
    await expect.poll(async () => (await sessionSeenByLive()).members.map((m) => m.memberId), { timeout: 5_000, interval: 200 }).toEqual(['ml']);
    expect((await sessionSeenByLive()).presenter).toBeNull();
    await live.present('c3', 'ml');
    expect(Date.now() - started).toBeLessThan(4_000);
    expect((await live.update('c3', 'ml', { view: view(1) })).rev).toBe(1);
    await expect(dying.update('c3', 'md', { view: view(2) })).rejects.toMatchObject({ code: 'invalid_state' });
  });
});
