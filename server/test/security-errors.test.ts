import net from 'node:net';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema } from '@cloudclinic/shared';
import { toAppError } from '../src/lib/errors';
import { login, startTestServer, type TestServer } from './helpers/test-server';

async function send(url: string, init: RequestInit) {
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Headers and half a body, then the client goes away. */
function abortMidBody(port: number, path: string, token: string): Promise<void> {
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1', () => {
      sock.write(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"items": [`);
      setTimeout(() => {
        sock.destroy();
        resolve();
      }, 150);
    });
    sock.on('error', () => resolve());
  });
}

describe('one place for errors: hostile requests get a precise 4xx, never a 500', () => {
  let srv: TestServer;
  let token: string;
  const internal: unknown[] = [];
  beforeAll(async () => {
    srv = await startTestServer();
    token = (await login(srv.url, 'dr.chen')).accessToken;
    // Observe (not replace) what the error handler reports as an unexpected error.
    const log = srv.services.log;
    const original = log.error.bind(log);
    log.error = ((obj: unknown, ...rest: unknown[]) => {
      internal.push(obj);
      return (original as (o: unknown, ...r: unknown[]) => void)(obj, ...rest);
    }) as typeof log.error;
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('answers malformed percent-encoding in a path with 400, not 500', async () => {
    const res = await send(`${srv.url}/api/sessions/%ff/queue`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect(ApiErrorSchema.parse(res.body)).toMatchObject({ code: 'bad_request', message: 'Malformed percent-encoding in the URL' });
  });

  it('answers a fake gzip body and an unknown Content-Encoding with 400', async () => {
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const fake = await send(`${srv.url}/api/sessions`, { method: 'POST', headers: { ...headers, 'content-encoding': 'gzip' }, body: 'this is not gzip' });
    expect(fake.status).toBe(400);
    expect(ApiErrorSchema.parse(fake.body).message).toBe('Request body could not be decompressed');
    const unknown = await send(`${srv.url}/api/sessions`, { method: 'POST', headers: { ...headers, 'content-encoding': 'x-evil' }, body: '{}' });
    expect(unknown.status).toBe(400);
    // A real gzip body still works (reaches validation: 400 listing the missing fields, not a parse error).
    const real = await send(`${srv.url}/api/sessions`, { method: 'POST', headers: { ...headers, 'content-encoding': 'gzip' }, body: zlib.gzipSync('{}') });
    expect(real.status).toBe(400);
    expect(ApiErrorSchema.parse(real.body).message).not.toBe('Request body could not be decompressed');
  });

  it('treats an aborted body as the client’s fault (no internal error logged) and keeps serving', async () => {
    const before = internal.length;
    await abortMidBody(srv.port, '/api/consultations/c1/prescriptions', token);
    await new Promise((r) => setTimeout(r, 300));
    expect(internal.slice(before)).toEqual([]);
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
  });

  it('refuses a non-JSON body on a JSON route with 415 and writes nothing', async () => {
    const count = await srv.services.prisma.prescription.count();
    const headers = { authorization: `Bearer ${token}` };
    const text = await send(`${srv.url}/api/consultations/any-id/prescriptions`, { method: 'POST', headers: { ...headers, 'content-type': 'text/plain' }, body: 'items=amlodipine' });
    expect(text.status).toBe(415);
    expect(ApiErrorSchema.parse(text.body).code).toBe('unsupported_media_type');
    const form = await send(`${srv.url}/api/prescriptions/any-id`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1' });
    expect(form.status).toBe(415);
    const none = await send(`${srv.url}/api/consultations/any-id/prescriptions`, { method: 'POST', headers, body: '{"items":[]}' });
    expect(none.status).toBe(415);
    expect(await srv.services.prisma.prescription.count()).toBe(count);
    // JSON (with a charset) and body-less POSTs pass on to the route; the attachment route keeps its image bodies.
    const json = await send(`${srv.url}/api/consultations/any-id/prescriptions`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json; charset=utf-8' }, body: '{}' });
    expect(json.status).not.toBe(415);
    const bodyless = await send(`${srv.url}/api/prescriptions/any-id/check`, { method: 'POST', headers });
    expect(bodyless.status).not.toBe(415);
    const image = await send(`${srv.url}/api/consultations/any-id/attachments`, { method: 'POST', headers: { ...headers, 'content-type': 'image/jpeg' }, body: Buffer.from([0xff, 0xd8, 0xff]) });
    expect(image.status).not.toBe(415);
  });

  it('maps real database outcomes: P2025 → 404, P2002 → 409, a transaction timeout (P2028) → 503 with Retry-After', async () => {
    const prisma = srv.services.prisma;
    const gone = await prisma.user.update({ where: { id: 'no-such-user' }, data: { disabled: true } }).catch((e: unknown) => e);
    expect(toAppError(gone)).toMatchObject({ code: 'not_found', status: 404 });
    const admin = await prisma.user.findUniqueOrThrow({ where: { username: 'admin' } });
    const dup = await prisma.user
      .create({ data: { username: 'admin', passwordHash: 'x', displayName: 'x', role: 'admin', institutionId: admin.institutionId } })
      .catch((e: unknown) => e);
    expect(toAppError(dup)).toMatchObject({ code: 'conflict', status: 409 });
    const slow = await prisma
      .$transaction(async (tx) => {
        await tx.user.count();
        await new Promise((r) => setTimeout(r, 300));
        await tx.user.count();
      }, { timeout: 50 })
      .catch((e: unknown) => e);
    const mapped = toAppError(slow);
    expect(mapped).toMatchObject({ code: 'unavailable', status: 503 });
    expect(mapped.details).toMatchObject({ retryAfterSeconds: expect.any(Number) });
    expect(toAppError(new TypeError('a bug'))).toMatchObject({ code: 'internal', message: 'Internal server error' });
  });

  it('marks every /api answer no-store, success and error alike', async () => {
    const me = await fetch(`${srv.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.headers.get('cache-control')).toBe('no-store');
    const denied = await fetch(`${srv.url}/api/audit`);
    expect(denied.headers.get('cache-control')).toBe('no-store');
  });
});
