import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('sockets outlive their access token only by renewing it', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer('pglite', { ACCESS_TOKEN_TTL_SECONDS: 8 });
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('closes a socket whose token expired, keeps one whose token was renewed in time', async () => {
    const stale = await SignalingClient.connect(srv.url, (await login(srv.url, 'kiosk.shengsi')).accessToken);
    const renewing = await SignalingClient.connect(srv.url, (await login(srv.url, 'kiosk.shengsi')).accessToken);
    try {
      await sleep(2000);
      const renewed = await renewing.ok('session.renew', { token: (await login(srv.url, 'kiosk.shengsi')).accessToken });
      const renewedExpiry = Date.parse(String(renewed['expiresAt']));
      const reasons: string[] = [];
      renewing.socket.on('disconnect', (r) => reasons.push(r));
      // The first token (8 s) runs out: its socket is closed by the server.
      await expect.poll(() => stale.socket.connected, { timeout: 12_000, interval: 250 }).toBe(false);
      expect(Date.now()).toBeLessThan(renewedExpiry);
      expect(reasons).toEqual([]);
      expect(renewing.socket.connected).toBe(true);
      expect(await renewing.request('mediaCheck.close', {})).toMatchObject({ ok: true });
    } finally {
      stale.close();
      renewing.close();
    }
  });

  it('refuses to switch a socket to another user, or to a forged token', async () => {
    const c = await SignalingClient.connect(srv.url, (await login(srv.url, 'kiosk.shengsi')).accessToken);
    try {
      const other = await c.request('session.renew', { token: (await login(srv.url, 'dr.chen')).accessToken });
      expect(other).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const forged = await c.request('session.renew', { token: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAA' });
      expect(forged).toMatchObject({ ok: false, error: { code: expect.stringMatching(/unauthorized|token_expired/) } });
    } finally {
      c.close();
    }
  });
});
