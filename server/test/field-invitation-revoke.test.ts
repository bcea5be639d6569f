import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from './helpers/api';
import { login, startTestServer, type TestServer } from './helpers/test-server';

/** Withdrawing a field invitation: who may, what a revoked link answers, and a race of two revocations. */
describe('field invitation revocation', () => {
  let srv: TestServer;
  const api: Record<string, Api> = {};
  let consultationId = '';

  beforeAll(async () => {
    srv = await startTestServer('pglite', {}, { his: true });
    for (const u of ['dr.chen', 'dr.lin', 'field.xu', 'kiosk.shengsi', 'doc.wang', 'pharm.zhou', 'admin', 'coordinator']) api[u] = apiAs(srv.url, (await login(srv.url, u)).accessToken);
    const p = srv.services.prisma;
    const inst = await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const c = await api['dr.chen']!.post('/consultations', { kind: 'field', hisPatientId: 'p-0001', institutionId: inst.id, invite: [], breakGlassReason: '海上急诊会诊：船上患者胸痛，需专家即刻指导' });
    expect(c.status).toBe(201);
    consultationId = c.body.id;
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  const invite = async () => {
    const res = await api['dr.chen']!.post(`/consultations/${consultationId}/invitations`, {});
    expect(res.status).toBe(201);
    return res.body as { id: string; token: string };
  };
  const activeIds = async (who: string, query = '') => {
    const res = await api[who]!.get(`/field/invitations${query}`);
    expect(res.status).toBe(200);
    return (res.body.invitations as { id: string }[]).map((i) => i.id);
  };

  it('refuses a revoked link on join with 410 invitation_revoked, and drops it from the active list', async () => {
    const inv = await invite();
    expect(await activeIds('dr.chen', `?consultationId=${consultationId}`)).toContain(inv.id);
    expect(await activeIds('admin')).toContain(inv.id);

    const revoked = await api['dr.chen']!.post(`/field/invitations/${inv.id}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body.id).toBe(inv.id);
    const join = await api['field.xu']!.post('/field/invitations/accept', { token: inv.token });
    expect(join).toMatchObject({ status: 410, body: { code: 'invitation_revoked' } });
    expect(await activeIds('dr.chen')).not.toContain(inv.id);
    // Nothing was joined: the field doctor is not a participant.
    expect(await srv.services.prisma.consultationParticipant.count({ where: { consultationId, user: { username: 'field.xu' } } })).toBe(0);

    const again = await api['admin']!.post(`/field/invitations/${inv.id}/revoke`);
    expect(again).toMatchObject({ status: 409, body: { code: 'invalid_state' } });

    const audit = await api['admin']!.get(`/audit?consultationId=${consultationId}&action=field.invitation`);
    const outcomes = audit.body.events.map((e: { action: string; outcome: string }) => `${e.action}:${e.outcome}`);
    expect(outcomes).toEqual(expect.arrayContaining(['field.invitation.revoke:ok', 'field.invitation.revoke:invalid_state', 'field.invitation.accept:invitation_revoked']));
  });

  it('lets only the inviting expert or an administrator revoke; every other role is refused with 403', async () => {
    const inv = await invite();
    for (const who of ['dr.lin', 'field.xu', 'kiosk.shengsi', 'doc.wang', 'pharm.zhou']) {
      const res = await api[who]!.post(`/field/invitations/${inv.id}/revoke`);
      expect(res.status, who).toBe(403);
      expect(res.body.code, who).toBe('forbidden');
    }
    // Still valid after all those attempts: the link works.
    expect(await activeIds('dr.chen')).toContain(inv.id);
    // Another expert does not see it; roles without invitations cannot list at all.
    expect(await activeIds('dr.lin')).not.toContain(inv.id);
    for (const who of ['field.xu', 'kiosk.shengsi', 'doc.wang', 'pharm.zhou']) expect((await api[who]!.get('/field/invitations')).status, who).toBe(403);

    expect((await api['coordinator']!.post(`/field/invitations/${inv.id}/revoke`)).status).toBe(200);
    expect((await api['admin']!.post('/field/invitations/no-such-invitation/revoke')).status).toBe(404);
    expect((await api['admin']!.get('/field/invitations?consultationId=bad id')).status).toBe(400);
  });

  it('of two revocations at once, exactly one succeeds', async () => {
    const inv = await invite();
    const results = await Promise.all([api['dr.chen']!.post(`/field/invitations/${inv.id}/revoke`), api['admin']!.post(`/field/invitations/${inv.id}/revoke`)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('still lets a valid link join', async () => {
    const inv = await invite();
    expect((await api['field.xu']!.post('/field/invitations/accept', { token: inv.token })).status).toBe(200);
  });
});
