import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { HealthResponseSchema } from '@cloudclinic/shared';
import { apiLogin, createConsultation } from '../support/api';
import { DEMO_PASSWORD, loginAs } from '../support/auth';

/**
 * 多学科会诊意见 with three browsers: two experts and the county doctor in one consultation. Each
 * expert writes an opinion, the chair compiles the joint one, both sign with their own password,
 * /verify shows two valid signatures, the county doctor acknowledges, and the county HIS holds the
 * opinion exactly once.
 */

const DESKTOP = { width: 1440, height: 900 };
const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

async function open(browser: Browser, baseURL: string, username: string, path: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: DESKTOP, permissions: ['camera', 'microphone'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  const page = await context.newPage();
  await loginAs(page, username);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(path);
  return page;
}

/** The consultation screen stays one screen at 1440×900: the opinion panel scrolls on its own. */
async function expectFitsScreen(page: Page): Promise<void> {
  const fit = await page.evaluate(() => ({ scroll: document.scrollingElement?.scrollHeight ?? Infinity, inner: window.innerHeight, width: document.scrollingElement?.scrollWidth ?? Infinity }));
  expect.soft(fit.scroll, 'the page must not be taller than the screen').toBeLessThanOrEqual(fit.inner);
  expect.soft(fit.width, 'the page must not be wider than the screen').toBeLessThanOrEqual(DESKTOP.width);
}

async function ownOpinion(page: Page, text: string): Promise<void> {
  await page.getByTestId('tab-opinion').click();
  await page.getByTestId('own-opinion-text').fill(text);
  await page.getByTestId('own-opinion-save').click();
  await expect(page.getByTestId('own-opinion-saved')).toBeVisible();
}

async function sign(page: Page): Promise<void> {
  const panel = page.getByTestId('opinion-panel');
  await panel.getByTestId('opinion-sign').click();
  await panel.getByTestId('rx-password').fill(DEMO_PASSWORD);
  await panel.getByTestId('rx-sign-confirm').click();
  await expect(panel.getByTestId('opinion-sign')).toHaveCount(0);
}

/** DocumentReferences in the county HIS with our identifier (the simulator's address from the admin's health view). */
async function hisDocuments(baseURL: string, identifier: string): Promise<number> {
  const admin = await apiLogin(baseURL, 'admin');
  const health = HealthResponseSchema.parse(await (await fetch(new URL('/api/health', baseURL), { headers: { authorization: `Bearer ${admin.accessToken}` } })).json());
  const his = health.integrations?.['his']?.url;
  if (!his) throw new Error('no county HIS configured');
  const res = await fetch(`${his.replace(/\/+$/, '')}/DocumentReference?identifier=${encodeURIComponent(`urn:cloudclinic:mdt-opinion|${identifier}`)}`);
  const bundle = (await res.json()) as { entry?: unknown[] };
  return bundle.entry?.length ?? 0;
}

test('two experts sign one joint opinion, /verify checks both, the county doctor acknowledges, the HIS holds it once', async ({ browser, baseURL: base }) => {
  test.setTimeout(240_000); // three browsers in one room
  const baseURL = base ?? '';
  const { id } = await createConsultation(baseURL, 'dr.chen', [
    { username: 'dr.lin', role: 'expert' },
    { username: 'doc.wang', role: 'local_doctor' },
  ]);
  const chair = await open(browser, baseURL, 'dr.chen', `/expert/consultations/${id}`);
  const lin = await open(browser, baseURL, 'dr.lin', `/expert/consultations/${id}`);
  const county = await open(browser, baseURL, 'doc.wang', `/county/consultations/${id}`);

  await ownOpinion(chair, '左肺上叶结节，倾向手术切除');
  await ownOpinion(lin, '建议先行新辅助化疗');
  await expect(chair.getByTestId('expert-opinion')).toHaveCount(2);

  await chair.getByTestId('joint-findings').fill('左肺上叶结节 2.1cm，边缘毛刺，考虑肺癌');
  await chair.getByTestId('joint-dx-search').fill('C34.9');
  await chair.getByTestId('joint-dx-search').press('Enter');
  await expect(chair.getByTestId('joint-dx-chip')).toHaveCount(1);
  await chair.getByTestId('joint-treatment').fill('建议胸腔镜下肺叶切除');
  await chair.locator('[data-testid="joint-dissent"]').nth(1).fill('主张先化疗后手术');
  await chair.getByTestId('joint-submit').click();
  const opinion = chair.getByTestId('joint-opinion').first();
  await expect(opinion).toHaveAttribute('data-status', 'signing');
  const opinionId = (await opinion.getAttribute('data-opinion')) ?? '';
  await expectFitsScreen(chair);

  // Each signer's status shows on the other's screen without a reload.
  await lin.getByTestId('tab-opinion').click();
  await expect(lin.getByTestId('joint-opinion').first()).toHaveAttribute('data-status', 'signing', { timeout: 15_000 });
  await sign(lin);
  await expect(chair.locator(`[data-testid="opinion-signer"][data-signed="true"]`)).toHaveCount(1, { timeout: 15_000 });
  await sign(chair);
  await expect(opinion).toHaveAttribute('data-status', 'final');
  await expect(lin.getByTestId('joint-opinion').first()).toHaveAttribute('data-status', 'final', { timeout: 15_000 });

  const verify = await chair.context().newPage();
  await verify.goto(`/verify/opinion/${opinionId}`);
  await expect(verify.getByTestId('opinion-verify-result')).toHaveAttribute('data-valid', 'true');
  await expect(verify.locator('[data-testid="opinion-verify-signature"][data-valid="true"]')).toHaveCount(2);

  await expect(county.getByTestId('joint-opinion').first()).toHaveAttribute('data-status', 'final', { timeout: 15_000 });
  await county.getByTestId('opinion-acknowledge').click();
  await expect(county.getByTestId('opinion-acknowledged')).toBeVisible();
  await expectFitsScreen(county);
  await expect(chair.getByTestId('opinion-acknowledged')).toBeVisible({ timeout: 15_000 });

  await expect.poll(() => hisDocuments(baseURL, `${id}/v1`), { timeout: 30_000 }).toBe(1);
  await chair.waitForTimeout(2000); // a second delivery round must not add a copy
  expect(await hisDocuments(baseURL, `${id}/v1`)).toBe(1);
});
