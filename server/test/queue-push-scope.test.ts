import { afterAll, beforeAll, expect, it } from 'vitest';
import { QueueViewSchema, type QueueView } from '@cloudclinic/shared';
import { apiClient, type ApiClient } from './helpers/clinic-visit';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

// A queue change is pushed to every watching screen as that screen's user may see it, computed once
// per distinct view: the expert and the coordinator see the whole queue, each county doctor only
// their institution's part.
let srv: TestServer;
const sockets: SignalingClient[] = [];
beforeAll(async () => {
  srv = await startTestServer('pglite');
}, 120_000);
afterAll(async () => {
  for (const s of sockets) s.close();
  await srv?.close();
});

it('pushes each watcher its own scope of the queue (another county never sees the patient)', async () => {
  const p = srv.services.prisma;
  const [sscph, dsfph, chen] = await Promise.all([
    p.institution.findUniqueOrThrow({ where: { code: 'sscph' } }),
    p.institution.findUniqueOrThrow({ where: { code: 'dsfph' } }),
    p.user.findUniqueOrThrow({ where: { username: 'dr.chen' } }),
  ]);
  const token = async (u: string) => (await login(srv.url, u)).accessToken;
  const admin: ApiClient = apiClient(srv.url, await token('admin'));
  const now = Date.now();
  const session = await admin('POST', '/sessions', {
    expertId: chen.id,
    departmentId: chen.departmentId,
    startsAt: new Date(now - 600_000).toISOString(),
    endsAt: new Date(now + 3 * 3600_000).toISOString(),
    capacity: 50,
    institutionIds: [sscph.id, dsfph.id],
  });
  expect(session.status).toBe(201);
  const sessionId: string = session.body.id;
  const watch = async (u: string) => {
    const s = await SignalingClient.connect(srv.url, await token(u));
    sockets.push(s);
    await s.ok('queue.watch', { sessionId });
    return s;
  };
  const [expert, coordinator, wang, daishan] = await Promise.all(['dr.chen', 'admin', 'doc.wang', 'doc.daishan'].map(watch));
  if (!expert || !coordinator || !wang || !daishan) throw new Error('watchers');

  const ours = await admin('POST', `/sessions/${sessionId}/appointments`, { hisPatientId: 'p-0001', institutionId: sscph.id, patientName: '王建国' });
  const theirs = await admin('POST', `/sessions/${sessionId}/appointments`, { hisPatientId: 'p-0101', institutionId: dsfph.id, patientName: '李四' });
  expect([ours.status, theirs.status]).toEqual([201, 201]);
  const kiosk = apiClient(srv.url, await token('kiosk.shengsi'));
  expect((await kiosk('POST', '/kiosk/check-in', { code: ours.body.code })).status).toBe(200);

  const checkedIn = (d: unknown) => QueueViewSchema.parse(d).appointments.some((a) => a.id === ours.body.id && a.status === 'checked_in');
  const ids = (n: { data: unknown }) => QueueViewSchema.parse(n.data).appointments.map((a: QueueView['appointments'][number]) => a.id).sort();
  const all = [ours.body.id, theirs.body.id].sort();
  expect(ids(await expert.waitFor('queue.changed', checkedIn))).toEqual(all);
  expect(ids(await coordinator.waitFor('queue.changed', checkedIn))).toEqual(all);
  expect(ids(await wang.waitFor('queue.changed', checkedIn))).toEqual([ours.body.id]);
  // 岱山's doctor gets the change too (the queue moved), with 岱山's part only.
  const pushed = await daishan.waitFor('queue.changed', (d) => QueueViewSchema.parse(d).appointments.length > 0);
  expect(ids(pushed)).toEqual([theirs.body.id]);
  expect(daishan.notes.filter((n) => n.method === 'queue.changed').some((n) => JSON.stringify(n.data).includes(ours.body.id))).toBe(false);
}, 60_000);
