import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { ConsultationViewSchema, PrescriptionViewSchema, type Finding, type PrescriptionView } from '@cloudclinic/shared';
import { DEMO_PASSWORD } from '../support/auth';
import { ApiUser, institutionId } from '../support/clinic-api';
import { test } from '../support/clinic-pages';

test.setTimeout(180_000);

const line = (medicationId: string, over: object = {}) => ({ medicationId, dose: { value: 1, unit: '片' }, frequency: 'qd', route: 'oral', days: 5, instructions: '', ...over });

/** dr.chen prescribes for a Shengsi patient, overrides every warning with a reason, signs and submits (API only). */
async function underReview(request: APIRequestContext, hisPatientId: string, items: object[]): Promise<{ rx: PrescriptionView; overridden: Finding[] }> {
  const admin = await ApiUser.login(request, 'admin');
  const chen = await ApiUser.login(request, 'dr.chen');
  const c = await chen.post(
    '/api/consultations',
    { kind: 'remote_consultation', hisPatientId, institutionId: await institutionId(admin, 'sscph'), invite: [], breakGlassReason: 'End-to-end test: opened without a request on purpose' },
    ConsultationViewSchema,
  );
  const draft = await chen.post(`/api/consultations/${c.id}/prescriptions`, { diagnoses: ['J02.9'], items }, PrescriptionViewSchema);
  const overridden = draft.findings.filter((f) => f.severity === 'warning');
  const overrides = overridden.map((f) => ({ findingId: f.id, code: 'benefit_outweighs_risk', reason: '已评估获益与风险，患者知情同意' }));
  await chen.post(`/api/prescriptions/${draft.id}/sign`, { password: DEMO_PASSWORD, overrides }, PrescriptionViewSchema);
  return { rx: await chen.post(`/api/prescriptions/${draft.id}/submit`, {}, PrescriptionViewSchema), overridden };
}

/** No serious or critical axe finding (WCAG 2.x A/AA and best practice), as the a11y spec checks the homes. */
async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
}

const cardOf = (page: Page, id: string) => page.locator(`[data-testid="rx-review-card"][data-prescription-id="${id}"]`);

test('each warning the prescriber overrode is ticked, rule by rule, before 审核通过 is possible', async ({ devices, request }, testInfo) => {
  // Ten days' supply without a chronic diagnosis, and nifedipine above its daily maximum: two warnings signed over.
  const { rx, overridden } = await underReview(request, 'p-0012', [line('loratadine-10mg-tab', { dose: { value: 10, unit: 'mg' }, days: 10 }), line('nifedipine-30mg-cr-tab', { dose: { value: 3, unit: '片' }, frequency: 'bid' })]);
  expect(overridden.map((f) => f.rule)).toEqual(expect.arrayContaining(['duration', 'max_dose']));
  const pharmacy = await devices.open('pharm.zhou', /\/pharmacy/);
  const card = cardOf(pharmacy, rx.id);
  await expect(card).toHaveAttribute('data-status', 'under_review');
  await expect(card.getByTestId('rx-review-signature')).toHaveAttribute('data-valid', 'true');

  const acks = card.getByTestId('rx-ack');
  await expect(acks).toHaveCount(overridden.length);
  await expect(card.locator('[data-testid="rx-ack"][data-rule="max_dose"]')).toBeVisible();
  await card.getByTestId('rx-approve-password').fill(DEMO_PASSWORD);
  await card.screenshot({ path: testInfo.outputPath('acknowledge.png') });
  await expectAccessible(pharmacy);
  const approve = card.getByTestId('rx-approve');
  await expect(approve).toBeDisabled();
  for (const [i, f] of overridden.entries()) {
    await expect(card.getByTestId('rx-acks')).toHaveAttribute('data-remaining', String(overridden.length - i));
    await expect(approve).toBeDisabled();
    await card.locator(`[data-testid="rx-ack"][data-finding-id="${f.id}"]`).check();
  }
  await expect(card.getByTestId('rx-acks')).toHaveAttribute('data-remaining', '0');
  await approve.click();
  // Approved in place: the card stays where it was while the 待审核 filter is on.
  await expect(card).toHaveAttribute('data-status', 'approved');
  const zhou = await ApiUser.login(request, 'pharm.zhou');
  const after = await zhou.get(`/api/prescriptions/${rx.id}`, PrescriptionViewSchema);
  expect([...(after.review?.acknowledged ?? [])].sort()).toEqual(overridden.map((f) => f.id).sort());
});

test('a new prescription arrives live with 新处方 1, a beep and the title count; search and filters find it; offline disables the actions', async ({ devices, request }, testInfo) => {
  const pharmacy = await devices.open('pharm.zhou', /\/pharmacy/);
  await expect(pharmacy.getByTestId('rx-review-queue')).toBeVisible();
  const connection = pharmacy.getByTestId('rx-connection');
  await expect(connection).toHaveAttribute('data-state', 'connected');
  await expect(connection).toHaveText('在线');
  await expect(pharmacy.getByTestId('rx-new-badge')).toHaveCount(0);
  const title = await pharmacy.title();

  const { rx } = await underReview(request, 'p-0013', [line('cetirizine-10mg-tab', { dose: { value: 10, unit: 'mg' } })]);
  const card = cardOf(pharmacy, rx.id);
  await expect(card).toHaveAttribute('data-fresh', 'true');
  await expect(pharmacy.getByTestId('rx-new-badge')).toHaveText('新处方 1');
  await expect(pharmacy.getByTestId('rx-sound')).toHaveAttribute('data-sounded', '1');
  await expect(pharmacy.getByTestId('rx-announce')).toContainText('贺国庆');
  await pharmacy.screenshot({ path: testInfo.outputPath('new-arrival.png') });
  await expect.poll(() => pharmacy.title()).toBe(`（新处方 1）${title}`);
  await pharmacy.getByTestId('rx-new-badge').click();
  await expect(pharmacy.getByTestId('rx-new-badge')).toHaveCount(0);
  await expect(card).toHaveAttribute('data-fresh', 'false');
  await expect.poll(() => pharmacy.title()).toBe(title);

  // The sound can be turned off; the choice survives a reload.
  await pharmacy.getByTestId('rx-sound').click();
  await expect(pharmacy.getByTestId('rx-sound')).toHaveAttribute('aria-pressed', 'false');
  await pharmacy.reload();
  await expect(pharmacy.getByTestId('rx-sound')).toHaveAttribute('aria-pressed', 'false');

  // Search by patient, number, drug pinyin; nothing matching shows the empty state. The URL keeps it.
  const search = pharmacy.getByTestId('rx-search-queue');
  for (const q of ['贺国庆', rx.number, 'xtlq']) {
    await search.fill(q);
    await expect(card).toBeVisible();
  }
  await search.fill(rx.number);
  await expect(pharmacy.getByTestId('rx-review-card')).toHaveCount(1);
  await expect(pharmacy).toHaveURL(new RegExp(`q=${rx.number}`));
  await search.fill('没有这位患者');
  await expect(pharmacy.getByTestId('rx-queue-empty')).toBeVisible();
  await expect(pharmacy.getByTestId('rx-review-card')).toHaveCount(0);
  await search.fill('');
  await pharmacy.locator('[data-testid="rx-filter"][data-filter="approved"]').click();
  await expect(pharmacy).toHaveURL(/status=approved/);
  await expect(card).toHaveCount(0);
  await pharmacy.locator('[data-testid="rx-filter"][data-filter="under_review"]').click();
  await expect(card).toBeVisible();

  // Offline: the indicator says so and the card says why it cannot be approved.
  await card.getByTestId('rx-approve-password').fill(DEMO_PASSWORD);
  await expect(card.getByTestId('rx-approve')).toBeEnabled();
  await pharmacy.context().setOffline(true);
  await expect(connection).toHaveAttribute('data-state', 'reconnecting');
  await expect(connection).toHaveText('连接中断，正在重连…');
  await expect(card.getByTestId('rx-approve')).toBeDisabled();
  await expect(card.getByTestId('rx-offline-hint')).toBeVisible();
  await pharmacy.screenshot({ path: testInfo.outputPath('offline.png') });
  await pharmacy.context().setOffline(false);
  await expect(connection).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
  await expect(card.getByTestId('rx-approve')).toBeEnabled();

  // Approved, the card keeps its place in the 待审核 list instead of jumping away.
  const before = await pharmacy.getByTestId('rx-review-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-prescription-id')));
  await card.getByTestId('rx-approve').click();
  await expect(card).toHaveAttribute('data-status', 'approved');
  const after = await pharmacy.getByTestId('rx-review-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-prescription-id')));
  expect(after.indexOf(rx.id)).toBe(before.indexOf(rx.id));
});

for (const language of ['zh-CN', 'en']) {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 1080, height: 1920 }]) {
    test(`the workbench fits ${viewport.width}×${viewport.height} in ${language} without horizontal overflow`, async ({ devices }, testInfo) => {
      const pharmacy = await devices.open('pharm.zhou', /\/pharmacy/, async (context) => {
        await context.addInitScript((lng) => window.localStorage.setItem('cloudclinic.language', lng), language);
      });
      await pharmacy.setViewportSize(viewport);
      await pharmacy.goto('/pharmacy?status=all');
      await expect(pharmacy.getByTestId('rx-connection')).toHaveAttribute('data-state', 'connected');
      await expect(pharmacy.getByTestId('rx-review-card').first()).toBeVisible();
      const overflow = await pharmacy.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectAccessible(pharmacy);
      await pharmacy.screenshot({ path: testInfo.outputPath(`pharmacy-${language}-${viewport.width}x${viewport.height}.png`) });
    });
  }
}
