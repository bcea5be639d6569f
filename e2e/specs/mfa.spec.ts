import { expect, test } from '@playwright/test';
import { generate } from 'otplib';
import { apiLogin } from '../support/api';
import { loginAs } from '../support/auth';

const PASSWORD = 'Mfa-E2e@2026';

/** The code an authenticator app would show for `secret`, `offsetSteps` × 30 s from now. */
const codeFor = (secret: string, offsetSteps = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSteps * 30 });

test('an expert turns on two-step sign-in with the QR page, signs out, and signs in with a code', async ({ page, baseURL }) => {
  // An expert of its own (test-only route), so no other spec's sign-in meets a second factor.
  const admin = await apiLogin(baseURL ?? '', 'admin');
  const username = `dr.mfa.${Date.now() % 1_000_000}`;
  const created = await fetch(new URL('/api/test/users', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${admin.accessToken}` },
    body: JSON.stringify({ username, password: PASSWORD, role: 'expert', institutionCode: 'zjh', displayName: '两步验证专家' }),
  });
  expect(created.status).toBe(200);

  // Without a factor (development default): the password is enough.
  await loginAs(page, username, PASSWORD);
  await expect(page).toHaveURL(/\/expert/);
  await page.getByTestId('account-security-link').click();
  await expect(page).toHaveURL(/\/account\/security/);
  await expect(page.getByTestId('mfa-status')).toContainText('未开启');
  await page.getByTestId('mfa-start-enrol').click();
  await expect(page.getByTestId('mfa-qr')).toBeVisible();
  const secret = (await page.getByTestId('mfa-secret').textContent())?.trim() ?? '';
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const codeInput = page.getByTestId('mfa-enrol-code');
  await expect(codeInput).toHaveAttribute('autocomplete', 'one-time-code');
  await expect(page.getByLabel('6 位动态码')).toBeVisible();
  await codeInput.fill(await codeFor(secret));
  await page.getByTestId('mfa-enrol-submit').click();
  await expect(page.getByTestId('mfa-recovery-codes').locator('li')).toHaveCount(10);
  await page.getByTestId('mfa-recovery-done').click();
  await expect(page.getByTestId('mfa-status')).toContainText('已开启');

  // Sign out, sign in again: the password step now asks for the code.
  await page.goto('/expert');
  await page.getByTestId('btn-logout').click();
  await loginAs(page, username, PASSWORD);
  await expect(page.getByTestId('mfa-code-step')).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
  const code = page.getByTestId('mfa-code');
  await expect(code).toHaveAttribute('autocomplete', 'one-time-code');
  await code.fill('000000' === (await codeFor(secret, 1)) ? '111111' : '000000');
  await page.getByTestId('mfa-code-submit').click();
  await expect(page.getByTestId('mfa-code-error')).toContainText('验证码错误');
  // The next step's code (the enrolment used the current one, which may not be used twice).
  await code.fill(await codeFor(secret, 1));
  await page.getByTestId('mfa-code-submit').click();
  await expect(page).toHaveURL(/\/expert/);
  await expect(page.getByTestId('user-display-name')).toHaveText('两步验证专家');
});
