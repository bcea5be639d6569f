import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, HealthResponseSchema, LoginResponseSchema } from '@cloudclinic/shared';
import { USERS } from '../src/db/seed/demo-data';
import { dbTargets } from './helpers/test-database';
import { requestFrom } from './helpers/from-address';
import { login, startTestServer, type TestServer } from './helpers/test-server';

async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

describe.each(dbTargets())('auth and health over HTTP (%s)', (target) => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer(target);
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('reports health: the status to anyone, database, SFU and outside systems to admins only', async () => {
    const res = await fetch(`${srv.url}/api/health`);
    expect(res.status).toBe(200);
    const pub = HealthResponseSchema.parse(await res.json());
    expect(pub.status).toBe('ok');
    expect(pub.database).toBeUndefined();
    expect(pub.integrations).toBeUndefined();
    for (const who of ['kiosk.shengsi', 'dr.chen']) {
      const seen = HealthResponseSchema.parse(await (await fetch(`${srv.url}/api/health`, { headers: { authorization: `Bearer ${(await login(srv.url, who)).accessToken}` } })).json());
      expect(seen.integrations, who).toBeUndefined();
    }
    const admin = (await login(srv.url, 'admin')).accessToken;
    const full = HealthResponseSchema.parse(await (await fetch(`${srv.url}/api/health`, { headers: { authorization: `Bearer ${admin}` } })).json());
    expect(full.database?.ok).toBe(true);
    expect(full.sfu?.liveWorkers).toBeGreaterThanOrEqual(1);
    expect(full.integrations).toBeDefined();
  });

  it('logs in every demo account and returns its role', async () => {
    for (const u of USERS) {
      const res = await post(srv.url, '/api/auth/login', { username: u.username, password: 'Demo@2026' });
      expect(res.status, u.username).toBe(200);
      const body = LoginResponseSchema.parse(res.body);
      expect(body.user.role).toBe(u.role);
      expect(body.expiresIn).toBe(900);
    }
  });

  it('refuses a wrong password with invalid_credentials, locks the account on the fifth failure, rate limits the sixth', async () => {
    // From an address of its own, so the per-IP limit it trips does not touch the other tests.
    const attempt = () => requestFrom('127.0.0.2', `${srv.url}/api/auth/login`, { body: { username: 'dr.he', password: 'wrong' } });
    for (let i = 1; i <= 5; i++) {
      const res = await attempt();
      expect(res.status, `attempt ${i}`).toBe(401);
      expect(ApiErrorSchema.parse(res.body).code).toBe('invalid_credentials');
    }
    const row = await srv.services.prisma.user.findUniqueOrThrow({ where: { username: 'dr.he' } });
    expect(row.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    const sixth = await attempt();
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThan(0);
    const audit = await srv.services.prisma.auditEvent.findMany({ where: { action: 'auth.login', outcome: 'locked_now' } });
    expect(audit).toHaveLength(1);
  });

  it('answers malformed JSON and invalid bodies with 400 and the error shape', async () => {
    const broken = await post(srv.url, '/api/auth/login', '{"username": "x",');
    expect(broken.status).toBe(400);
    expect(ApiErrorSchema.parse(broken.body)).toMatchObject({ code: 'bad_request', message: 'Malformed JSON body' });
    const invalid = await post(srv.url, '/api/auth/login', { username: 42 });
    expect(invalid.status).toBe(400);
    const err = ApiErrorSchema.parse(invalid.body);
    expect(err.code).toBe('bad_request');
    expect(JSON.stringify(err.details)).toContain('username');
  });

  it('requires a valid, untampered, unexpired token on protected routes', async () => {
    const none = await fetch(`${srv.url}/api/auth/me`);
    expect(none.status).toBe(401);
    expect(((await none.json()) as { code: string }).code).toBe('unauthorized');

    const ok = LoginResponseSchema.parse((await post(srv.url, '/api/auth/login', { username: 'dr.chen', password: 'Demo@2026' })).body);
    const me = await fetch(`${srv.url}/api/auth/me`, { headers: { authorization: `Bearer ${ok.accessToken}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { username: string }).username).toBe('dr.chen');

    const [h, p, sig] = ok.accessToken.split('.');
    const payload = JSON.parse(Buffer.from(p ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...payload, role: 'admin' })).toString('base64url')}.${sig}`;
    const tampered = await fetch(`${srv.url}/api/audit`, { headers: { authorization: `Bearer ${forged}` } });
    expect(tampered.status).toBe(401);

    const expired = await new SignJWT({ role: 'expert', inst: ok.user.institution.id, name: 'x', sid: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(ok.user.id)
      .setIssuer('cloudclinic')
      .setAudience('cloudclinic-api')
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) - 10)
      .sign(new TextEncoder().encode(srv.services.config.jwtSecret));
    const exp = await fetch(`${srv.url}/api/auth/me`, { headers: { authorization: `Bearer ${expired}` } });
    expect(exp.status).toBe(401);
    expect(((await exp.json()) as { code: string }).code).toBe('token_expired');
  });

  it('rotates refresh tokens, detects reuse, and revokes on logout', async () => {
    const first = LoginResponseSchema.parse((await post(srv.url, '/api/auth/login', { username: 'doc.wang', password: 'Demo@2026' })).body);
    const second = await post(srv.url, '/api/auth/refresh', { refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    const rotated = LoginResponseSchema.parse(second.body);
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    // Reusing the rotated token fails and revokes the family, so the new one dies too.
    expect((await post(srv.url, '/api/auth/refresh', { refreshToken: first.refreshToken })).status).toBe(401);
    expect((await post(srv.url, '/api/auth/refresh', { refreshToken: rotated.refreshToken })).status).toBe(401);

    const again = LoginResponseSchema.parse((await post(srv.url, '/api/auth/login', { username: 'doc.wang', password: 'Demo@2026' })).body);
    expect((await post(srv.url, '/api/auth/logout', { refreshToken: again.refreshToken })).status).toBe(204);
    expect((await post(srv.url, '/api/auth/refresh', { refreshToken: again.refreshToken })).status).toBe(401);
  });

  it('lets only admins read the audit trail', async () => {
    const expert = LoginResponseSchema.parse((await post(srv.url, '/api/auth/login', { username: 'dr.chen', password: 'Demo@2026' })).body);
    const denied = await fetch(`${srv.url}/api/audit`, { headers: { authorization: `Bearer ${expert.accessToken}` } });
    expect(denied.status).toBe(403);
    const admin = LoginResponseSchema.parse((await post(srv.url, '/api/auth/login', { username: 'admin', password: 'Demo@2026' })).body);
    const res = await fetch(`${srv.url}/api/audit?action=auth.login&limit=5`, { headers: { authorization: `Bearer ${admin.accessToken}` } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { events: { action: string }[] };
    expect(body.events.length).toBe(5);
    expect(body.events.every((e) => e.action === 'auth.login')).toBe(true);
  });
});
