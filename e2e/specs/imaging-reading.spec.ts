import { expect, test, type Browser, type BrowserContext } from '@playwright/test';
import { createConsultation } from '../support/api';
import { loginAs } from '../support/auth';
import { connectionState } from '../support/room';

/**
 * Reading images on the expert's consultation page: 全屏阅片 keeps this tab's session and the call
 * (a full-window layer, not a new tab that would land on the login page), and a series whose
 * frames fail shows the error in the viewport instead of the previous series' picture.
 */

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

async function expertOnImaging(browser: Browser, baseURL: string) {
  // p-0002 has an ultrasound cine and two MR series in the demo PACS.
  const { id } = await createConsultation(baseURL, 'dr.chen', [{ username: 'kiosk.shengsi', role: 'patient_kiosk' }], 'p-0002');
  const context = await browser.newContext({ baseURL, viewport: { width: 1440, height: 900 }, permissions: ['camera', 'microphone'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  const page = await context.newPage();
  await loginAs(page, 'dr.chen');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/expert/consultations/${id}`);
  await expect(connectionState(page)).toHaveText('connected', { timeout: 20_000 });
  await page.getByTestId('tab-imaging').click();
  await expect(page.getByTestId('imaging-series')).toHaveCount(3, { timeout: 20_000 });
  return page;
}

test('全屏阅片 fills the window in the same tab: still signed in, the call still connected; Esc returns', async ({ browser, baseURL }) => {
  const page = await expertOnImaging(browser, baseURL ?? '');
  const url = page.url();
  const pagesBefore = page.context().pages().length;
  await page.getByTestId('imaging-full').click();
  const panel = page.getByTestId('imaging-panel');
  await expect(panel).toHaveAttribute('data-full', 'true');
  await expect(panel).toHaveAttribute('role', 'dialog');
  const box = await panel.boundingBox();
  expect(box?.width).toBe(1440);
  expect(box?.height).toBe(900);
  const viewport = await page.getByTestId('imaging-viewport').boundingBox();
  expect(viewport?.width ?? 0).toBeGreaterThan(900); // a big reading viewport beside the series list
  expect(viewport?.height ?? 0).toBeGreaterThan(600);
  expect(page.context().pages()).toHaveLength(pagesBefore);
  expect(page.url()).toBe(url);
  await expect(page.getByTestId('imaging-slice-count')).toBeVisible({ timeout: 20_000 });
  await expect(connectionState(page)).toHaveText('connected');
  await page.screenshot({ path: '/tmp/expert-shots/imaging-full-window-1440x900.png' });
  await page.keyboard.press('Escape');
  await expect(panel).toHaveAttribute('data-full', 'false');
});

test('a series whose frames fail shows the error in the viewport, not the previous picture under the new label', async ({ browser, baseURL }) => {
  const page = await expertOnImaging(browser, baseURL ?? '');
  await page.getByTestId('imaging-series').filter({ hasText: 'T2WI' }).click();
  await expect(page.getByTestId('imaging-slice-count')).toHaveText('20', { timeout: 20_000 });
  const canvas = page.getByTestId('imaging-viewport').locator('.imaging__canvas');
  await expect(canvas).toBeVisible();

  // Everything of the T1 series (metadata and frames) fails at the PACS proxy.
  const t1 = page.getByTestId('imaging-series').filter({ hasText: 'T1WI' });
  const t1Uid = await t1.getAttribute('data-series-uid');
  expect(t1Uid).toBeTruthy();
  await page.context().route(`**/series/${t1Uid}/**`, (route) => route.fulfill({ status: 502, contentType: 'application/json', body: JSON.stringify({ code: 'upstream_unavailable', message: 'PACS error' }) }));
  await t1.click();
  await expect(page.getByTestId('imaging-series-error')).toBeVisible({ timeout: 20_000 });
  await expect(canvas).toBeHidden(); // the T2 picture is not left on screen
  await expect(page.getByTestId('imaging-slice-count')).toHaveCount(0); // nor its overlay
  await expect(connectionState(page)).toHaveText('connected');
});
