import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiErrorSchema, AuditPageSchema } from '@cloudclinic/shared';
import { dbTargets } from './helpers/test-database';
import { login, startTestServer, type TestServer } from './helpers/test-server';

/** The admin's audit screen reads `GET /api/audit`: filtered and paged on the server, admins only. */
describe.each(dbTargets())('audit trail search (%s)', (target) => {
  let srv: TestServer;
  let admin: string;
  beforeAll(async () => {
    srv = await startTestServer(target);
    admin = (await login(srv.url, 'admin')).accessToken;
  });
  afterAll(async () => {
    await srv?.close();
  });

  const get = (path: string, token?: string) => fetch(`${srv.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });

  /** Three events of this test's own patient: dr.chen reads (ok), dr.lin is refused, dr.chen prescribes. */
  async function ownEvents(): Promise<{ patient: string; chen: string }> {
    const patient = `audit-${crypto.randomUUID().slice(0, 8)}`;
    const users = await srv.services.prisma.user.findMany({ where: { username: { in: ['dr.chen', 'dr.lin'] } } });
    const chen = users.find((u) => u.username === 'dr.chen')?.id ?? '';
    const lin = users.find((u) => u.username === 'dr.lin')?.id ?? '';
    const at = (iso: string) => new Date(iso);
    await srv.services.prisma.auditEvent.createMany({
      data: [
        { action: 'record.read', outcome: 'ok', actorId: chen, actorRole: 'expert', hisPatientId: patient, at: at('2026-03-01T02:00:00Z') },
        { action: 'record.read', outcome: 'forbidden', actorId: lin, actorRole: 'expert', hisPatientId: patient, at: at('2026-03-02T02:00:00Z') },
        { action: 'prescription.sign', outcome: 'ok', actorId: chen, actorRole: 'expert', hisPatientId: patient, at: at('2026-03-03T02:00:00Z') },
      ],
    });
    return { patient, chen };
  }

  it('refuses every role but admin (403) and anonymous callers (401), with the one error shape', async () => {
    for (const who of ['dr.chen', 'kiosk.shengsi', 'doc.wang', 'pharm.zhou', 'field.xu']) {
      const res = await get('/api/audit?limit=5', (await login(srv.url, who)).accessToken);
      expect(res.status, who).toBe(403);
      expect(ApiErrorSchema.parse(await res.json()).code).toBe('forbidden');
    }
    expect((await get('/api/audit')).status).toBe(401);
  });

  it('filters by patient, user, action prefix, outcome and date range, combined', async () => {
    const { patient, chen } = await ownEvents();
    const page = async (q: string) => AuditPageSchema.parse(await (await get(`/api/audit?hisPatientId=${patient}${q}`, admin)).json());

    const all = await page('');
    expect(all.total).toBe(3);
    expect(all.events.map((e) => e.action)).toEqual(['prescription.sign', 'record.read', 'record.read']); // newest first
    expect(all.events[0]?.actorUsername).toBe('dr.chen');

    expect((await page('&actor=dr.chen')).events.every((e) => e.actorId === chen)).toBe(true);
    expect((await page('&actor=dr.chen')).total).toBe(2);
    expect((await page('&actor=nobody.here')).total).toBe(0);
    expect((await page('&outcome=forbidden')).events.map((e) => e.actorUsername)).toEqual(['dr.lin']);
    expect((await page('&action=record')).total).toBe(2);
    expect((await page('&action=record&outcome=ok')).total).toBe(1);
    expect((await page('&from=2026-03-02T00:00:00Z&to=2026-03-02T23:59:59Z')).events.map((e) => e.outcome)).toEqual(['forbidden']);
    expect((await page('&from=2026-03-02T00:00:00Z')).total).toBe(2);
  });

  it('pages with offset and limit and reports the total', async () => {
    const { patient } = await ownEvents();
    const first = AuditPageSchema.parse(await (await get(`/api/audit?hisPatientId=${patient}&limit=2`, admin)).json());
    const second = AuditPageSchema.parse(await (await get(`/api/audit?hisPatientId=${patient}&limit=2&offset=2`, admin)).json());
    expect([first.events.length, second.events.length, first.total, second.total]).toEqual([2, 1, 3, 3]);
    expect(new Set([...first.events, ...second.events].map((e) => e.id)).size).toBe(3);
  });

  it('answers a hostile query with 400, never a 500', async () => {
    for (const q of ['limit=5000', 'offset=-1', 'from=2026-03-02&to=2026-03-01', 'from=yesterday', 'actorId=../../x', `action=${'a'.repeat(100)}`]) {
      const res = await get(`/api/audit?${q}`, admin);
      expect(res.status, q).toBe(400);
      expect(ApiErrorSchema.parse(await res.json()).code).toBe('bad_request');
    }
  });
});
