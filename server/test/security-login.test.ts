import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '@cloudclinic/shared';
import { LoginLockout } from '../src/modules/auth/lockout';
import { requestFrom } from './helpers/from-address';
import { startTestServer, type TestServer } from './helpers/test-server';

describe('login under attack: atomic lockout, a lock that looks like a wrong password, rate limits', () => {
  let srv: TestServer;
  const login = (from: string, username: string, password: string) => requestFrom(from, `${srv.url}/api/auth/login`, { body: { username, password } });
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('locks the account when 30 wrong passwords arrive in parallel from one address', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => login('127.0.0.11', 'dr.lin', 'wrong-password')));
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 401 || s === 429), statuses.join(',')).toBe(true);
    expect(statuses.filter((s) => s === 401).length).toBeGreaterThanOrEqual(5);
    const row = await srv.services.prisma.user.findUniqueOrThrow({ where: { username: 'dr.lin' } });
    expect(row.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    // The right password from a fresh address is refused while locked.
    expect((await login('127.0.0.12', 'dr.lin', 'Demo@2026')).status).toBe(401);
  });

  it('counts 30 parallel failures with one conditional UPDATE each: exactly one of them locks', async () => {
    const user = await srv.services.prisma.user.findUniqueOrThrow({ where: { username: 'kiosk.shengshan' } });
    const lockout = new LoginLockout(srv.services.prisma, { maxFailures: 5, lockoutSeconds: 60 });
    const outcomes = await Promise.all(Array.from({ length: 30 }, () => lockout.recordFailure(user.id)));
    expect(outcomes.filter((o) => o === 'locked_now')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'counted')).toHaveLength(4);
    expect(outcomes.filter((o) => o === 'locked')).toHaveLength(25);
    expect(await lockout.recordSuccess(user.id)).toBe(false);
  });

  it('answers a locked account exactly like a wrong password, in similar time (the hash still runs)', async () => {
    await srv.services.prisma.user.update({ where: { username: 'doc.wang' }, data: { lockedUntil: new Date(Date.now() + 600_000) } });
    const locked = [];
    const wrong = [];
    const unknown = [];
    for (let i = 0; i < 3; i++) {
      locked.push(await login(`127.0.0.2${i}`, 'doc.wang', 'Demo@2026'));
      wrong.push(await login(`127.0.0.3${i}`, 'kiosk.daishan', 'not-the-password'));
      unknown.push(await login(`127.0.0.4${i}`, 'no.such.user', 'whatever'));
    }
    for (const r of [...locked, ...wrong, ...unknown]) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual(wrong[0]?.body);
    }
    expect(ApiErrorSchema.parse(wrong[0]?.body).code).toBe('invalid_credentials');
    const fastest = (rs: { ms: number }[]) => Math.min(...rs.map((r) => r.ms));
    // scrypt dominates each attempt: a locked account must not answer markedly faster than a wrong password.
    expect(fastest(locked)).toBeGreaterThan(fastest(wrong) * 0.5);
    expect(fastest(unknown)).toBeGreaterThan(fastest(wrong) * 0.5);
  });

  it('answers the 6th quick failed login from one address with 429 and Retry-After; other addresses and good logins are unaffected', async () => {
    for (let i = 1; i <= 5; i++) expect((await login('127.0.0.51', `ghost${i}`, 'x')).status, `attempt ${i}`).toBe(401);
    const sixth = await login('127.0.0.51', 'ghost6', 'x');
    expect(sixth.status).toBe(429);
    expect(ApiErrorSchema.parse(sixth.body).code).toBe('rate_limited');
    expect(Number(sixth.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(sixth.headers['retry-after'])).toBeLessThanOrEqual(60);
    // Even the right password waits at that address; another address still logs in.
    expect((await login('127.0.0.51', 'field.xu', 'Demo@2026')).status).toBe(429);
    expect((await login('127.0.0.52', 'field.xu', 'Demo@2026')).status).toBe(200);
    // Successful logins do not use up the budget: a kiosk that logs in often is never limited.
    for (let i = 0; i < 8; i++) expect((await login('127.0.0.53', 'kiosk.shengsi2', 'Demo@2026')).status).toBe(200);
  });

  it('limits failures per username across addresses (10 per 15 minutes), for unknown names alike', async () => {
    for (let i = 1; i <= 10; i++) expect((await login(`127.0.1.${i}`, 'nobody.here', 'x')).status, `attempt ${i}`).toBe(401);
    const eleventh = await login('127.0.1.11', 'nobody.here', 'x');
    expect(eleventh.status).toBe(429);
    expect(eleventh.headers['retry-after']).toBeDefined();
  });

  it('limits refresh calls per address', async () => {
    const limit = srv.services.config.RATE_LIMIT_REFRESH_PER_IP;
    const statuses = [];
    for (let i = 0; i <= limit; i++) statuses.push((await requestFrom('127.0.0.61', `${srv.url}/api/auth/refresh`, { body: { refreshToken: 'x'.repeat(43) } })).status);
    expect(statuses.slice(0, limit).every((s) => s === 401)).toBe(true);
    expect(statuses[limit]).toBe(429);
  });

  it('keeps its counters in the database, so every server process on it shares them', async () => {
    const rows = await srv.services.prisma.$queryRawUnsafe<{ key: string }[]>(`SELECT key FROM "rate_limit" WHERE key LIKE 'login-ip:%'`);
    expect(rows.map((r) => r.key)).toContain('login-ip:127.0.0.51');
  });
});
