import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestFrom } from './helpers/from-address';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const PUBLIC_URL = 'https://yunmenzhen.example.test';

describe('privacy: audited 401s on patient-data routes, invitation links from PUBLIC_URL', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer('pglite', { PUBLIC_URL }, { his: true });
  });
  afterAll(async () => {
    await srv?.close();
  });

  const denials = (requestId: string) => srv.services.prisma.auditEvent.findMany({ where: { action: 'auth.denied', requestId } });

  it('audits a 401 on each patient-data route (no token, a bad token), with the consultation id when the path names one', async () => {
    const cases = [
      { path: '/api/consultations/c-probe-1/record', auth: undefined, consultationId: 'c-probe-1' },
      { path: '/api/dicomweb/c-probe-2/studies', auth: 'Bearer not.a.token', consultationId: null },
      { path: '/api/prescriptions/rx-probe', auth: undefined, consultationId: null },
      { path: '/api/consultations/c-probe-3/prescriptions', auth: 'Bearer x.y.z', consultationId: 'c-probe-3' },
    ];
    for (const [i, c] of cases.entries()) {
      const requestId = `phi-denial-${i}`;
      const res = await fetch(`${srv.url}${c.path}?q=1`, { headers: { 'x-request-id': requestId, ...(c.auth ? { authorization: c.auth } : {}) } });
      expect(res.status, c.path).toBe(401);
      const rows = await denials(requestId);
      expect(rows, c.path).toHaveLength(1);
      expect(rows[0]).toMatchObject({ outcome: 'unauthorized', consultationId: c.consultationId, detail: { method: 'GET', path: c.path.replace('/api', '') } });
      expect(rows[0]?.ip).toBeTruthy();
    }
  });

  it('does not fill the trail with 401s on routes without patient data', async () => {
    const res = await fetch(`${srv.url}/api/directory/institutions`, { headers: { 'x-request-id': 'not-phi-1' } });
    expect(res.status).toBe(401);
    expect(await denials('not-phi-1')).toHaveLength(0);
  });

  it('builds invitation links from PUBLIC_URL, whatever Host the request names', async () => {
    const { accessToken } = await login(srv.url, 'dr.chen');
    const inst = await srv.services.prisma.institution.findUniqueOrThrow({ where: { code: 'sscph' } });
    const headers = { authorization: `Bearer ${accessToken}` };
    const c = await requestFrom('127.0.0.1', `${srv.url}/api/consultations`, { headers, body: { kind: 'field', hisPatientId: 'p-0001', institutionId: inst.id, invite: [], breakGlassReason: 'Ship emergency: chest pain at sea, no request possible' } });
    expect(c.status).toBe(201);
    const id = (c.body as { id: string }).id;
    const inv = await requestFrom('127.0.0.1', `${srv.url}/api/consultations/${id}/invitations`, { headers: { ...headers, host: 'evil.example' }, body: {} });
    expect(inv.status).toBe(201);
    const url = (inv.body as { url: string }).url;
    expect(url.startsWith(`${PUBLIC_URL}/field/join?t=`)).toBe(true);
    expect(url).not.toContain('evil.example');
  });
});
