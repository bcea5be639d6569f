import crypto from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginResponseSchema, ManagedUserListSchema, MfaChallengeSchema } from '@cloudclinic/shared';
import { ConfigError, loadConfig } from '../src/config/config';
import { hmacKey } from '../src/modules/auth/tokens';
import { createChallengeTokens } from '../src/modules/auth/mfa/challenge-tokens';
import { SignalingClient } from './helpers/signaling-client';
import { enrolAtSignIn, enrolSignedIn, get, newUser, PASSWORD, post, str, totpCode } from './helpers/mfa';
import { login, startTestServer, type TestServer } from './helpers/test-server';

/**
 * Two-factor sign-in as production runs it (MFA_REQUIRED_ROLES = expert, pharmacist, admin), attacked:
 * the challenge used as an access token, wrong, replayed and foreign codes, recovery codes twice,
 * parallel guessing, disabling without the factor, a required role without a factor, kiosks.
 */
describe('two-factor sign-in (TOTP)', () => {
  let srv: TestServer;
  const audits = (actorId: string, action: string) => srv.services.prisma.auditEvent.findMany({ where: { actorId, action }, orderBy: { at: 'asc' } });

  beforeAll(async () => {
    srv = await startTestServer('pglite', { MFA_REQUIRED_ROLES: ['expert', 'pharmacist', 'admin'], AUTH_CACHE_TTL_MS: 0 });
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('gives a required role without a factor only an enrolment challenge, which is no access token on REST or sockets', async () => {
    const u = await newUser(srv, 'pharmacist');
    const res = await post(srv, '/auth/login', { username: u.username, password: PASSWORD });
    expect(res.status).toBe(200);
    const challenge = MfaChallengeSchema.parse(res.body);
    expect(challenge.mfa).toBe('enrol');
    expect(res.body).not.toHaveProperty('accessToken');
    for (const path of ['/auth/me', '/sessions', '/prescriptions/review-queue', '/account/mfa']) {
      expect((await get(srv, path, challenge.challengeToken)).status, path).toBe(401);
    }
    expect((await post(srv, '/account/mfa/enrol', {}, challenge.challengeToken)).status).toBe(401);
    await expect(SignalingClient.connect(srv.url, challenge.challengeToken)).rejects.toThrow();
    // Nor is it the code step's challenge, nor a refresh token.
    expect((await post(srv, '/auth/mfa/verify', { challengeToken: challenge.challengeToken, code: '123456' })).status).toBe(401);
    expect((await post(srv, '/auth/refresh', { refreshToken: challenge.challengeToken })).status).toBe(401);
    expect((await audits(u.id, 'auth.login')).map((a) => a.outcome)).toEqual(['mfa_enrolment_required']);
  });

  it('enrols at sign-in with the QR secret: stored sealed, confirmed by a code, ten hashed one-time recovery codes shown once', async () => {
    const u = await newUser(srv, 'expert');
    const first = MfaChallengeSchema.parse((await post(srv, '/auth/login', { username: u.username, password: PASSWORD })).body);
    const start = await post(srv, '/auth/mfa/enrol', { challengeToken: first.challengeToken });
    expect(start.status).toBe(200);
    const secret = str(start.body.secret);
    const uri = new URL(str(start.body.otpauthUri));
    expect(uri.protocol).toBe('otpauth:');
    expect(uri.searchParams.get('secret')).toBe(secret);
    expect(uri.searchParams.get('issuer')).toBe('CloudClinic 云门诊');
    const row = await srv.services.prisma.mfaEnrolment.findUniqueOrThrow({ where: { userId: u.id } });
    expect(JSON.stringify(row)).not.toContain(secret);
    expect(row.confirmedAt).toBeNull();
    // A wrong code does not confirm and gives no session.
    const wrong = await post(srv, '/auth/mfa/enrol/confirm', { challengeToken: first.challengeToken, code: (Number(await totpCode(secret)) ^ 1).toString().padStart(6, '0') });
    expect(wrong.status).toBe(401);
    expect(wrong.body).not.toHaveProperty('accessToken');
    const done = await post(srv, '/auth/mfa/enrol/confirm', { challengeToken: first.challengeToken, code: await totpCode(secret) });
    expect(done.status).toBe(200);
    const session = LoginResponseSchema.parse(done.body);
    const codes = done.body.recoveryCodes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect((await get(srv, '/auth/me', session.accessToken)).status).toBe(200);
    const stored = await srv.services.prisma.mfaRecoveryCode.findMany({ where: { userId: u.id } });
    expect(stored).toHaveLength(10);
    for (const c of codes) expect(JSON.stringify(stored)).not.toContain(c.replace('-', ''));
    // The enrolment challenge cannot start a second enrolment over the confirmed one.
    expect((await post(srv, '/auth/mfa/enrol', { challengeToken: first.challengeToken })).status).toBe(409);
    expect((await get(srv, '/account/mfa', session.accessToken)).body).toMatchObject({ enrolled: true, required: true, recoveryCodesLeft: 10 });
    expect((await audits(u.id, 'auth.mfa.enrol')).map((a) => a.outcome)).toEqual(['started', 'wrong_code', 'confirmed']);
  });

  it('asks an enrolled user for a code; the code challenge is refused as an access token, on sockets and for enrolment', async () => {
    const u = await newUser(srv, 'admin');
    const { secret } = await enrolAtSignIn(srv, u.username);
    const res = await post(srv, '/auth/login', { username: u.username, password: PASSWORD });
    const challenge = MfaChallengeSchema.parse(res.body);
    expect(challenge.mfa).toBe('code');
    expect(challenge.expiresIn).toBeLessThanOrEqual(600);
    expect((await get(srv, '/auth/me', challenge.challengeToken)).status).toBe(401);
    expect((await get(srv, '/audit?limit=1', challenge.challengeToken)).status).toBe(401);
    await expect(SignalingClient.connect(srv.url, challenge.challengeToken)).rejects.toThrow();
    expect((await post(srv, '/auth/mfa/enrol', { challengeToken: challenge.challengeToken })).status).toBe(401);
    // An access token is not a challenge either.
    const other = await login(srv.url, 'doc.wang');
    expect((await post(srv, '/auth/mfa/verify', { challengeToken: other.accessToken, code: await totpCode(secret, 1) })).status).toBe(401);
    // A forged challenge (right claims, signed with the access-token key) is refused.
    const forged = await new SignJWT({ purpose: 'code' })
      .setProtectedHeader({ alg: 'HS256', typ: 'mfa-challenge+jwt' })
      .setIssuer('cloudclinic')
      .setAudience('cloudclinic-mfa')
      .setSubject(u.id)
      .setJti(crypto.randomUUID())
      .setIssuedAt()
      .setExpirationTime('2m')
      .sign(hmacKey(srv.services.config.jwtSecret));
    expect((await post(srv, '/auth/mfa/verify', { challengeToken: forged, code: await totpCode(secret, 1) })).status).toBe(401);
    const ok = await post(srv, '/auth/mfa/verify', { challengeToken: challenge.challengeToken, code: await totpCode(secret, 1) });
    expect(ok.status).toBe(200);
    expect((await get(srv, '/auth/me', LoginResponseSchema.parse(ok.body).accessToken)).body).toMatchObject({ username: u.username });
  });

  it('refuses a wrong code, a replayed code (same time step) and the code of another user, each like a wrong password', async () => {
    const a = await newUser(srv, 'expert');
    const b = await newUser(srv, 'expert');
    const ea = await enrolAtSignIn(srv, a.username);
    const eb = await enrolAtSignIn(srv, b.username);
    const challengeOf = async (username: string) => str((await post(srv, '/auth/login', { username, password: PASSWORD })).body.challengeToken);
    const ca = await challengeOf(a.username);
    const wrong = await post(srv, '/auth/mfa/verify', { challengeToken: ca, code: '000000' === (await totpCode(ea.secret, 1)) ? '111111' : '000000' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('invalid_credentials');
    // B's current code is no code of A's.
    expect((await post(srv, '/auth/mfa/verify', { challengeToken: ca, code: await totpCode(eb.secret, 1) })).status).toBe(401);
    const code = await totpCode(ea.secret, 1);
    expect((await post(srv, '/auth/mfa/verify', { challengeToken: ca, code })).status).toBe(200);
    // The same code again, with a fresh challenge (the password was right): refused, and counted.
    const replay = await post(srv, '/auth/mfa/verify', { challengeToken: await challengeOf(a.username), code });
    expect(replay.status).toBe(401);
    expect(replay.body).toEqual(wrong.body);
    // The enrolment code (step now) can no longer be used either: steps only move forward.
    expect((await post(srv, '/auth/mfa/verify', { challengeToken: await challengeOf(a.username), code: await totpCode(ea.secret, 0) })).status).toBe(401);
    const outcomes = (await audits(a.id, 'auth.mfa.verify')).map((x) => x.outcome);
    expect(outcomes).toEqual(['wrong_code', 'wrong_code', 'code_replayed', 'code_replayed']);
  });

  it('refuses an expired challenge with token_expired, even with the right code', async () => {
    const u = await newUser(srv, 'expert');
    const { secret } = await enrolAtSignIn(srv, u.username);
    const shortLived = await createChallengeTokens(srv.services.config.jwtSecret, 1).sign(u.id, 'code');
    await new Promise((r) => setTimeout(r, 2100));
    const res = await post(srv, '/auth/mfa/verify', { challengeToken: shortLived, code: await totpCode(secret, 1) });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('token_expired');
  });

  it('accepts each recovery code once, and never as an access token', async () => {
    const u = await newUser(srv, 'pharmacist');
    const { recoveryCodes } = await enrolAtSignIn(srv, u.username);
    const rc = str(recoveryCodes[3]);
    const challenge = async () => str((await post(srv, '/auth/login', { username: u.username, password: PASSWORD })).body.challengeToken);
    const first = await post(srv, '/auth/mfa/verify', { challengeToken: await challenge(), code: rc.toUpperCase() });
    expect(first.status).toBe(200);
    expect((await post(srv, '/auth/mfa/verify', { challengeToken: await challenge(), code: rc })).status).toBe(401);
    const me = LoginResponseSchema.parse(first.body);
    expect((await get(srv, '/account/mfa', me.accessToken)).body).toMatchObject({ recoveryCodesLeft: 9 });
    expect((await get(srv, '/auth/me', rc)).status).toBe(401);
  });

  it('locks the account when 20 wrong codes arrive in parallel; the right code is then refused too', async () => {
    const u = await newUser(srv, 'expert');
    const { secret } = await enrolAtSignIn(srv, u.username);
    const challengeToken = str((await post(srv, '/auth/login', { username: u.username, password: PASSWORD })).body.challengeToken);
    const right = await totpCode(secret, 1);
    const guesses = Array.from({ length: 20 }, (_, i) => String((Number(right) + 1 + i) % 1_000_000).padStart(6, '0'));
    const results = await Promise.all(guesses.map((code) => post(srv, '/auth/mfa/verify', { challengeToken, code })));
    expect(results.every((r) => r.status === 401 || r.status === 429), results.map((r) => r.status).join(',')).toBe(true);
    const row = await srv.services.prisma.user.findUniqueOrThrow({ where: { id: u.id } });
    expect(row.lockedUntil?.getTime()).toBeGreaterThan(Date.now());
    const late = await post(srv, '/auth/mfa/verify', { challengeToken, code: right });
    expect(late.status).toBe(401);
    expect(late.body).not.toHaveProperty('accessToken');
    // Locked answers exactly like a wrong code: the lock is not revealed.
    expect(late.body).toEqual(results.find((r) => r.status === 401)?.body);
    expect((await audits(u.id, 'auth.mfa.verify')).map((a) => a.outcome)).toContain('account_locked');
  });

  it('rate-limits code guessing from one address with the failed-login budget (429 + Retry-After)', async () => {
    const u = await newUser(srv, 'county_doctor');
    const session = await login(srv.url, u.username, PASSWORD);
    const { secret } = await enrolSignedIn(srv, session.accessToken);
    const challengeToken = str((await post(srv, '/auth/login', { username: u.username, password: PASSWORD })).body.challengeToken);
    const from = '127.0.4.9';
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(srv, '/auth/mfa/verify', { challengeToken, code: '00000' + String(i) }, undefined, from)).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses[5]).toBe(429);
    // Even the right code waits at that address.
    expect((await post(srv, '/auth/mfa/verify', { challengeToken, code: await totpCode(secret, 1) }, undefined, from)).status).toBe(429);
  });

  it('disables a voluntary factor only with password and code; a required role cannot turn it off', async () => {
    const u = await newUser(srv, 'field_doctor');
    const direct = await post(srv, '/auth/login', { username: u.username, password: PASSWORD });
    const session = LoginResponseSchema.parse(direct.body);
    expect((await get(srv, '/account/mfa', session.accessToken)).body).toMatchObject({ available: true, enrolled: false, required: false });
    const { secret } = await enrolSignedIn(srv, session.accessToken);
    expect(MfaChallengeSchema.parse((await post(srv, '/auth/login', { username: u.username, password: PASSWORD })).body).mfa).toBe('code');
    const disable = (password: string, code: string) => post(srv, '/account/mfa/disable', { password, code }, session.accessToken);
    expect((await disable('wrong-password', await totpCode(secret, 1))).status).toBe(401);
    expect((await disable(PASSWORD, '123456' === (await totpCode(secret, 1)) ? '654321' : '123456')).status).toBe(401);
    expect((await post(srv, '/account/mfa/disable', { password: PASSWORD }, session.accessToken)).status).toBe(400);
    expect((await disable(PASSWORD, await totpCode(secret, 1))).status).toBe(204);
    expect(LoginResponseSchema.safeParse((await post(srv, '/auth/login', { username: u.username, password: PASSWORD })).body).success).toBe(true);
    expect((await audits(u.id, 'auth.mfa.disable')).map((a) => a.outcome)).toEqual(['wrong_password', 'wrong_code', 'ok']);

    const expert = await newUser(srv, 'expert');
    const e = await enrolAtSignIn(srv, expert.username);
    expect((await post(srv, '/account/mfa/disable', { password: PASSWORD, code: await totpCode(e.secret, 1) }, e.accessToken)).status).toBe(403);
  });

  it('lets an admin reset a user’s factor (audited): their sessions end, and the next sign-in must enrol again', async () => {
    const u = await newUser(srv, 'expert');
    const e = await enrolAtSignIn(srv, u.username);
    const admin = await newUser(srv, 'admin');
    const a = await enrolAtSignIn(srv, admin.username);
    // Not for other roles, not for the user themself unless admin.
    expect((await post(srv, `/users/${u.id}/mfa/reset`, {}, e.accessToken)).status).toBe(403);
    expect((await post(srv, `/users/${crypto.randomUUID()}/mfa/reset`, {}, a.accessToken)).status).toBe(404);
    // The admin's account list shows who signs in with a second factor (what the reset button is for).
    const enrolled = async () => ManagedUserListSchema.parse((await get(srv, '/admin/users', a.accessToken)).body).users.find((x) => x.id === u.id)?.mfaEnrolled;
    expect(await enrolled()).toBe(true);
    expect((await post(srv, `/users/${u.id}/mfa/reset`, {}, a.accessToken)).status).toBe(204);
    expect(await enrolled()).toBe(false);
    expect((await get(srv, '/auth/me', e.accessToken)).status).toBe(401);
    expect((await post(srv, '/auth/refresh', { refreshToken: e.refreshToken })).status).toBe(401);
    expect(MfaChallengeSchema.parse((await post(srv, '/auth/login', { username: u.username, password: PASSWORD })).body).mfa).toBe('enrol');
    const reset = await srv.services.prisma.auditEvent.findMany({ where: { action: 'auth.mfa.reset', entityId: u.id } });
    expect(reset.map((r) => [r.actorId, r.outcome])).toEqual([[admin.id, 'ok']]);
  });

  it('keeps a required role without a factor out of every API even with a session made before (refresh and access)', async () => {
    const u = await newUser(srv, 'pharmacist');
    // A session from before the requirement, made directly (as an older deployment would have).
    const issued = await srv.services.auth.startSession(u.id);
    expect((await get(srv, '/auth/me', issued.accessToken)).status).toBe(401);
    expect((await get(srv, '/prescriptions/review-queue', issued.accessToken)).status).toBe(401);
    await expect(SignalingClient.connect(srv.url, issued.accessToken)).rejects.toThrow();
    expect((await post(srv, '/auth/refresh', { refreshToken: issued.refreshToken })).status).toBe(401);
  });

  it('exempts kiosks: password sign-in, no enrolment, and the setting can never require them', async () => {
    const kiosk = await post(srv, '/auth/login', { username: 'kiosk.shengsi2', password: 'Demo@2026' });
    const session = LoginResponseSchema.parse(kiosk.body);
    expect((await get(srv, '/account/mfa', session.accessToken)).body).toMatchObject({ available: false, enrolled: false, required: false });
    expect((await post(srv, '/account/mfa/enrol', {}, session.accessToken)).status).toBe(403);
    const secret = crypto.randomBytes(48).toString('base64url');
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, MFA_REQUIRED_ROLES: 'expert,kiosk' })).toThrow(ConfigError);
    expect(() => loadConfig({ JWT_SECRET: secret, MFA_REQUIRED_ROLES: 'expert,nurse' })).toThrow(ConfigError);
  });

  it('requires experts, pharmacists and admins in production by default, nobody in development', () => {
    const secret = crypto.randomBytes(48).toString('base64url');
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }).mfaRequiredRoles).toEqual(['expert', 'pharmacist', 'admin']);
    expect(loadConfig({ NODE_ENV: 'development', JWT_SECRET: secret }).mfaRequiredRoles).toEqual([]);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, MFA_REQUIRED_ROLES: '' }).mfaRequiredRoles).toEqual([]);
    expect(loadConfig({ JWT_SECRET: secret, MFA_REQUIRED_ROLES: ' pharmacist , admin ' }).mfaRequiredRoles).toEqual(['pharmacist', 'admin']);
  });
});
