import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, LoginResponseSchema } from '@cloudclinic/shared';
import { AccessSessions } from '../src/modules/auth/access-sessions';
import { watchSession, type SessionEnd } from '../src/modules/auth/session-watch';
import { createTokenSigner, hashRefreshToken } from '../src/modules/auth/tokens';
import { SignalingClient } from './helpers/signaling-client';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const OLD_DEFAULT_SECRET = 'cloudclinic-development-secret-change-me-0123456789';

async function get(base: string, path: string, token: string) {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

function hs256(secret: string, claims: Record<string, unknown>, exp?: number): Promise<string> {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuer('cloudclinic').setAudience('cloudclinic-api').setIssuedAt();
  if (exp !== undefined) jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(secret));
}

/** Polls until the token is refused; returns how long that took. */
async function msUntilRefused(base: string, token: string, limitMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < limitMs) {
    if ((await get(base, '/api/auth/me', token)).status === 401) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 200));
  }
  return Infinity;
}

describe('access tokens: no published secret, exp required, user and session looked up', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('refuses a token forged with the old default secret (admin, unknown sub, no exp) on /api/audit', async () => {
    const forged = await hs256(OLD_DEFAULT_SECRET, { sub: 'nobody', role: 'admin', inst: 'x', name: 'x', sid: 'x' });
    const res = await get(srv.url, '/api/audit', forged);
    expect(res.status).toBe(401);
    expect(ApiErrorSchema.parse(res.body).code).toBe('unauthorized');
    // And the server does not run with that secret at all.
    expect(srv.services.config.jwtSecret).not.toBe(OLD_DEFAULT_SECRET);
  });

  it('refuses a token signed with the real secret but without exp, or for a user that does not exist', async () => {
    const admin = await srv.services.prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const secret = srv.services.config.jwtSecret;
    const claims = { sub: admin.id, role: 'admin', inst: admin.institutionId, name: 'x', sid: 'x' };
    expect((await get(srv.url, '/api/audit', await hs256(secret, claims))).status).toBe(401);
    const ghost = await hs256(secret, { ...claims, sub: 'no-such-user' }, Math.floor(Date.now() / 1000) + 600);
    expect((await get(srv.url, '/api/audit', ghost)).status).toBe(401);
    // With exp, a real user but a session that was never opened: refused as well.
    const noSession = await hs256(secret, claims, Math.floor(Date.now() / 1000) + 600);
    expect((await get(srv.url, '/api/audit', noSession)).status).toBe(401);
  });

  it('stops a disabled user’s token within the cache window, on REST and at the socket handshake', async () => {
    const { accessToken } = await login(srv.url, 'doc.daishan');
    expect((await get(srv.url, '/api/auth/me', accessToken)).status).toBe(200);
    await srv.services.prisma.user.update({ where: { username: 'doc.daishan' }, data: { disabled: true } });
    const window = srv.services.config.AUTH_CACHE_TTL_MS;
    const took = await msUntilRefused(srv.url, accessToken, window + 3000);
    expect(took).toBeLessThanOrEqual(window + 3000);
    await expect(SignalingClient.connect(srv.url, accessToken)).rejects.toThrow();
  });

  it('takes a role change from the database, not from the token (a demoted admin loses the audit trail)', async () => {
    const { accessToken } = await login(srv.url, 'coordinator');
    expect((await get(srv.url, '/api/audit', accessToken)).status).toBe(200);
    await srv.services.prisma.user.update({ where: { username: 'coordinator' }, data: { role: 'expert' } });
    const started = Date.now();
    let status = 200;
    while (status === 200 && Date.now() - started < srv.services.config.AUTH_CACHE_TTL_MS + 3000) {
      status = (await get(srv.url, '/api/audit', accessToken)).status;
      if (status === 200) await new Promise((r) => setTimeout(r, 200));
    }
    expect(status).toBe(403);
  });

  it('ends the access token at logout (REST and socket handshake), leaving other sessions of the user alone', async () => {
    const res = await fetch(`${srv.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'pharm.zhou', password: 'Demo@2026' }) });
    const session = LoginResponseSchema.parse(await res.json());
    const other = await login(srv.url, 'pharm.zhou');
    expect((await get(srv.url, '/api/auth/me', session.accessToken)).status).toBe(200);
    const out = await fetch(`${srv.url}/api/auth/logout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: session.refreshToken }) });
    expect(out.status).toBe(204);
    expect((await get(srv.url, '/api/auth/me', session.accessToken)).status).toBe(401);
    await expect(SignalingClient.connect(srv.url, session.accessToken)).rejects.toThrow();
    expect((await get(srv.url, '/api/auth/me', other.accessToken)).status).toBe(200);
  });

  it('tells a long-lived connection when its token expires and when its session is revoked', async () => {
    const session = await login(srv.url, 'field.xu');
    const row = await srv.services.prisma.refreshToken.findUniqueOrThrow({ where: { tokenHash: hashRefreshToken(session.refreshToken) } });
    const user = await srv.services.prisma.user.findUniqueOrThrow({ where: { username: 'field.xu' } });
    const claims = { sub: user.id, role: user.role, inst: user.institutionId, name: user.displayName };
    // A token that lives 2 seconds: the watch ends it at expiry, not later.
    const shortSigner = createTokenSigner(srv.services.config.jwtSecret, 2);
    const shortSessions = new AccessSessions(srv.services.prisma, shortSigner, 1000);
    const short = await shortSessions.verify(await shortSigner.signAccess(claims, row.familyId));
    const expired = await new Promise<{ reason: SessionEnd; at: number }>((resolve) => {
      watchSession(shortSessions, short, (reason) => resolve({ reason, at: Date.now() }), { recheckMs: 60_000 });
    });
    expect(expired.reason).toBe('token_expired');
    expect(Math.abs(expired.at - short.expiresAt.getTime())).toBeLessThan(1500);

    // A live token whose session is logged out: the re-check ends it within the cache window.
    const live = await srv.services.sessions.verify(session.accessToken);
    const revoked = new Promise<SessionEnd>((resolve) => {
      watchSession(srv.services.sessions, live, resolve, { recheckMs: 500 });
    });
    const out = await fetch(`${srv.url}/api/auth/logout`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: session.refreshToken }) });
    expect(out.status).toBe(204);
    const started = Date.now();
    expect(await revoked).toBe('unauthorized');
    expect(Date.now() - started).toBeLessThan(srv.services.config.AUTH_CACHE_TTL_MS + 2000);
  });
});
