import { expect } from '@playwright/test';
import { addClinicDays, clinicDate, InvitationViewSchema, LoginResponseSchema } from '@cloudclinic/shared';
import { createConsultation } from '../support/api';
import { DEMO_PASSWORD } from '../support/auth';
import { ApiUser, ownCardiologySession } from '../support/clinic-api';
import { test } from '../support/clinic-pages';

test.setTimeout(120_000);

test('the session list shows the chosen clinic day: a session published for tomorrow is there, not today', async ({ devices, request }) => {
  const tomorrow = addClinicDays(clinicDate(new Date()), 1);
  const session = await ownCardiologySession(await ApiUser.login(request, 'admin'), { startsAt: `${tomorrow}T09:00:00+08:00`, endsAt: `${tomorrow}T11:00:00+08:00` });
  const page = await devices.open('admin', /\/admin/);
  const list = page.getByTestId('admin-sessions');
  const card = list.locator(`[data-testid="admin-session"][data-session-id="${session.id}"]`);
  await expect(list).toHaveAttribute('data-date', clinicDate(new Date()));
  await expect(page.getByTestId('sessions-loading')).toHaveCount(0);
  await expect(card).toHaveCount(0);

  await page.getByTestId('session-date-next').click();
  await expect(list).toHaveAttribute('data-date', tomorrow);
  await expect(page).toHaveURL(new RegExp(`[?&]date=${tomorrow}`));
  await expect(card).toBeVisible();

  // The day is in the URL: a reload shows the same day; the previous-day button goes back.
  await page.reload();
  await expect(card).toBeVisible();
  await page.getByTestId('session-date-prev').click();
  await expect(list).toHaveAttribute('data-date', clinicDate(new Date()));
  await expect(card).toHaveCount(0);
  await page.getByTestId('session-date-input').fill(tomorrow);
  await expect(card).toBeVisible();
});

test('the booking slip names the day, hours, expert, department and place, and 打印 prints just the slip on one page', async ({ devices, request }, testInfo) => {
  const session = await ownCardiologySession(await ApiUser.login(request, 'admin'));
  const page = await devices.open('admin', /\/admin/);
  const card = page.locator(`[data-testid="admin-session"][data-session-id="${session.id}"]`);
  await card.getByTestId('admin-session-toggle').click();
  const form = card.getByTestId('book-form');
  await form.getByTestId('book-his-id').fill('p-0016');
  await form.getByTestId('book-name').fill('陈军');
  await form.getByTestId('book-institution').selectOption({ label: '嵊泗县人民医院' });
  await form.getByTestId('book-submit').click();

  const slip = form.getByTestId('booking-slip');
  await expect(slip.getByTestId('slip-code')).toHaveText(/^[A-Z0-9]{4,12}$/);
  const code = await slip.getByTestId('slip-code').innerText();
  await expect(slip.getByTestId('slip-patient')).toHaveText(/^陈\*（\d+ 号）$/);
  const [year, month, day] = clinicDate(new Date(session.startsAt)).split('-').map(Number);
  await expect(slip.getByTestId('slip-date')).toHaveText(new RegExp(`^${year}年${month}月${day}日星期`));
  await expect(slip.getByTestId('slip-time')).toHaveText(/^\d{2}:\d{2}–\d{2}:\d{2}$/);
  await expect(slip.getByTestId('slip-expert')).toHaveText('陈建华');
  await expect(slip.getByTestId('slip-department')).toHaveText('心血管内科');
  await expect(slip.getByTestId('slip-place')).toHaveText('嵊泗县人民医院');

  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed += 1;
    };
  });
  await slip.getByTestId('slip-print').click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  // In print only the slip is there: the code and the same facts, nothing of the page behind it.
  await page.emulateMedia({ media: 'print' });
  const printed = page.getByTestId('booking-slip-print');
  await expect(printed).toBeVisible();
  await expect(printed.getByTestId('slip-print-code')).toHaveText(code);
  await expect(printed.getByTestId('slip-print-expert')).toHaveText('陈建华');
  await expect(printed.getByTestId('slip-print-place')).toHaveText('嵊泗县人民医院');
  await expect(page.getByTestId('admin-home')).toBeHidden();
  const pdf = (await page.pdf({ preferCSSPageSize: true, path: testInfo.outputPath('slip.pdf') })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
  await page.emulateMedia({ media: 'screen' });
  await expect(printed).toBeHidden();
});

test('the admin revokes an open field invitation; the field doctor opening the link is told it was withdrawn', async ({ devices, request, baseURL }) => {
  const consultation = await createConsultation(baseURL ?? '', 'dr.chen', []);
  const chen = await ApiUser.login(request, 'dr.chen');
  const invitation = await chen.post(`/api/consultations/${consultation.id}/invitations`, {}, InvitationViewSchema);

  const admin = await devices.open('admin', /\/admin/);
  await admin.getByTestId('link-invitations').click();
  const row = admin.locator(`[data-testid="active-invitation"][data-invitation-id="${invitation.id}"]`);
  await expect(row).toContainText('陈建华');
  await row.getByTestId('btn-revoke-invitation').click();
  await expect(row).toHaveCount(0);

  const field = await devices.open('field.xu', /\/field/);
  await field.goto(invitation.path);
  await expect(field.getByTestId('join-error')).toHaveAttribute('data-code', 'errors.invitation_revoked');
  await expect(field.getByTestId('join-error')).toContainText('此邀请已被撤销');
});

test('the admin creates an account, sets its antibiotic privilege, disables it (no sign-in) and resets its password', async ({ devices, request }) => {
  const username = `e2e.${Date.now().toString(36)}`;
  const page = await devices.open('admin', /\/admin/);
  await page.getByTestId('link-users').click();
  const form = page.getByTestId('create-user-form');
  await form.getByTestId('new-user-username').fill(username);
  await form.getByTestId('new-user-displayName').fill('测试专家');
  await form.getByTestId('new-user-role').selectOption('expert');
  await form.getByTestId('new-user-institutionId').selectOption({ label: '浙江医院' });
  await form.getByTestId('new-user-departmentId').selectOption({ label: '心血管内科' });
  await form.getByTestId('new-user-password').fill('weakpass');
  await form.getByTestId('create-user-submit').click();
  await expect(form.getByTestId('create-user-error')).toContainText('密码');
  await form.getByTestId('new-user-password').fill('Harbour-2027');
  await form.getByTestId('create-user-submit').click();

  const row = page.locator(`[data-testid="user-row"][data-username="${username}"]`);
  await expect(row.getByTestId('user-institution')).toHaveText('浙江医院');
  await expect(row.getByTestId('user-state')).toHaveText('正常');
  const signIn = (password: string) => request.post('/api/auth/login', { data: { username, password } });
  expect((await signIn('Harbour-2027')).status()).toBe(200);

  // A second account under the same name is refused in the form.
  await form.getByTestId('new-user-username').fill(username);
  await form.getByTestId('new-user-displayName').fill('重复');
  await form.getByTestId('new-user-institutionId').selectOption({ label: '浙江医院' });
  await form.getByTestId('new-user-password').fill('Harbour-2027');
  await form.getByTestId('create-user-submit').click();
  await expect(form.getByTestId('create-user-error')).toHaveText('该用户名已被使用，请换一个');

  await row.getByTestId('antibiotic-privilege').selectOption('restricted');
  await expect(row.getByTestId('antibiotic-privilege')).toHaveValue('restricted');
  await expect(row.getByTestId('antibiotic-privilege')).toBeEnabled();

  await row.getByTestId('btn-disable-user').click();
  await expect(row.getByTestId('user-state')).toHaveText('已停用');
  expect((await signIn('Harbour-2027')).status()).toBe(401);
  await row.getByTestId('btn-enable-user').click();
  await expect(row.getByTestId('user-state')).toHaveText('正常');

  await row.getByTestId('btn-reset-password').click();
  await row.getByTestId('reset-password-input').fill('Lighthouse-99');
  await row.getByTestId('reset-password-confirm').click();
  await expect(row.getByTestId('user-action-status')).toHaveText('密码已重置，原有登录已失效');
  expect((await signIn('Harbour-2027')).status()).toBe(401);
  expect((await signIn('Lighthouse-99')).status()).toBe(200);

  // The admin's own account cannot be disabled: the server says so.
  const self = page.locator('[data-testid="user-row"][data-username="admin"]');
  await self.getByTestId('btn-disable-user').click();
  await expect(self.getByTestId('user-action-status')).toHaveText('当前状态下无法执行此操作');
  await expect(self.getByTestId('user-state')).toHaveText('正常');
});

test('the admin edits an institution’s English name, shown in English mode', async ({ devices, request }) => {
  // An institution of its own, so other specs never see the renamed one.
  const code = `e2e${Date.now().toString(36)}`;
  const login = LoginResponseSchema.parse(await (await request.post('/api/auth/login', { data: { username: 'admin', password: DEMO_PASSWORD } })).json());
  const created = await request.post('/api/test/institutions', {
    headers: { authorization: `Bearer ${login.accessToken}` },
    data: { code, name: `测试卫生院${code}`, nameEn: `Test Centre ${code}`, kind: 'township_health_centre' },
  });
  expect(created.status()).toBe(201);
  const page = await devices.open('admin', /\/admin/);
  await page.getByTestId('link-institutions').click();
  const row = page.locator(`[data-testid="institution-row"][data-code="${code}"]`);
  await row.getByTestId('institution-edit').click();
  await row.getByTestId('institution-name-en').fill(`Harbour Health Centre ${code}`);
  await row.getByTestId('institution-save').click();
  await expect(row.getByTestId('institution-display-name')).toHaveText(`测试卫生院${code}`);
  await page.getByTestId('lang-en').click();
  await expect(row.getByTestId('institution-display-name')).toHaveText(`Harbour Health Centre ${code}`);
  // A name another institution has is refused.
  await row.getByTestId('institution-edit').click();
  await row.getByTestId('institution-name').fill('浙江医院');
  await row.getByTestId('institution-save').click();
  await expect(row.getByTestId('institution-error')).toHaveText('Another institution already has this name');
});

test('English mode names departments and hospitals in English on the admin and the expert screens', async ({ devices, request }) => {
  const session = await ownCardiologySession(await ApiUser.login(request, 'admin'));
  const admin = await devices.open('admin', /\/admin/);
  await admin.getByTestId('lang-en').click();
  const card = admin.locator(`[data-testid="admin-session"][data-session-id="${session.id}"]`);
  await expect(card.getByTestId('admin-session-title')).toHaveText('Cardiology · 陈建华');
  await expect(card).not.toContainText('心血管内科');
  await expect(card).not.toContainText('嵊泗县人民医院');
  await card.getByTestId('admin-session-toggle').click();
  const form = card.getByTestId('book-form');
  await form.getByTestId('book-his-id').fill('p-0016');
  await form.getByTestId('book-name').fill('陈军');
  await form.getByTestId('book-submit').click();
  const slip = form.getByTestId('booking-slip');
  await expect(slip.getByTestId('slip-department')).toHaveText('Cardiology');
  await expect(slip.getByTestId('slip-place')).not.toHaveText(/[\u4e00-\u9fff]/);
  await expect(slip.getByTestId('slip-date')).toHaveText(/^[A-Z][a-z]+day, /);

  const expert = await devices.open('dr.chen', /\/expert/);
  await expert.getByTestId('lang-en').click();
  await expect(expert.locator(`[data-testid="session-card"][data-session-id="${session.id}"]`).getByTestId('session-card-title')).toHaveText('Cardiology · 陈建华');
});
