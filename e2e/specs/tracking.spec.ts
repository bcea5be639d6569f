import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { TrackingStatsSchema, type TrackingStats } from '@cloudclinic/shared';
import { apiLogin, scheduledRequest } from '../support/api';
import { test } from '../support/screens';

const SHOTS = '/tmp/dash-shots';

/** The figures the server gives the coordinator for the default period (the last 30 clinic days). */
async function defaultStats(baseURL: string): Promise<TrackingStats> {
  const coordinator = await apiLogin(baseURL, 'coordinator');
  const res = await fetch(new URL('/api/tracking', baseURL), { headers: { authorization: `Bearer ${coordinator.accessToken}` } });
  expect(res.status).toBe(200);
  return TrackingStatsSchema.parse(await res.json());
}

async function expectNoSeriousViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(' | ')}`), what).toEqual([]);
}

test('the coordinator opens 运行统计 from the admin home: figures, the chart and its table, the state tables; axe finds nothing serious', async ({ screens, baseURL }) => {
  const base = baseURL ?? '';
  // A request filed and scheduled today, so the period is never empty.
  await scheduledRequest(base, await apiLogin(base, 'dr.chen'), 'p-0001');
  const stats = await defaultStats(base);
  expect(stats.requests.total).toBeGreaterThan(0);

  const page = await screens.signedIn('coordinator', 'zh-CN');
  await page.goto('/admin');
  await page.getByTestId('link-tracking').click();
  await expect(page).toHaveURL(/\/admin\/tracking$/);
  await expect(page.getByRole('heading', { level: 1, name: '运行统计' })).toBeVisible();
  await expect(page.getByTestId('tracking-tiles')).toBeVisible({ timeout: 20_000 });
  const requests = page.getByTestId('tracking-tile-requests');
  await expect(requests).toContainText('会诊申请');
  // Filed after our request: the figure is at least what the server said a moment ago.
  expect(Number(await requests.locator('strong').textContent())).toBeGreaterThanOrEqual(stats.requests.total);
  await expect(page.getByTestId('tracking-tile-follow-up')).toContainText('随访按时完成率');

  const chart = page.getByTestId('tracking-chart-svg');
  await expect(chart).toBeVisible();
  await expect(chart).toHaveAttribute('role', 'img');
  await expect(chart.locator('rect.tracking-chart__bar--filed')).toHaveCount(30);
  await expect(chart.locator('rect.tracking-chart__bar--completed')).toHaveCount(30);
  const rows = page.getByTestId('tracking-chart-table').locator('tbody tr');
  await expect(rows).toHaveCount(30);
  await expect(rows.last().locator('th')).toHaveText(stats.range.to);
  expect(Number(await rows.last().locator('td').first().textContent())).toBeGreaterThanOrEqual(1);
  await expect(page.getByTestId('tracking-requests-table').locator('tr[data-key="scheduled"] td')).not.toHaveText('0');
  await expect(page.getByTestId('tracking-showing')).toHaveText(`${stats.range.from} 至 ${stats.range.to}，共 30 天`);

  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/tracking-1440x900.png` });
  // The tiles and the chart are above the fold at 1440×900; nothing spills sideways.
  const box = await chart.boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(900);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1440);
  await expectNoSeriousViolations(page, 'tracking zh-CN');

  // A period long before any data: the empty state. A reversed period: refused before asking the server.
  await page.getByTestId('tracking-from').fill('2001-01-01');
  await page.getByTestId('tracking-to').fill('2001-01-07');
  await page.getByTestId('tracking-apply').click();
  await expect(page.getByTestId('tracking-empty')).toBeVisible();
  await expect(page.getByTestId('tracking-chart')).toHaveCount(0);
  await page.getByTestId('tracking-from').fill('2001-02-01');
  await page.getByTestId('tracking-apply').click();
  await expect(page.getByTestId('tracking-range-error')).toBeVisible();
  await page.getByTestId('tracking-preset-90').click();
  await expect(page.getByTestId('tracking-range-error')).toHaveCount(0);
  await expect(page.getByTestId('tracking-chart-table').locator('tbody tr')).toHaveCount(13);
});

test('运行统计 in English has no serious axe violations', async ({ screens }) => {
  const page = await screens.signedIn('admin', 'en');
  await page.goto('/admin/tracking');
  await expect(page.getByRole('heading', { level: 1, name: 'Tracking' })).toBeVisible();
  await expect(page.getByTestId('tracking-loading')).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByTestId('tracking-tiles').or(page.getByTestId('tracking-empty'))).toBeVisible();
  await page.waitForLoadState('networkidle');
  await page.screenshot({ path: `${SHOTS}/tracking-en-1440x900.png` });
  const chart = page.getByTestId('tracking-chart-svg');
  if (await chart.count()) {
    const box = await chart.boundingBox();
    expect(box && box.y + box.height).toBeLessThanOrEqual(900);
  }
  await expectNoSeriousViolations(page, 'tracking en');
});
