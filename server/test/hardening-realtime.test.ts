import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PEER_LIMITS } from '../src/media/peer';
import { createSocketServer, DEFAULT_SOCKET_LIMITS } from '../src/realtime/socket-server';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const OPUS_RTP = {
  mid: '0',
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1 }, rtcpFeedback: [] }],
  headerExtensions: [],
  encodings: [{ ssrc: 11111111 }],
  rtcp: { cname: 'test' },
};
const vp8 = (mid: string, ssrc: number) => ({
  mid,
  codecs: [{ mimeType: 'video/VP8', payloadType: 96, clockRate: 90000, parameters: {}, rtcpFeedback: [{ type: 'nack' }] }],
  headerExtensions: [],
  encodings: [{ ssrc }],
  rtcp: { cname: 'test' },
});

type ParticipantRole = 'expert' | 'patient_kiosk' | 'local_doctor' | 'field_doctor';

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] ?? Number.POSITIVE_INFINITY;
}

describe('socket limits that protect other users', () => {
  let srv: TestServer;
  const tokens: Record<string, string> = {};
  const clients: SignalingClient[] = [];
  const connect = async (username: string, url = srv.url) => {
    const c = await SignalingClient.connect(url, tokens[username]);
    clients.push(c);
    return c;
  };
  const consultationFor = async (participants: { username: string; role: ParticipantRole }[]) => {
    const p = srv.services.prisma;
    const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: inst.id, hisPatientId: 'p-0001' } });
    for (const part of participants) {
      const u = await p.user.findUniqueOrThrow({ where: { username: part.username } });
      await p.consultationParticipant.create({ data: { consultationId: c.id, userId: u.id, role: part.role } });
    }
    return c.id;
  };

  beforeAll(async () => {
    srv = await startTestServer('pglite');
    for (const u of ['dr.chen', 'dr.he', 'kiosk.shengsi', 'doc.daishan', 'field.xu', 'doc.wang']) tokens[u] = (await login(srv.url, u)).accessToken;
  }, 120_000);
  afterAll(async () => {
    for (const c of clients) c.close();
    await srv?.close();
  });

  it('a flood of unknown events, no-ack requests and 20 sockets of one user leaves another user’s p99 under 200 ms', async () => {
    const victim = await connect('dr.he');
    let victimDisconnected = false;
    victim.socket.on('disconnect', () => (victimDisconnected = true));
    // Baseline: the victim's requests with nobody flooding.
    const timeOne = async () => {
      const t0 = performance.now();
      const r = await victim.request('room.leave', {});
      expect(r).toEqual({ ok: true, data: {} });
      return performance.now() - t0;
    };
    for (let i = 0; i < 20; i++) await timeOne();

    const worker = new Worker(new URL('./hardening-flood-worker.mjs', import.meta.url), {
      workerData: { url: srv.url, token: tokens['doc.daishan'], sockets: 20 },
    });
    const messages: Record<string, unknown>[] = [];
    const next = (key: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const found = messages.find((m) => m[key]);
        if (found) return resolve(found);
        const onMessage = (m: Record<string, unknown>) => {
          if (m[key]) resolve(m);
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
      });
    worker.on('message', (m: Record<string, unknown>) => messages.push(m));
    await next('flooding');
    // A well-behaved client: about 20 requests a second (within its own socket's budget), 200 of
    // them, while the other user floods, is thrown out, and comes back to flood again.
    const latencies: number[] = [];
    while (latencies.length < 200) {
      latencies.push(await timeOne());
      await new Promise((r) => setTimeout(r, 45));
    }
    worker.postMessage('stop');
    const stats = await next('done');
    await worker.terminate();

    // The flooder got at most 8 sockets, was refused past that with a clear code, and thrown out.
    expect(stats['opened']).toEqual({
      connected: DEFAULT_SOCKET_LIMITS.maxSocketsPerUser,
      refused: 20 - DEFAULT_SOCKET_LIMITS.maxSocketsPerUser,
      refusedCodes: Array.from({ length: 20 - DEFAULT_SOCKET_LIMITS.maxSocketsPerUser }, () => 'rate_limited'),
    });
    expect(stats['disconnectedByServer']).toBeGreaterThan(0);
    expect(stats['reconnectRefused']).toBe(true);
    // The well-behaved user never noticed.
    expect(victimDisconnected).toBe(false);
    const measured = p99(latencies);
    console.info(`flood: ${String(stats['sent'])} packets sent, ${String(stats['reconnectAttempts'])} reconnection attempts; victim p99 ${measured.toFixed(1)} ms, max ${Math.max(...latencies).toFixed(1)} ms over ${latencies.length} requests`);
    expect(measured, `victim p99 ${measured.toFixed(1)} ms over ${latencies.length} requests`).toBeLessThan(200);
  }, 90_000);

  it('caps transports per peer at one send and one receive, even when asked in parallel', async () => {
    const id = await consultationFor([{ username: 'dr.chen', role: 'expert' }]);
    const c = await connect('dr.chen');
    await c.ok('room.join', { consultationId: id });
    const sends = await Promise.all(Array.from({ length: 5 }, () => c.request('transport.create', { direction: 'send' })));
    expect(sends.filter((r) => r.ok)).toHaveLength(1);
    expect(sends.filter((r) => !r.ok && r.error.code === 'conflict')).toHaveLength(4);
    expect((await c.request('transport.create', { direction: 'recv' })).ok).toBe(true);
    const again = await c.request('transport.create', { direction: 'recv' });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const peer = [...(srv.services.rooms.get(id)?.peers.values() ?? [])][0];
    expect(peer?.transports.size).toBe(2);
    await c.ok('room.leave');
  });

  it('caps producers (one per source, parallel included) and data producers per peer', async () => {
    const id = await consultationFor([{ username: 'field.xu', role: 'field_doctor' }]);
    const c = await connect('field.xu');
    await c.ok('room.join', { consultationId: id });
    const send = await c.ok('transport.create', { direction: 'send', sctpCapabilities: { numStreams: { OS: 1024, MIS: 1024 } } });
    const cams = await Promise.all([1, 2, 3].map((n) => c.request('producer.create', { transportId: send['id'], kind: 'video', rtpParameters: vp8(String(n), 3000 + n), source: 'camera' })));
    expect(cams.filter((r) => r.ok)).toHaveLength(1);
    expect(cams.filter((r) => !r.ok && r.error.code === 'conflict')).toHaveLength(2);
    expect((await c.request('producer.create', { transportId: send['id'], kind: 'audio', rtpParameters: OPUS_RTP, source: 'microphone' })).ok).toBe(true);
    const dps = await Promise.all(
      Array.from({ length: PEER_LIMITS.dataProducers + 3 }, (_, i) => c.request('dataProducer.create', { transportId: send['id'], sctpStreamParameters: { streamId: i, ordered: true }, label: 'vitals' })),
    );
    expect(dps.filter((r) => r.ok)).toHaveLength(PEER_LIMITS.dataProducers);
    expect(dps.filter((r) => !r.ok && r.error.code === 'conflict')).toHaveLength(3);
    await c.ok('room.leave');
  });

  it('room.ready twice (even at once) consumes each producer once', async () => {
    const id = await consultationFor([
      { username: 'dr.chen', role: 'expert' },
      { username: 'kiosk.shengsi', role: 'patient_kiosk' },
    ]);
    const kiosk = await connect('kiosk.shengsi');
    await kiosk.ok('room.join', { consultationId: id });
    const send = await kiosk.ok('transport.create', { direction: 'send' });
    await kiosk.ok('producer.create', { transportId: send['id'], kind: 'audio', rtpParameters: OPUS_RTP, source: 'microphone' });
    await kiosk.ok('producer.create', { transportId: send['id'], kind: 'video', rtpParameters: vp8('1', 4444), source: 'camera' });
    const expert = await connect('dr.chen');
    const join = await expert.ok('room.join', { consultationId: id });
    await expert.ok('transport.create', { direction: 'recv' });
    const caps = join['routerRtpCapabilities'];
    const results = await Promise.all([expert.request('room.ready', { rtpCapabilities: caps }), expert.request('room.ready', { rtpCapabilities: caps })]);
    expect(results.every((r) => r.ok)).toBe(true);
    await expert.ok('room.ready', { rtpCapabilities: caps });
    await expect.poll(() => expert.notes.filter((n) => n.method === 'consumer.new').length).toBe(2);
    await new Promise((r) => setTimeout(r, 200));
    expect(expert.notes.filter((n) => n.method === 'consumer.new')).toHaveLength(2);
    const peer = [...(srv.services.rooms.get(id)?.peers.values() ?? [])].find((p) => p.identity.userRole === 'expert');
    expect(peer?.consumers.size).toBe(2);
    for (const c of [kiosk, expert]) await c.ok('room.leave');
  });

  it('a join that never becomes ready times out (a second socket server with a short timeout); a ready peer stays', async () => {
    const httpServer = http.createServer();
    const io = createSocketServer(httpServer, srv.services, { ...DEFAULT_SOCKET_LIMITS, readyTimeoutMs: 500 });
    await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
      const id = await consultationFor([
        { username: 'doc.wang', role: 'local_doctor' },
        { username: 'dr.he', role: 'expert' },
      ]);
      const idle = await connect('doc.wang', url);
      const ready = await connect('dr.he', url);
      await idle.ok('room.join', { consultationId: id });
      const join = await ready.ok('room.join', { consultationId: id });
      await ready.ok('room.ready', { rtpCapabilities: join['routerRtpCapabilities'] });
      const closed = await idle.waitFor('room.closed', () => true, 5_000);
      expect(closed.data).toEqual({ reason: 'ready_timeout', rejoin: true });
      const room = srv.services.rooms.get(id);
      expect([...(room?.peers.values() ?? [])].map((p) => p.identity.userRole)).toEqual(['expert']);
      await ready.waitFor('peer.left');
      expect((await idle.request('transport.create', { direction: 'send' })).ok).toBe(false);
      await new Promise((r) => setTimeout(r, 700));
      expect(room?.peers.size).toBe(1);
      await ready.ok('room.leave');
    } finally {
      await new Promise<void>((resolve) => io.close(() => resolve()));
    }
  });
});
