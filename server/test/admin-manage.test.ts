import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, type Api } from './helpers/api';
import { login, startTestServer, type TestServer } from './helpers/test-server';

const PASSWORD = 'Ward7-Night';

/** Accounts and institutions managed by administrators: each rule, and the attacker beside it. */
describe('user and institution management', () => {
  let srv: TestServer;
  let admin: Api;
  let adminId = '';
  let sscph = '';
  let zjh = { id: '', cardiology: '' };

  beforeAll(async () => {
    srv = await startTestServer('pglite');
    admin = apiAs(srv.url, (await login(srv.url, 'admin')).accessToken);
    const p = srv.services.prisma;
    adminId = (await p.user.findUniqueOrThrow({ where: { username: 'admin' } })).id;
    sscph = (await p.institution.findUniqueOrThrow({ where: { code: 'sscph' } })).id;
    const z = await p.institution.findUniqueOrThrow({ where: { code: 'zjh' }, include: { departments: true } });
    zjh = { id: z.id, cardiology: z.departments.find((d) => d.nameEn === 'Cardiology')!.id };
  }, 120_000);
  afterAll(async () => {
    await srv?.close();
  });

  let serial = 0;
  const newUser = async (over: Record<string, unknown> = {}) => {
    serial += 1;
    const res = await admin.post('/admin/users', { username: `t${serial}.${Date.now() % 100000}`, displayName: '测试医生', role: 'expert', institutionId: zjh.id, departmentId: zjh.cardiology, password: PASSWORD, ...over });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body as { id: string; username: string };
  };

  it('lists every account with role and institution, never a password hash', async () => {
    const res = await admin.get('/admin/users');
    expect(res.status).toBe(200);
    const chen = res.body.users.find((u: { username: string }) => u.username === 'dr.chen');
    expect(chen).toMatchObject({ role: 'expert', institution: { name: '浙江医院' }, department: { nameEn: 'Cardiology' }, antibioticPrivilege: 'restricted', disabled: false });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash/);
  });

  it('creates an account that can sign in; a weak password, a foreign department or a taken username are refused', async () => {
    const u = await newUser();
    expect((await login(srv.url, u.username, PASSWORD)).accessToken).toBeTruthy();

    for (const password of ['short1A', 'alllowercase1', 'ALLUPPER-ONLY', `${u.username}X9!`]) {
      const weak = await admin.post('/admin/users', { username: `weak${serial}`, displayName: '弱', role: 'expert', institutionId: zjh.id, password: password.replace(u.username, `weak${serial}`) });
      expect(weak.status, password).toBe(400);
    }
    const foreign = await admin.post('/admin/users', { username: 'foreign.dept', displayName: '甲', role: 'county_doctor', institutionId: sscph, departmentId: zjh.cardiology, password: PASSWORD });
    expect(foreign).toMatchObject({ status: 400, body: { code: 'bad_request' } });

    const dup = await admin.post('/admin/users', { username: u.username.toUpperCase(), displayName: '重复', role: 'expert', institutionId: zjh.id, password: PASSWORD });
    expect(dup).toMatchObject({ status: 409, body: { code: 'username_taken' } });
    expect(dup.body.message).toContain('already taken');
  });

  it('creates a username once when two requests race for it', async () => {
    const body = { username: `race.${Date.now() % 100000}`, displayName: '并发', role: 'pharmacist', institutionId: sscph, password: PASSWORD };
    const both = await Promise.all([admin.post('/admin/users', body), admin.post('/admin/users', body)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)?.body.code).toBe('username_taken');
    expect(await srv.services.prisma.user.count({ where: { username: body.username } })).toBe(1);
  });

  it('disables an account: no login, and the token it already holds is refused at once; enabling restores the login', async () => {
    const u = await newUser();
    const session = await login(srv.url, u.username, PASSWORD);
    const asUser = apiAs(srv.url, session.accessToken);
    expect((await asUser.get('/auth/me')).status).toBe(200);

    const disabled = await admin.post(`/admin/users/${u.id}/disable`);
    expect(disabled).toMatchObject({ status: 200, body: { disabled: true } });
    expect((await asUser.get('/auth/me')).status).toBe(401);
    const refresh = await fetch(`${srv.url}/api/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: session.refreshToken }) });
    expect(refresh.status).toBe(401);
    await expect(login(srv.url, u.username, PASSWORD)).rejects.toThrow(/401/);

    expect((await admin.post(`/admin/users/${u.id}/enable`)).body.disabled).toBe(false);
    expect((await login(srv.url, u.username, PASSWORD)).accessToken).toBeTruthy();
  });

  it('refuses an administrator disabling their own account (409), and leaves it enabled', async () => {
    const res = await admin.post(`/admin/users/${adminId}/disable`);
    expect(res).toMatchObject({ status: 409, body: { code: 'invalid_state' } });
    expect((await admin.get('/auth/me')).status).toBe(200);
  });

  it('resets a password under the same rules: the old one and the old sessions stop working', async () => {
    const u = await newUser();
    const old = apiAs(srv.url, (await login(srv.url, u.username, PASSWORD)).accessToken);
    expect((await admin.post(`/admin/users/${u.id}/password`, { password: 'weak' })).status).toBe(400);
    expect((await admin.post(`/admin/users/${u.id}/password`, { password: 'Harbour-2027' })).status).toBe(200);
    expect((await old.get('/auth/me')).status).toBe(401);
    await expect(login(srv.url, u.username, PASSWORD)).rejects.toThrow(/401/);
    expect((await login(srv.url, u.username, 'Harbour-2027')).accessToken).toBeTruthy();
  });

  it('grants and withdraws the antibiotic privilege of prescribers only, on the user where the prescribing rules read it', async () => {
    const u = await newUser();
    const granted = await admin.put(`/admin/users/${u.id}/antibiotic-privilege`, { grade: 'special' });
    expect(granted).toMatchObject({ status: 200, body: { antibioticPrivilege: 'special' } });
    expect((await srv.services.prisma.user.findUniqueOrThrow({ where: { id: u.id } })).antibioticPrivilege).toBe('special');
    expect((await admin.put(`/admin/users/${u.id}/antibiotic-privilege`, { grade: null })).body.antibioticPrivilege).toBeNull();
    expect((await admin.put(`/admin/users/${u.id}/antibiotic-privilege`, { grade: 'super' })).status).toBe(400);

    const pharmacist = await newUser({ role: 'pharmacist', institutionId: sscph, departmentId: undefined });
    expect((await admin.put(`/admin/users/${pharmacist.id}/antibiotic-privilege`, { grade: 'unrestricted' })).status).toBe(400);
    expect((await admin.put('/admin/users/nobody/antibiotic-privilege', { grade: 'unrestricted' })).status).toBe(404);
  });

  it('lists institutions and renames one; a name another institution has is refused with 409', async () => {
    const list = await admin.get('/admin/institutions');
    expect(list.status).toBe(200);
    expect(list.body.institutions.find((i: { id: string }) => i.id === sscph)).toMatchObject({ code: 'sscph', name: '嵊泗县人民医院' });
    const renamed = await admin.patch(`/admin/institutions/${sscph}`, { nameEn: 'Shengsi County People’s Hospital (Main)' });
    expect(renamed).toMatchObject({ status: 200, body: { nameEn: 'Shengsi County People’s Hospital (Main)', name: '嵊泗县人民医院' } });
    const clash = await admin.patch(`/admin/institutions/${sscph}`, { name: '浙江医院' });
    expect(clash).toMatchObject({ status: 409, body: { code: 'institution_name_taken' } });
    expect((await admin.patch(`/admin/institutions/${sscph}`, {})).status).toBe(400);
    expect((await admin.patch(`/admin/institutions/${sscph}`, { name: 'x', code: 'hack' })).status).toBe(400);
  });

  it('refuses every other role on every management route with 403, changing nothing', async () => {
    const target = await newUser();
    for (const who of ['dr.chen', 'doc.wang', 'kiosk.shengsi', 'pharm.zhou', 'field.xu']) {
      const api = apiAs(srv.url, (await login(srv.url, who)).accessToken);
      const answers = [
        await api.get('/admin/users'),
        await api.post('/admin/users', { username: `evil.${who}`, displayName: '冒充', role: 'admin', institutionId: zjh.id, password: PASSWORD }),
        await api.post(`/admin/users/${target.id}/disable`),
        await api.post(`/admin/users/${target.id}/password`, { password: 'Takeover-2027' }),
        await api.put(`/admin/users/${target.id}/antibiotic-privilege`, { grade: 'special' }),
        await api.get('/admin/institutions'),
        await api.patch(`/admin/institutions/${sscph}`, { name: '篡改医院' }),
      ];
      expect(answers.map((a) => a.status), who).toEqual([403, 403, 403, 403, 403, 403, 403]);
    }
    const after = await srv.services.prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(after).toMatchObject({ disabled: false, antibioticPrivilege: null });
    expect((await login(srv.url, target.username, PASSWORD)).accessToken).toBeTruthy();
  });

  it('records every action in the audit trail, refusals included', async () => {
    const u = await newUser();
    const pharmacist = await newUser({ role: 'pharmacist', institutionId: sscph, departmentId: undefined });
    const statuses = [
      (await admin.post('/admin/users', { username: u.username, displayName: '重复', role: 'expert', institutionId: zjh.id, password: PASSWORD })).status,
      (await admin.post(`/admin/users/${u.id}/disable`)).status,
      (await admin.post(`/admin/users/${adminId}/disable`)).status,
      (await admin.post(`/admin/users/${u.id}/enable`)).status,
      (await admin.post(`/admin/users/${u.id}/password`, { password: 'Harbour-2028' })).status,
      (await admin.put(`/admin/users/${u.id}/antibiotic-privilege`, { grade: 'restricted' })).status,
      (await admin.put(`/admin/users/${pharmacist.id}/antibiotic-privilege`, { grade: 'restricted' })).status,
      (await admin.patch(`/admin/institutions/${sscph}`, { name: '嵊泗县人民医院' })).status,
      (await admin.patch(`/admin/institutions/${sscph}`, { name: '浙江医院' })).status,
    ];
    expect(statuses).toEqual([409, 200, 409, 200, 200, 200, 400, 200, 409]);
    const res = await admin.get('/audit?action=admin.&limit=1000');
    expect(res.status).toBe(200);
    const events = res.body.events as { action: string; outcome: string; entityId: string | null }[];
    const about = (id: string) => new Set(events.filter((e) => e.entityId === id).map((e) => `${e.action}:${e.outcome}`));
    expect([...about(u.id)].sort()).toEqual(
      ['admin.user.antibiotic_privilege:ok', 'admin.user.create:ok', 'admin.user.disable:ok', 'admin.user.enable:ok', 'admin.user.password_reset:ok'].sort(),
    );
    expect(about(pharmacist.id).has('admin.user.antibiotic_privilege:bad_request')).toBe(true);
    expect(about(adminId).has('admin.user.disable:invalid_state')).toBe(true);
    expect(events.some((e) => e.action === 'admin.user.create' && e.outcome === 'username_taken')).toBe(true);
    expect([...about(sscph)]).toEqual(expect.arrayContaining(['admin.institution.update:ok', 'admin.institution.update:institution_name_taken']));
  });
});
