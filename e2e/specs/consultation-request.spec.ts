import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { apiLogin } from '../support/api';
import { test } from '../support/clinic-pages';

// Three people on their own devices (county doctor, coordinator, expert), then the second expert.
test.setTimeout(240_000);

const card = (page: Page, requestId: string) => page.locator(`[data-testid="request-card"][data-request-id="${requestId}"]`);

/** The expert opens the scheduled consultation from the inbox and finds the attached CT first, marked. */
async function expertSeesAttachedCt(page: Page, requestId: string, ctUid: string): Promise<void> {
  await page.getByTestId('link-requests').click();
  await page.waitForURL(/\/expert\/requests/);
  await card(page, requestId).getByTestId('request-open-consultation').click();
  await page.waitForURL(/\/expert\/consultations\//);
  await page.getByTestId('tab-imaging').click();
  const studies = page.getByTestId('imaging-study');
  await expect(studies.first()).toHaveAttribute('data-study-uid', ctUid, { timeout: 30_000 });
  await expect(studies.first()).toHaveAttribute('data-attached', 'true');
}

test('an urgent request with a CT reaches the coordinator live, is scheduled with two experts, and both find the CT in the consultation', async ({ devices, baseURL }) => {
  const [chen, he] = [await apiLogin(baseURL ?? '', 'dr.chen'), await apiLogin(baseURL ?? '', 'dr.he')];
  const token = `E2E-${Date.now().toString(36)}`;

  // The coordinator's inbox is open before the request exists: it must arrive without a reload.
  const coordinator = await devices.open('coordinator', /\/admin/);
  await coordinator.setViewportSize({ width: 1440, height: 900 });
  await coordinator.getByTestId('link-requests').click();
  await expect(coordinator.getByTestId('request-inbox')).toBeVisible();

  const county = await devices.open('doc.wang', /\/county/);
  await county.setViewportSize({ width: 1440, height: 900 });
  await county.getByTestId('request-new').click();
  await county.getByTestId('request-his-id').fill('p-0001');
  await county.getByTestId('request-lookup').click();
  // The demo PACS holds a chest CT for p-0001 (pacs-seed).
  const ctBox = county.locator('[data-testid="request-study"][data-modalities*="CT"]').first();
  await expect(ctBox).toBeVisible({ timeout: 30_000 });
  const ctUid = (await ctBox.getAttribute('data-study-uid')) ?? '';
  await ctBox.check();
  await county.getByTestId('request-summary').fill(`${token} 男，68岁，胸闷气促三天，CT示右肺下叶结节`);
  await county.getByTestId('request-question').fill('结节性质如何判断？');
  await county.getByTestId('request-urgency-urgent').check();
  await county.locator(`[data-testid="request-expert"][data-user-id="${chen.user.id}"]`).check();
  await county.getByTestId('request-submit').click();

  const filed = county.getByTestId('my-requests').getByTestId('request-card').filter({ hasText: token });
  await expect(filed).toHaveAttribute('data-status', 'submitted');
  const requestId = (await filed.getAttribute('data-request-id')) ?? '';
  expect(requestId).not.toBe('');

  // Live on the inbox, urgent, with its response clock running.
  const inboxCard = card(coordinator, requestId);
  await expect(inboxCard).toBeVisible({ timeout: 15_000 });
  await expect(inboxCard).toHaveAttribute('data-urgency', 'urgent');
  await expect(inboxCard.getByTestId('response-clock')).toHaveAttribute('data-overdue', 'false');
  await expect(inboxCard.getByTestId('request-attachments')).toHaveAttribute('data-study-uids', ctUid);

  await inboxCard.getByTestId('request-schedule').click();
  await inboxCard.locator(`[data-testid="schedule-expert"][data-user-id="${chen.user.id}"]`).check();
  await inboxCard.locator(`[data-testid="schedule-expert"][data-user-id="${he.user.id}"]`).check();
  await inboxCard.getByTestId('schedule-confirm').click();
  await expect(inboxCard).toHaveAttribute('data-status', 'scheduled');
  await expect(inboxCard.getByTestId('response-clock')).toHaveCount(0);

  // The county doctor sees 已安排 without a reload.
  await expect(filed).toHaveAttribute('data-status', 'scheduled', { timeout: 15_000 });
  await expect(filed.getByTestId('request-status')).toHaveText('已安排');
  await expect(filed.getByTestId('request-open-consultation')).toBeVisible();

  const expertChen = await devices.open('dr.chen', /\/expert/);
  await expertSeesAttachedCt(expertChen, requestId, ctUid);
  const expertHe = await devices.open('dr.he', /\/expert/);
  await expertSeesAttachedCt(expertHe, requestId, ctUid);
});

test('the 发起远程会诊 form, with the patient’s studies and reports loaded, has no serious axe violations', async ({ devices }) => {
  const county = await devices.open('doc.wang', /\/county/);
  await county.setViewportSize({ width: 1440, height: 900 });
  await county.getByTestId('request-new').click();
  await county.getByTestId('request-his-id').fill('p-0001');
  await county.getByTestId('request-lookup').click();
  await expect(county.getByTestId('request-study').first()).toBeVisible({ timeout: 30_000 });
  const results = await new AxeBuilder({ page: county }).include('[data-testid="request-form"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious).toEqual([]);
  // Another hospital's patient is refused with the reason, and nothing can be filed.
  await county.getByTestId('request-his-id').fill('p-0004');
  await county.getByTestId('request-lookup').click();
  await expect(county.getByTestId('request-form').getByRole('alert')).toBeVisible();
  await expect(county.getByTestId('request-submit')).toHaveCount(0);
});
