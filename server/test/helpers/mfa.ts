import { generate } from 'otplib';
import type { Role } from '@cloudclinic/shared';
import { hashPassword } from '../../src/modules/auth/password';
import { requestFrom } from './from-address';
import type { TestServer } from './test-server';

export const PASSWORD = 'Mfa-Test@2026';

/** The TOTP code of `secret` at now + `offsetSteps` × 30 s. */
export function totpCode(secret: string, offsetSteps = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });
}

let serial = 0;
/** A user of its own for one test (no other test signs in as it), password PASSWORD. */
export async function newUser(srv: TestServer, role: Role): Promise<{ id: string; username: string }> {
  const prisma = srv.services.prisma;
  const inst = await prisma.institution.findUniqueOrThrow({ where: { code: role === 'expert' || role === 'admin' ? 'zjh' : 'sscph' } });
  const username = `mfa.${role}.${process.pid}.${++serial}`;
  return prisma.user.create({
    data: { username, displayName: `MFA ${role} ${serial}`, role, institutionId: inst.id, passwordHash: await hashPassword(PASSWORD) },
    select: { id: true, username: true },
  });
}

let address = 0;
/** A loopback source address of its own (127.0.3.x): per-IP failure budgets of one test do not touch another's. */
export function freshAddress(): string {
  address = (address % 250) + 1;
  return `127.0.3.${address}`;
}

/** POST JSON, optionally with a bearer token, from a given loopback address (default: a fresh one). */
export async function post(srv: TestServer, path: string, body: unknown, token?: string, from = freshAddress()): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await requestFrom(from, `${srv.url}/api${path}`, { body, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const out = res.body;
  return { status: res.status, body: typeof out === 'object' && out !== null ? (out as Record<string, unknown>) : {} };
}

export async function get(srv: TestServer, path: string, token: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${srv.url}/api${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

export function str(v: unknown): string {
  if (typeof v !== 'string') throw new Error(`expected a string, got ${JSON.stringify(v)}`);
  return v;
}

/** Signs in a required-role user who has no factor yet and enrols through the challenge. */
export async function enrolAtSignIn(srv: TestServer, username: string) {
  const first = await post(srv, '/auth/login', { username, password: PASSWORD });
  if (first.body.mfa !== 'enrol') throw new Error(`expected an enrolment challenge: ${JSON.stringify(first.body)}`);
  const challengeToken = str(first.body.challengeToken);
  const start = await post(srv, '/auth/mfa/enrol', { challengeToken });
  const secret = str(start.body.secret);
  const done = await post(srv, '/auth/mfa/enrol/confirm', { challengeToken, code: await totpCode(secret) });
  if (done.status !== 200) throw new Error(`enrolment failed: ${JSON.stringify(done.body)}`);
  return { secret, otpauthUri: str(start.body.otpauthUri), recoveryCodes: done.body.recoveryCodes as string[], accessToken: str(done.body.accessToken), refreshToken: str(done.body.refreshToken) };
}

/** Enrols a signed-in user from the security page's API. */
export async function enrolSignedIn(srv: TestServer, accessToken: string) {
  const start = await post(srv, '/account/mfa/enrol', {}, accessToken);
  const secret = str(start.body.secret);
  const done = await post(srv, '/account/mfa/enrol/confirm', { code: await totpCode(secret) }, accessToken);
  if (done.status !== 200) throw new Error(`enrolment failed: ${JSON.stringify(done.body)}`);
  return { secret, recoveryCodes: done.body.recoveryCodes as string[] };
}
