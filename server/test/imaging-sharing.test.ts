import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const VIEW = {
  studyUid: '2.25.1',
  seriesUid: '2.25.2',
  sliceIndex: 17,
  voi: { center: -600, width: 1500 },
  camera: { zoom: 1.5, pan: [0.1, -0.05] },
  cine: { playing: false, fps: 20 },
};
const LENGTH = { uid: 'm-1', tool: 'Length', sopInstanceUid: '2.25.3', frame: 1, points: [[0, 0, -85], [12.5, 4, -85]] };

describe('shared viewing over socket.io', () => {
  let srv: TestServer;
  const tokens: Record<string, string> = {};
  const clients: SignalingClient[] = [];
  let consultationId = '';

  const connect = async (username: string) => {
    const c = await SignalingClient.connect(srv.url, tokens[username]);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    srv = await startTestServer('pglite');
    for (const u of ['dr.chen', 'dr.lin', 'kiosk.shengsi', 'doc.wang']) tokens[u] = (await login(srv.url, u)).accessToken;
    const p = srv.services.prisma;
    const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: inst.id, hisPatientId: 'p-0001' } });
    for (const [username, role] of [['dr.chen', 'expert'], ['kiosk.shengsi', 'patient_kiosk']] as const) {
      const u = await p.user.findUniqueOrThrow({ where: { username } });
      await p.consultationParticipant.create({ data: { consultationId: c.id, userId: u.id, role } });
    }
    consultationId = c.id;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await srv?.close();
  });

  it('refuses a non-participant', async () => {
    const outsider = await connect('dr.lin');
    expect(await outsider.request('imaging.join', { consultationId })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await outsider.request('imaging.present', { consultationId })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
  });

  it('relays the presenter state to followers, keeps it for late joiners, and hands over', async () => {
    const expert = await connect('dr.chen');
    const joined = await expert.ok('imaging.join', { consultationId });
    expect(joined).toMatchObject({ session: { presenter: null }, state: { rev: 0, view: null, measurements: [] } });
    const expertMember = String(joined['memberId']);

    // Nobody may change the view without presenting.
    expect(await expert.request('imaging.update', { consultationId, view: VIEW })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    await expert.ok('imaging.present', { consultationId });
    // Invalid view data is refused by the catalogue schema.
    expect(await expert.request('imaging.update', { consultationId, view: { ...VIEW, studyUid: 'DROP TABLE' } })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await expert.ok('imaging.update', { consultationId, view: VIEW, measurements: [LENGTH] })).toEqual({ rev: 1 });

    // A late joiner lands on the current state and sees who presents.
    const kiosk = await connect('kiosk.shengsi');
    const late = await kiosk.ok('imaging.join', { consultationId });
    expect(late).toMatchObject({ session: { presenter: { memberId: expertMember, participantRole: 'expert' } }, state: { rev: 1, view: VIEW, measurements: [LENGTH] } });
    const kioskMember = String(late['memberId']);
    await expert.waitFor('imaging.session', (d) => (d as { members: unknown[] }).members.length === 2);

    // Followers get each update (and the pointer) as it happens.
    const sent = Date.now();
    await expert.ok('imaging.update', { consultationId, view: { ...VIEW, sliceIndex: 18 }, pointer: [1, 2, -85] });
    const note = await kiosk.waitFor('imaging.state', (d) => (d as { rev: number }).rev === 2);
    expect(Date.now() - sent).toBeLessThan(200);
    expect(note.data).toMatchObject({ consultationId, from: expertMember, view: { sliceIndex: 18 }, measurements: [LENGTH] });
    expect((await kiosk.waitFor('imaging.pointer')).data).toMatchObject({ point: [1, 2, -85] });
    // A follower's update is refused.
    expect(await kiosk.request('imaging.update', { consultationId, view: VIEW })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // The presenter hands over; the new presenter drives, the expert follows.
    const handed = await expert.ok('imaging.handOver', { consultationId, toMemberId: kioskMember });
    expect(handed).toMatchObject({ presenter: { memberId: kioskMember } });
    await kiosk.waitFor('imaging.session', (d) => (d as { presenter: { memberId: string } | null }).presenter?.memberId === kioskMember);
    await kiosk.ok('imaging.update', { consultationId, view: { ...VIEW, sliceIndex: 3 } });
    expect((await expert.waitFor('imaging.state', (d) => (d as { rev: number }).rev === 3)).data).toMatchObject({ view: { sliceIndex: 3 } });
    expect(await expert.request('imaging.update', { consultationId, view: VIEW })).toMatchObject({ ok: false, error: { code: 'forbidden' } });

    // Anyone may take the role back; when the presenter disconnects, nobody presents and the state stays.
    await expert.ok('imaging.present', { consultationId });
    await kiosk.waitFor('imaging.session', (d) => (d as { presenter: { memberId: string } | null }).presenter?.memberId === expertMember);
    expert.close();
    await kiosk.waitFor('imaging.session', (d) => (d as { presenter: unknown; members: unknown[] }).presenter === null && (d as { members: unknown[] }).members.length === 1);
    const again = await connect('doc.wang');
    expect(await again.ok('imaging.join', { consultationId })).toMatchObject({ state: { rev: 3, view: { sliceIndex: 3 } }, session: { presenter: null } });
  });

  it('forgets a viewing when its last member leaves', async () => {
    for (const c of clients) c.close();
    const solo = await connect('dr.chen');
    await solo.ok('imaging.join', { consultationId });
    await solo.ok('imaging.leave', { consultationId });
    const back = await connect('dr.chen');
    // The previous state is gone once everybody left (the sockets above closed one by one).
    await expect.poll(async () => ((await back.ok('imaging.join', { consultationId }))['state'] as { rev: number }).rev).toBe(0);
  });
});
