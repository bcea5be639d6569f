import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KIOSK_STAFF_PINS } from '../src/db/seed/demo-data';
import { requestFrom } from './helpers/from-address';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

/**
 * Kiosk mode: leaving it (sign-out) needs the staff PIN of the kiosk's own institution, checked on the
 * server, rate-limited like a password and audited; 呼叫工作人员 reaches only that institution's staff.
 */
const SHENGSI_PIN = KIOSK_STAFF_PINS['sscph'] ?? '';
const DAISHAN_PIN = KIOSK_STAFF_PINS['dsfph'] ?? '';

describe('kiosk mode', () => {
  let srv: TestServer;
  let admin: string;

  beforeAll(async () => {
    srv = await startTestServer('pglite');
    admin = (await login(srv.url, 'admin')).accessToken;
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  const unlock = (from: string, token: string, pin: unknown) =>
    requestFrom(from, `${srv.url}/api/kiosk/unlock`, { body: { pin }, headers: { authorization: `Bearer ${token}` } });

  async function auditOf(actorId: string, action: string): Promise<{ outcome: string; ip?: string | null }[]> {
    const res = await fetch(`${srv.url}/api/audit?action=${action}&actorId=${actorId}&limit=50`, { headers: { authorization: `Bearer ${admin}` } });
    const body = (await res.json()) as { events: { outcome: string; ip?: string | null }[] };
    return body.events;
  }

  async function me(token: string): Promise<string> {
    const res = await fetch(`${srv.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    return ((await res.json()) as { id: string }).id;
  }

  it('refuses a wrong PIN (403) and accepts the institution PIN, auditing both', async () => {
    const kiosk = (await login(srv.url, 'kiosk.shengsi')).accessToken;
    const wrong = await unlock('127.0.0.11', kiosk, '000000');
    expect(wrong.status).toBe(403);
    expect(wrong.body).toMatchObject({ code: 'forbidden' });
    const right = await unlock('127.0.0.11', kiosk, SHENGSI_PIN);
    expect(right.status).toBe(200);
    expect(right.body).toEqual({ unlocked: true });
    const outcomes = (await auditOf(await me(kiosk), 'kiosk.unlock')).map((e) => e.outcome);
    expect(outcomes).toEqual(expect.arrayContaining(['wrong_pin', 'success']));
  });

  it("refuses another institution's PIN", async () => {
    const daishan = (await login(srv.url, 'kiosk.daishan')).accessToken;
    expect((await unlock('127.0.0.12', daishan, SHENGSI_PIN)).status).toBe(403);
    expect((await unlock('127.0.0.12', daishan, DAISHAN_PIN)).status).toBe(200);
  });

  it('refuses a malformed PIN with 400 and a non-kiosk account with 403', async () => {
    const kiosk = (await login(srv.url, 'kiosk.shengsi2')).accessToken;
    expect((await unlock('127.0.0.13', kiosk, '12ab')).status).toBe(400);
    expect((await unlock('127.0.0.13', kiosk, 123456)).status).toBe(400);
    const doctor = (await login(srv.url, 'doc.wang')).accessToken;
    expect((await unlock('127.0.0.13', doctor, SHENGSI_PIN)).status).toBe(403);
  });

  it('limits parallel guesses: at most the allowed failures get an answer, the rest 429, even the right PIN', async () => {
    const kiosk = (await login(srv.url, 'kiosk.shengshan')).accessToken;
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, i) => unlock('127.0.0.14', kiosk, String(100000 + i))));
    const answered = guesses.filter((g) => g.status === 403).length;
    const limited = guesses.filter((g) => g.status === 429);
    expect(answered).toBeLessThanOrEqual(5);
    expect(limited.length).toBeGreaterThanOrEqual(15);
    expect(limited[0]?.headers['retry-after']).toBeDefined();
    const right = await unlock('127.0.0.14', kiosk, KIOSK_STAFF_PINS['sshc'] ?? '');
    expect(right.status).toBe(429);
  });

  it("tells only the kiosk institution's staff that the patient calls for help, and audits it", async () => {
    const kioskToken = (await login(srv.url, 'kiosk.shengsi')).accessToken;
    const kiosk = await SignalingClient.connect(srv.url, kioskToken);
    const sameStaff = await SignalingClient.connect(srv.url, (await login(srv.url, 'doc.wang')).accessToken);
    const otherStaff = await SignalingClient.connect(srv.url, (await login(srv.url, 'doc.daishan')).accessToken);
    const otherAdmin = await SignalingClient.connect(srv.url, admin);
    const doctor = await SignalingClient.connect(srv.url, (await login(srv.url, 'dr.chen')).accessToken);
    try {
      const ack = await kiosk.ok('kiosk.callStaff', { screen: 'consent' });
      expect(typeof ack['calledAt']).toBe('string');
      const note = await sameStaff.waitFor('kiosk.staffCalled');
      expect(note.data).toMatchObject({ screen: 'consent', kioskName: expect.stringContaining('嵊泗') as unknown });
      // Give the other screens the time the same-institution one needed, and more.
      await new Promise((r) => setTimeout(r, 300));
      for (const c of [otherStaff, otherAdmin, doctor, kiosk]) expect(c.notes.filter((n) => n.method === 'kiosk.staffCalled')).toEqual([]);

      const refused = await doctor.request('kiosk.callStaff', { screen: 'waiting' });
      expect(refused.ok ? 'ok' : refused.error.code).toBe('forbidden');
      expect((await kiosk.request('kiosk.callStaff', { screen: 'elsewhere' })).ok).toBe(false);
      expect((await auditOf(await me(kioskToken), 'kiosk.staff_call')).map((e) => e.outcome)).toContain('success');
    } finally {
      for (const c of [kiosk, sameStaff, otherStaff, otherAdmin, doctor]) c.close();
    }
  });
});
