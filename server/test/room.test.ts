import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

// Minimal but valid parameters as a browser would send them (mediasoup validates the details).
const OPUS_RTP = {
  mid: '0',
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1 }, rtcpFeedback: [] }],
  headerExtensions: [],
  encodings: [{ ssrc: 11111111 }],
  rtcp: { cname: 'test' },
};
const VP8_RTP = {
  mid: '1',
  codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, parameters: {}, rtcpFeedback: [{ type: 'nack' }] }],
  headerExtensions: [],
  encodings: [{ ssrc: 22222222 }],
  rtcp: { cname: 'test' },
};
const FINGERPRINT = { algorithm: 'sha-256', value: Array.from({ length: 32 }, () => 'AB').join(':') };

async function consultationFor(srv: TestServer, participants: { username: string; role: 'expert' | 'patient_kiosk' | 'local_doctor' | 'field_doctor' }[]) {
  const p = srv.services.prisma;
  const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
  const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: inst.id, hisPatientId: 'p-0001' } });
  for (const part of participants) {
    const u = await p.user.findUniqueOrThrow({ where: { username: part.username } });
    await p.consultationParticipant.create({ data: { consultationId: c.id, userId: u.id, role: part.role } });
  }
  return c.id;
}

async function joinWithMedia(client: SignalingClient, consultationId: string) {
  const join = await client.ok('room.join', { consultationId });
  const caps = join['routerRtpCapabilities'] as { codecs: unknown[]; headerExtensions: unknown[] };
  const send = await client.ok('transport.create', { direction: 'send' });
  const recv = await client.ok('transport.create', { direction: 'recv' });
  await client.ok('transport.connect', { transportId: recv['id'], dtlsParameters: { role: 'client', fingerprints: [FINGERPRINT] } });
  await client.ok('room.ready', { rtpCapabilities: caps });
  return { join, sendId: String(send['id']), recvId: String(recv['id']) };
}

describe('consultation room signaling with a real mediasoup worker', () => {
  let srv: TestServer;
  const tokens: Record<string, string> = {};
  const clients: SignalingClient[] = [];
  const connect = async (username: string) => {
    const c = await SignalingClient.connect(srv.url, tokens[username]);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    srv = await startTestServer('pglite', { MEDIASOUP_WORKERS: 2 });
    for (const u of ['dr.chen', 'dr.lin', 'kiosk.shengsi', 'doc.wang', 'doc.daishan', 'field.xu']) tokens[u] = (await login(srv.url, u)).accessToken;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await srv?.close();
  });

  it('refuses a socket without a valid token at the handshake', async () => {
    await expect(SignalingClient.connect(srv.url, undefined)).rejects.toThrow(/Authentication required/);
    await expect(SignalingClient.connect(srv.url, 'not-a-jwt')).rejects.toThrow(/Invalid access token/);
  });

  it('answers malformed and unknown requests with bad_request and keeps serving', async () => {
    const c = await connect('dr.chen');
    const unknown = await c.request('room.explode', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const bad = await c.request('room.join', { consultationId: '../../etc/passwd' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const raw: unknown = await c.socket.timeout(5000).emitWithAck('request', 'just a string');
    expect(raw).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const other: unknown = await c.socket.timeout(5000).emitWithAck('hack', { x: 1 });
    expect(other).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const before = await c.request('transport.create', { direction: 'send' });
    expect(before).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    expect(c.socket.connected).toBe(true);
  });

  it('refuses non-participants with forbidden and records the attempt', async () => {
    const id = await consultationFor(srv, [{ username: 'dr.chen', role: 'expert' }]);
    const outsider = await connect('dr.lin');
    const r = await outsider.request('room.join', { consultationId: id });
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const otherCounty = await connect('doc.daishan');
    expect(await otherCounty.request('room.join', { consultationId: id })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const audit = await srv.services.prisma.auditEvent.findMany({ where: { action: 'room.join', consultationId: id, outcome: 'forbidden' } });
    expect(audit).toHaveLength(2);
    // The local county doctor of the patient's institution may join.
    const local = await connect('doc.wang');
    expect(await local.request('room.join', { consultationId: id })).toMatchObject({ ok: true });
    await local.ok('room.leave');
  });

  it('tells the others whether a peer left by choice or its connection dropped', async () => {
    const id = await consultationFor(srv, [
      { username: 'dr.chen', role: 'expert' },
      { username: 'kiosk.shengsi', role: 'patient_kiosk' },
    ]);
    const expert = await connect('dr.chen');
    expect(await expert.request('room.join', { consultationId: id })).toMatchObject({ ok: true });
    const kiosk = await connect('kiosk.shengsi');
    expect(await kiosk.request('room.join', { consultationId: id })).toMatchObject({ ok: true });
    await kiosk.ok('room.leave');
    expect((await expert.waitFor('peer.left')).data).toMatchObject({ reason: 'left' });
    await expert.ok('room.leave');
  });

  it('answers a join that asks for them with both transports, in the same round trip', async () => {
    const id = await consultationFor(srv, [{ username: 'dr.chen', role: 'expert' }]);
    const expert = await connect('dr.chen');
    expect(await expert.request('room.join', { consultationId: id, transports: { sctpCapabilities: { numStreams: 'many' } } })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const join = await expert.ok('room.join', { consultationId: id, transports: { sctpCapabilities: { numStreams: { OS: 1024, MIS: 1024 } } } });
    const transports = join['transports'] as { send: { id: string; sctpParameters?: unknown }; recv: { id: string; iceCandidates: unknown[] } };
    expect(transports.send.id).not.toBe(transports.recv.id);
    expect(transports.send.sctpParameters).toBeDefined();
    expect(transports.recv.iceCandidates.length).toBeGreaterThan(0);
    const peer = [...(srv.services.rooms.get(id)?.peers.values() ?? [])][0];
    expect(peer?.transports.size).toBe(2);
    await expert.ok('transport.connect', { transportId: transports.recv.id, dtlsParameters: { role: 'client', fingerprints: [FINGERPRINT] } });
    // Without the option the answer has none (and the peer has none yet).
    await expert.ok('room.leave');
    const plain = await expert.ok('room.join', { consultationId: id });
    expect(plain['transports']).toBeUndefined();
    await expert.ok('room.leave');
  });

  it('runs the join / produce / consume / close lifecycle and leaves nothing behind', async () => {
    const id = await consultationFor(srv, [
      { username: 'dr.chen', role: 'expert' },
      { username: 'kiosk.shengsi', role: 'patient_kiosk' },
    ]);
    const expert = await connect('dr.chen');
    const kiosk = await connect('kiosk.shengsi');
    const e = await joinWithMedia(expert, id);
    expect(e.join['peers']).toEqual([]);
    const audio = await expert.ok('producer.create', { transportId: e.sendId, kind: 'audio', rtpParameters: OPUS_RTP, source: 'microphone' });
    const video = await expert.ok('producer.create', { transportId: e.sendId, kind: 'video', rtpParameters: VP8_RTP, source: 'camera' });
    const dup = await expert.request('producer.create', { transportId: e.sendId, kind: 'video', rtpParameters: { ...VP8_RTP, mid: '2', encodings: [{ ssrc: 3 }] }, source: 'camera' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const k = await joinWithMedia(kiosk, id);
    const peers = k.join['peers'] as { participantRole: string; producers: { source: string }[] }[];
    expect(peers).toHaveLength(1);
    expect(peers[0]?.participantRole).toBe('expert');
    expect(peers[0]?.producers.map((p) => p.source).sort()).toEqual(['camera', 'microphone']);
    await expert.waitFor('peer.joined', (d) => (d as { participantRole: string }).participantRole === 'patient_kiosk');

    // The kiosk got one paused consumer per expert producer; it resumes them itself.
    const audioConsumer = await kiosk.waitFor('consumer.new', (d) => (d as { producerId: string }).producerId === audio['id']);
    const videoConsumer = await kiosk.waitFor('consumer.new', (d) => (d as { producerId: string }).producerId === video['id']);
    for (const n of [audioConsumer, videoConsumer]) await kiosk.ok('consumer.resume', { consumerId: (n.data as { id: string }).id });

    const room = srv.services.rooms.get(id);
    expect(room?.peers.size).toBe(2);

    // Mute is seen by the other side.
    await expert.ok('producer.pause', { producerId: audio['id'] });
    await kiosk.waitFor('consumer.paused', (d) => (d as { consumerId: string }).consumerId === (audioConsumer.data as { id: string }).id);
    await expert.ok('producer.resume', { producerId: audio['id'] });
    await kiosk.waitFor('consumer.resumed');

    // Closing a producer closes the consumer on the other side.
    await expert.ok('producer.close', { producerId: video['id'] });
    await kiosk.waitFor('consumer.closed', (d) => (d as { consumerId: string }).consumerId === (videoConsumer.data as { id: string }).id);

    // Leaving cascades: the room closes with its last peer and its router is gone.
    const router = room?.router;
    // A socket that goes without "room.leave" is a dropped connection to the others (their tile stays, "reconnecting").
    expert.close();
    expect((await kiosk.waitFor('peer.left')).data).toMatchObject({ reason: 'dropped' });
    await kiosk.ok('room.leave');
    await expect.poll(() => srv.services.rooms.get(id)).toBeUndefined();
    expect(router?.closed).toBe(true);
    const dumps = await Promise.all(srv.services.pool.workers().map((w) => w.worker.dump()));
    expect(dumps.flatMap((d) => d.routerIds)).toEqual([]);
    // No transport is left on the WebRtcServers (the workers' shared UDP/TCP ports).
    const servers = await Promise.all(srv.services.pool.workers().map((w) => w.webRtcServer.dump()));
    expect(servers.flatMap((d) => d.webRtcTransportIds)).toEqual([]);
  });

  it('a second socket of the same user replaces the first peer (reconnect)', async () => {
    const id = await consultationFor(srv, [{ username: 'dr.chen', role: 'expert' }, { username: 'field.xu', role: 'field_doctor' }]);
    const field = await connect('field.xu');
    await field.ok('room.join', { consultationId: id });
    const first = await connect('dr.chen');
    await first.ok('room.join', { consultationId: id });
    const second = await connect('dr.chen');
    await second.ok('room.join', { consultationId: id });
    await first.waitFor('room.closed', (d) => (d as { reason: string }).reason === 'replaced');
    expect(srv.services.rooms.get(id)?.peers.size).toBe(2);
    for (const c of [field, first, second]) c.close();
  });

  it('a participant\'s device state (permission refused, no device) reaches the others, late joiners included; only after joining', async () => {
    const id = await consultationFor(srv, [{ username: 'dr.chen', role: 'expert' }, { username: 'kiosk.shengsi', role: 'patient_kiosk' }, { username: 'doc.wang', role: 'local_doctor' }]);
    const kiosk = await connect('kiosk.shengsi');
    expect(await kiosk.request('peer.devices', { camera: 'denied', microphone: 'on' })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const expert = await connect('dr.chen');
    await expert.ok('room.join', { consultationId: id });
    const joined = await kiosk.ok('room.join', { consultationId: id });
    const kioskPeerId = String(joined['peerId']);
    expect(await kiosk.request('peer.devices', { camera: 'hacked', microphone: 'on' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    await kiosk.ok('peer.devices', { camera: 'denied', microphone: 'missing' });
    const note = await expert.waitFor('peer.devices');
    expect(note.data).toEqual({ peerId: kioskPeerId, camera: 'denied', microphone: 'missing' });
    const doctor = await connect('doc.wang');
    const late = await doctor.ok('room.join', { consultationId: id });
    const peers = late['peers'] as { peerId: string; devices?: unknown }[];
    expect(peers.find((p) => p.peerId === kioskPeerId)?.devices).toEqual({ camera: 'denied', microphone: 'missing' });
    for (const c of [kiosk, expert, doctor]) c.close();
  });

  it('rate-limits a flood of requests', async () => {
    const c = await connect('dr.chen');
    const results = await Promise.all(Array.from({ length: 100 }, () => c.request('room.leave', {})));
    expect(results.filter((r) => !r.ok && r.error.code === 'rate_limited').length).toBeGreaterThan(0);
    expect(results.filter((r) => r.ok).length).toBeGreaterThanOrEqual(50);
  });

  it('when the room’s worker dies, peers are told to rejoin and the room comes back on a live worker', async () => {
    const id = await consultationFor(srv, [{ username: 'dr.chen', role: 'expert' }, { username: 'kiosk.shengsi', role: 'patient_kiosk' }]);
    const otherId = await consultationFor(srv, [{ username: 'dr.lin', role: 'expert' }]);
    const expert = await connect('dr.chen');
    const kiosk = await connect('kiosk.shengsi');
    const lin = await connect('dr.lin');
    await joinWithMedia(expert, id);
    await joinWithMedia(kiosk, id);
    await lin.ok('room.join', { consultationId: otherId });
    const room = srv.services.rooms.get(id);
    const other = srv.services.rooms.get(otherId);
    expect(room && other).toBeTruthy();
    if (!room || !other) return;
    // Put the other room on a different worker if both landed on the same one.
    expect(room.worker.index).not.toBe(other.worker.index);
    const deadPid = room.worker.worker.pid;
    process.kill(deadPid, 'SIGKILL');
    await expert.waitFor('room.closed', (d) => (d as { rejoin: boolean }).rejoin === true);
    await kiosk.waitFor('room.closed');
    expect(other.closed).toBe(false);
    const j = await expert.ok('room.join', { consultationId: id });
    expect(j['peerId']).toBeTruthy();
    const again = srv.services.rooms.get(id);
    expect(again?.worker.worker.pid).not.toBe(deadPid);
    await expect.poll(() => srv.services.pool.liveCount, { timeout: 10_000 }).toBe(2);
    expect(srv.services.pool.workers().map((w) => w.worker.pid)).not.toContain(deadPid);
  });
});
