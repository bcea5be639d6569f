import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const OPUS_RTP = {
  mid: '0',
  codecs: [{ mimeType: 'audio/opus', payloadType: 111, clockRate: 48000, channels: 2, parameters: { useinbandfec: 1 }, rtcpFeedback: [] }],
  headerExtensions: [],
  encodings: [{ ssrc: 11111111 }],
  rtcp: { cname: 'check' },
};

describe('device check: media loopback through the SFU', () => {
  let srv: TestServer;
  let token: string;
  const clients: SignalingClient[] = [];
  const connect = async () => {
    const c = await SignalingClient.connect(srv.url, token);
    clients.push(c);
    return c;
  };
  const load = () => srv.services.pool.workers().reduce((sum, w) => sum + w.load, 0);

  beforeAll(async () => {
    srv = await startTestServer('pglite');
    token = (await login(srv.url, 'kiosk.shengsi')).accessToken;
  });
  afterAll(async () => {
    for (const c of clients) c.close();
    await srv?.close();
  });

  it('opens both transports in one request, on the announced addresses, and sends the stream back', async () => {
    const c = await connect();
    const opened = await c.ok('mediaCheck.open', {});
    const send = opened['send'] as { iceCandidates: { ip: string }[] };
    expect(send.iceCandidates.length).toBeGreaterThan(0);
    expect(send.iceCandidates.every((cand) => cand.ip !== '0.0.0.0')).toBe(true);
    expect(opened['recv']).toBeTruthy();
    const caps = opened['routerRtpCapabilities'];
    const { id } = await c.ok('mediaCheck.produce', { kind: 'audio', rtpParameters: OPUS_RTP });
    const back = await c.ok('mediaCheck.consume', { producerId: id, rtpCapabilities: caps });
    expect(back).toMatchObject({ producerId: id, kind: 'audio' });
    await c.ok('mediaCheck.close', {});
  });

  it('refuses a third stream, a foreign producer, and requests before open', async () => {
    const c = await connect();
    expect(await c.request('mediaCheck.produce', { kind: 'audio', rtpParameters: OPUS_RTP })).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const opened = await c.ok('mediaCheck.open', {});
    await c.ok('mediaCheck.produce', { kind: 'audio', rtpParameters: OPUS_RTP });
    await c.ok('mediaCheck.produce', { kind: 'audio', rtpParameters: { ...OPUS_RTP, mid: '1', encodings: [{ ssrc: 2222 }] } });
    const third = await c.request('mediaCheck.produce', { kind: 'audio', rtpParameters: { ...OPUS_RTP, mid: '2', encodings: [{ ssrc: 3333 }] } });
    expect(third).toMatchObject({ ok: false, error: { code: 'invalid_state' } });
    const foreign = await c.request('mediaCheck.consume', { producerId: '6f1c2f38-6a8a-4a55-9b59-4d4b0b4f6e11', rtpCapabilities: opened['routerRtpCapabilities'] });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  it('answers malformed media parameters with bad_request, never internal, and keeps the check usable', async () => {
    const c = await connect();
    const opened = await c.ok('mediaCheck.open', {});
    const send = opened['send'] as { id: string };
    const junkCodecs = await c.request('mediaCheck.produce', { kind: 'video', rtpParameters: { mid: 'x', codecs: [{}, { A: -3.7e-142 }], encodings: [{}] } });
    expect(junkCodecs).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const junkCaps = await c.request('mediaCheck.consume', { producerId: '6f1c2f38-6a8a-4a55-9b59-4d4b0b4f6e11', rtpCapabilities: { codecs: [{ kind: 'nonsense' }] } });
    expect(junkCaps).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    const junkDtls = await c.request('mediaCheck.connect', { transportId: send.id, dtlsParameters: { role: 'client', fingerprints: [{ algorithm: 'sha-256', value: 'zz' }] } });
    expect(junkDtls).not.toMatchObject({ ok: false, error: { code: 'internal' } });
    await c.ok('mediaCheck.produce', { kind: 'audio', rtpParameters: OPUS_RTP });
    await c.ok('mediaCheck.close', {});
  });

  it('frees the router when the socket goes away', async () => {
    const before = load();
    const c = await connect();
    await c.ok('mediaCheck.open', {});
    expect(load()).toBe(before + 1);
    c.close();
    await expect.poll(load, { timeout: 5000 }).toBe(before);
  });
});
