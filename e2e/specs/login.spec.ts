import { expect, test } from '@playwright/test';
import { loginAs } from '../support/auth';

test('a failed login shows the error, a correct one lands on the role home', async ({ page }) => {
  await loginAs(page, 'dr.chen', 'not-the-password');
  await expect(page.getByTestId('login-error')).toBeVisible();
  await expect(page.getByTestId('login-error')).toContainText('用户名或密码错误');

  await loginAs(page, 'dr.chen');
  await expect(page).toHaveURL(/\/expert/);
  // The badge, not any text: a session card of the same expert may also show the name.
  await expect(page.getByTestId('user-display-name')).toHaveText('陈建华');
});

test('the kiosk account lands on the kiosk home', async ({ page }) => {
  await loginAs(page, 'kiosk.shengsi');
  await expect(page).toHaveURL(/\/kiosk/);
});
