import type { Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Demo@2026';

/** Log in through the real login page. */
export async function loginAs(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}
