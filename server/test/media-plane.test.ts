import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HealthResponseSchema } from '@cloudclinic/shared';
import { loadConfig } from '../src/config/config';
import { localAddresses } from '../src/media/listen-plan';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

async function candidatesOf(srv: TestServer): Promise<{ ip: string; protocol: string; port: number }[]> {
  const p = srv.services.prisma;
  const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
  const c = await p.consultation.create({ data: { kind: 'remote_consultation', status: 'active', institutionId: inst.id, hisPatientId: 'p-0001' } });
  const u = await p.user.findUniqueOrThrow({ where: { username: 'dr.chen' } });
  await p.consultationParticipant.create({ data: { consultationId: c.id, userId: u.id, role: 'expert' } });
  const client = await SignalingClient.connect(srv.url, (await login(srv.url, 'dr.chen')).accessToken);
  try {
    await client.ok('room.join', { consultationId: c.id });
    const t = await client.ok('transport.create', { direction: 'send' });
    return t['iceCandidates'] as { ip: string; protocol: string; port: number }[];
  } finally {
    client.close();
  }
}

async function health(srv: TestServer) {
  const res = await fetch(`${srv.url}/api/health`);
  return { status: res.status, body: HealthResponseSchema.parse(await res.json()) };
}

describe('media plane with the default configuration (no RTC settings)', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer('pglite');
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('offers browsers every local address, never 0.0.0.0', async () => {
    const candidates = await candidatesOf(srv);
    const ips = new Set(candidates.map((c) => c.ip));
    expect(ips).toEqual(new Set(localAddresses()));
    expect(ips.has('0.0.0.0')).toBe(false);
    expect(candidates.some((c) => c.protocol === 'udp') && candidates.some((c) => c.protocol === 'tcp')).toBe(true);
  });

  it('reports the announced addresses and a passing ICE self-test on /api/health', async () => {
    const { status, body } = await health(srv);
    expect(status).toBe(200);
    expect(body.status).toBe('ok');
    expect(body.media.announced).toEqual(localAddresses());
    expect(body.media.selfTest?.ok).toBe(true);
    expect(body.media.selfTest?.checks).toHaveLength(localAddresses().length);
    for (const check of body.media.selfTest?.checks ?? []) expect(check.rttMs).toBeLessThan(1000);
  });

  it('reports degraded when a worker stops answering, and ok again when it resumes', async () => {
    const [w] = srv.services.pool.workers();
    if (!w) throw new Error('no worker');
    process.kill(w.worker.pid, 'SIGSTOP');
    try {
      const result = await srv.services.mediaHealth.run();
      expect(result.ok).toBe(false);
      const { status, body } = await health(srv);
      expect(body.media.selfTest?.ok).toBe(false);
      expect(status).toBe(503);
      expect(body.status).toBe('degraded');
    } finally {
      process.kill(w.worker.pid, 'SIGCONT');
    }
    // Health checks again when the last check failed: ok at once, not after the next periodic run.
    const after = await health(srv);
    expect(after.body.status).toBe('ok');
    expect(after.body.media.selfTest?.ok).toBe(true);
  });
});

describe('media plane behind NAT (RTC_ANNOUNCED_ADDRESS)', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer('pglite', { RTC_LISTEN_IP: '0.0.0.0', RTC_ANNOUNCED_ADDRESS: '203.0.113.7' });
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('puts the announced address in every ICE candidate', async () => {
    const candidates = await candidatesOf(srv);
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    for (const c of candidates) expect(c.ip).toBe('203.0.113.7');
  });

  it('still checks the path locally and says what it announces', async () => {
    const { body } = await health(srv);
    expect(body.media.announced).toEqual(['203.0.113.7']);
    expect(body.media.selfTest?.ok).toBe(true);
  });
});

describe('configurations that could never carry media refuse to start', () => {
  it.each([
    [{ RTC_LISTEN_IP: '0.0.0.0' }, /RTC_LISTEN_IP=0\.0\.0\.0 without RTC_ANNOUNCED_ADDRESS/],
    [{ RTC_ANNOUNCED_ADDRESS: '0.0.0.0' }, /can never be reached/],
    [{ RTC_MIN_PORT: '45000', RTC_MAX_PORT: '44000' }, /no media port could ever open/],
  ])('%o', (env, message) => {
    expect(() => loadConfig({ NODE_ENV: 'test', ...env })).toThrow(message);
  });

  it('names the port when the SFU cannot bind it', async () => {
    const first = await startTestServer('pglite', { RTC_PORT: 47000 });
    try {
      await expect(startTestServer('pglite', { RTC_PORT: 47000 })).rejects.toThrow(/cannot listen on udp .*:47000/);
    } finally {
      await first.close();
    }
  });
});
