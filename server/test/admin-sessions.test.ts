import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClinicDays, clinicDate } from '@cloudclinic/shared';
import { apiAs, type Api } from './helpers/api';
import { login, startTestServer, type TestServer } from './helpers/test-server';

/** The coordinator's session list by clinic day: `GET /api/sessions?date=YYYY-MM-DD` (Asia/Shanghai). */
describe('the session list by clinic day', () => {
  let srv: TestServer;
  let admin: Api;
  let expert: Api;
  let tomorrowId = '';
  const today = clinicDate(new Date());
  const tomorrow = addClinicDays(today, 1);

  beforeAll(async () => {
    srv = await startTestServer('pglite');
    admin = apiAs(srv.url, (await login(srv.url, 'admin')).accessToken);
    expert = apiAs(srv.url, (await login(srv.url, 'dr.chen')).accessToken);
    const chen = (await admin.get('/directory/users?role=expert')).body.users.find((u: { displayName: string }) => u.displayName === '陈建华');
    const institutions = (await admin.get('/directory/institutions')).body.institutions as { code: string; id: string; departments: { id: string }[] }[];
    const published = await admin.post('/sessions', {
      expertId: chen.id,
      departmentId: institutions.find((i) => i.code === 'zjh')!.departments[0]!.id,
      // 00:30 China time: still the previous day in UTC, so a UTC calendar would file it under today.
      startsAt: `${tomorrow}T00:30:00+08:00`,
      endsAt: `${tomorrow}T02:00:00+08:00`,
      capacity: 5,
      institutionIds: [institutions.find((i) => i.code === 'sscph')!.id],
    });
    expect(published.status).toBe(201);
    tomorrowId = published.body.id;
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  const ids = async (api: Api, query: string) => {
    const res = await api.get(`/sessions${query}`);
    expect(res.status).toBe(200);
    return (res.body.sessions as { id: string }[]).map((s) => s.id);
  };

  it('shows a session published for tomorrow on tomorrow, not today', async () => {
    expect(await ids(admin, `?date=${tomorrow}`)).toContain(tomorrowId);
    expect(await ids(admin, `?date=${today}`)).not.toContain(tomorrowId);
    expect(await ids(admin, '')).not.toContain(tomorrowId);
    expect(await ids(admin, `?date=${addClinicDays(today, 2)}`)).not.toContain(tomorrowId);
  });

  it('lets the session’s expert see it on that day too, and nobody else’s sessions', async () => {
    expect(await ids(expert, `?date=${tomorrow}`)).toContain(tomorrowId);
    const lin = apiAs(srv.url, (await login(srv.url, 'dr.lin')).accessToken);
    expect(await ids(lin, `?date=${tomorrow}`)).not.toContain(tomorrowId);
  });

  it('refuses a malformed day with 400 bad_request', async () => {
    for (const bad of ['2026-13-01', '2026-02-30', 'tomorrow', '2026-1-5', `${tomorrow}T00:00:00Z`, `${tomorrow}&from=${new Date().toISOString()}`, `${tomorrow}&date=${today}`]) {
      const res = await admin.get(`/sessions?date=${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.code, bad).toBe('bad_request');
    }
  });
});
