import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { createConsultation } from '../support/api';
import { test } from '../support/screens';

/**
 * axe (WCAG 2.x A/AA rules) on each main role's screen, in Chinese and in English: no serious or
 * critical violation. The consultation room is checked with the call connected.
 */

const LANGUAGES = ['zh-CN', 'en'] as const;
async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined); // a live room never goes idle
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`);
  expect(report, `${what}: serious/critical axe violations`).toEqual([]);
}

const HOMES = [
  // `ready`: what must be on screen (loaded data, not a spinner) before axe looks.
  { role: 'expert home', username: 'dr.chen', path: '/expert', ready: 'queue-table' },
  { role: 'county doctor home', username: 'doc.wang', path: '/county', ready: 'county-session' },
  { role: 'pharmacist', username: 'pharm.zhou', path: '/pharmacy', ready: 'rx-review-queue' },
  { role: 'admin audit', username: 'admin', path: '/admin/audit', ready: 'audit-table' },
  { role: 'admin users', username: 'admin', path: '/admin/users', ready: 'user-table' },
  { role: 'admin institutions', username: 'admin', path: '/admin/institutions', ready: 'institution-table' },
  { role: 'admin invitations', username: 'admin', path: '/admin/invitations', ready: 'admin-invitations' },
  { role: 'admin HIS write-backs', username: 'admin', path: '/admin/outbox', ready: 'outbox-count' },
  { role: 'consultation request inbox', username: 'coordinator', path: '/admin/requests', ready: 'request-inbox' },
  { role: 'referral booking list', username: 'coordinator', path: '/admin/referrals', ready: 'referral-inbox' },
  { role: 'kiosk home', username: 'kiosk.shengsi', path: '/kiosk', ready: 'kiosk-home' },
] as const;

for (const language of LANGUAGES) {
  for (const home of HOMES) {
    test(`${home.role} (${language}) has no serious axe violations`, async ({ screens }) => {
      const page = await screens.signedIn(home.username, language);
      await page.goto(home.path);
      await expect(page.getByTestId(home.ready).first()).toBeVisible({ timeout: 20_000 });
      await expect(page.getByRole('status').filter({ hasText: /正在加载|Loading/ })).toHaveCount(0);
      await expect(page.locator('main')).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expectNoSeriousViolations(page, `${home.role} ${language}`);
    });
  }

  test(`consultation room (${language}) has no serious axe violations`, async ({ screens, baseURL }) => {
    const { id } = await createConsultation(baseURL ?? '', 'dr.chen', [{ username: 'kiosk.shengsi', role: 'patient_kiosk' }]);
    const page = await screens.signedIn('dr.chen', language);
    await page.goto(`/expert/consultations/${id}`);
    await expect(page.getByTestId('connection-state')).toHaveText('connected', { timeout: 20_000 });
    await expect(page.getByTestId('patient-banner')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
    await expectNoSeriousViolations(page, `consultation ${language}`);
  });

  test(`field doctor on a phone (${language}) has no serious axe violations`, async ({ screens }) => {
    const page = await screens.signedIn('field.xu', language, 'phone');
    await page.goto('/field');
    await expect(page.locator('main')).toBeVisible();
    await expectNoSeriousViolations(page, `field doctor ${language}`);
  });
}
