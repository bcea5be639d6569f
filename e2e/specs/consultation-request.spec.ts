import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { apiLogin } from '../support/api';
import { test } from '../support/clinic-pages';
import { expectUrgentInInbox, expertOpensWithCt, fileUrgentRequestWithCt, openRequestInbox, scheduleWith } from '../support/requests';

// Three people on their own devices (county doctor, coordinator, expert), then the second expert.
test.setTimeout(240_000);

test('an urgent request with a CT reaches the coordinator live, is scheduled with two experts, and both find the CT in the consultation', async ({ devices, baseURL }) => {
  const [chen, he] = [await apiLogin(baseURL ?? '', 'dr.chen'), await apiLogin(baseURL ?? '', 'dr.he')];
  const token = `E2E-${Date.now().toString(36)}`;

  // The coordinator's inbox is open before the request exists: it must arrive without a reload.
  const coordinator = await devices.open('coordinator', /\/admin/);
  await coordinator.setViewportSize({ width: 1440, height: 900 });
  await openRequestInbox(coordinator);

  const county = await devices.open('doc.wang', /\/county/);
  await county.setViewportSize({ width: 1440, height: 900 });
  // The demo PACS holds a chest CT for p-0001 (pacs-seed).
  const filed = await fileUrgentRequestWithCt(county, { hisPatientId: 'p-0001', token, summary: '男，68岁，胸闷气促三天，CT示右肺下叶结节', question: '结节性质如何判断？', expertId: chen.user.id });
  const { requestId, ctUid } = filed;

  // Live on the inbox, urgent, with its response clock running.
  const inboxCard = await expectUrgentInInbox(coordinator, filed);
  await scheduleWith(inboxCard, [chen.user.id, he.user.id]);

  // The county doctor sees 已安排 without a reload.
  await expect(filed.card).toHaveAttribute('data-status', 'scheduled', { timeout: 15_000 });
  await expect(filed.card.getByTestId('request-status')).toHaveText('已安排');
  await expect(filed.card.getByTestId('request-open-consultation')).toBeVisible();

  const expertChen = await devices.open('dr.chen', /\/expert/);
  await expertOpensWithCt(expertChen, requestId, ctUid);
  const expertHe = await devices.open('dr.he', /\/expert/);
  await expertOpensWithCt(expertHe, requestId, ctUid);
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
