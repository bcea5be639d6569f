import { OutboxJobListSchema, OutboxJobViewSchema } from '@cloudclinic/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startTestServer, type TestServer } from './helpers/test-server';

/** An administrator sees the writes to the HIS that were set aside and puts one back in the queue. */
describe('outbox for administrators', () => {
  let srv: TestServer;
  let admin: string;
  beforeAll(async () => {
    srv = await startTestServer('pglite');
    admin = (await login(srv.url, 'admin')).accessToken;
  });
  afterAll(async () => {
    await srv?.close();
  });

  const call = (path: string, token: string, method = 'GET') => fetch(`${srv.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });

  it('lists failed jobs, retries one once (a second retry is 409), and audits it', async () => {
    const { prisma } = srv.services;
    const job = await prisma.outboxJob.create({ data: { kind: 'test.never-handled', dedupeKey: `admin-${Date.now()}`, payload: {}, status: 'failed', attempts: 12, lastError: 'HIS answered 500' } });
    const failed = OutboxJobListSchema.parse(await (await call('/api/admin/outbox?status=failed', admin)).json());
    expect(failed.jobs.find((j) => j.id === job.id)).toMatchObject({ attempts: 12, lastError: 'HIS answered 500' });

    const first = await call(`/api/admin/outbox/${job.id}/retry`, admin, 'POST');
    expect(first.status).toBe(200);
    expect(OutboxJobViewSchema.parse(await first.json())).toMatchObject({ status: 'pending', attempts: 0 });
    const second = await call(`/api/admin/outbox/${job.id}/retry`, admin, 'POST');
    expect(second.status).toBe(409);
    expect(((await second.json()) as { code: string }).code).toBe('invalid_state');
    expect(await prisma.auditEvent.count({ where: { action: 'outbox.retry', entityId: job.id } })).toBe(1);
  });

  it('refuses other roles, unknown ids and unknown states precisely', async () => {
    const expert = (await login(srv.url, 'dr.chen')).accessToken;
    expect((await call('/api/admin/outbox', expert)).status).toBe(403);
    expect((await call('/api/admin/outbox/cmxnotajob000000000000000/retry', admin, 'POST')).status).toBe(404);
    expect((await call('/api/admin/outbox?status=lost', admin)).status).toBe(400);
    expect((await call('/api/admin/outbox?status=failed&drop=1', admin)).status).toBe(400);
  });
});
