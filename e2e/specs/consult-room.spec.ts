import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createConsultation, type Invitee } from '../support/api';
import { loginAs } from '../support/auth';
import { connectionState, expectVideoPlaying, openRoomAs, remoteTile } from '../support/room';
import { recordPeerConnections } from '../support/webrtc';

/**
 * The expert's consultation page at 1440×900: one fixed screen (video and call controls always
 * visible, the side panels scroll on their own), one tile per participant, the patient banner on
 * every tab, a failing panel that leaves the call running, and a patient whose connection drops.
 */

const DESKTOP = { width: 1440, height: 900 };
const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

async function expertPage(browser: Browser, baseURL: string, consultationId: string, setup?: (page: Page) => Promise<void>): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: DESKTOP, permissions: ['camera', 'microphone'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  await recordPeerConnections(context);
  const page = await context.newPage();
  if (setup) await setup(page);
  await loginAs(page, 'dr.chen');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/expert/consultations/${consultationId}`);
  await expect(connectionState(page)).toHaveText('connected', { timeout: 20_000 });
  return page;
}

async function joins(browser: Browser, baseURL: string, username: string, consultationId: string): Promise<Page> {
  const p = await openRoomAs(browser, baseURL, username, consultationId);
  contexts.push(p.context);
  await expect(connectionState(p.page)).toHaveText('connected', { timeout: 20_000 });
  return p.page;
}

/** The field doctor on a phone, on their own consultation screen (as after following an invitation). */
async function fieldDoctorJoins(browser: Browser, baseURL: string, consultationId: string): Promise<Page> {
  const context = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, permissions: ['camera', 'microphone'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  await recordPeerConnections(context);
  const page = await context.newPage();
  await loginAs(page, 'field.xu');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/field/consultations/${consultationId}`);
  await expect(connectionState(page)).toHaveText('connected', { timeout: 30_000 });
  return page;
}

async function expectFitsScreen(page: Page): Promise<void> {
  // Soft: every broken part of the layout is reported, not only the first.
  const fit = await page.evaluate(() => ({ scroll: document.scrollingElement?.scrollHeight ?? Infinity, inner: window.innerHeight }));
  expect.soft(fit.scroll, 'the page must not be taller than the screen').toBeLessThanOrEqual(fit.inner);
  const bar = await page.getByRole('toolbar').first().boundingBox();
  expect(bar, 'the call controls are on screen').not.toBeNull();
  if (!bar) return;
  expect.soft(bar.y, 'control bar top').toBeGreaterThanOrEqual(0);
  expect.soft(bar.y + bar.height, 'control bar bottom inside the viewport').toBeLessThanOrEqual(DESKTOP.height);
  expect.soft(bar.x + bar.width, 'control bar right edge').toBeLessThanOrEqual(DESKTOP.width);
}

const KIOSK: Invitee = { username: 'kiosk.shengsi', role: 'patient_kiosk' };
const FIELD: Invitee = { username: 'field.xu', role: 'field_doctor' };

test('with the kiosk patient and a field doctor the room fits 1440×900, controls visible, one tile each', async ({ browser, baseURL: base }) => {
  test.setTimeout(180_000); // three browsers in one call
  const baseURL = base ?? '';
  const { id } = await createConsultation(baseURL, 'dr.chen', [KIOSK, FIELD]);
  const expert = await expertPage(browser, baseURL, id);
  await joins(browser, baseURL, 'kiosk.shengsi', id);
  const field = await fieldDoctorJoins(browser, baseURL, id);

  await expectVideoPlaying(expert, 'remote-video', 'patient_kiosk');
  await expect(expert.getByTestId('field-video')).toBeVisible({ timeout: 30_000 });
  const tiles = expert.getByTestId('participant-tile');
  await expect(tiles).toHaveCount(2);
  await expect.soft(remoteTile(expert, 'patient_kiosk')).toHaveCount(1);
  await expect.soft(remoteTile(expert, 'field_doctor')).toHaveCount(1);
  await expect.soft(expert.locator('video[data-peer-role="field_doctor"], [data-testid="field-video"]'), 'the field video appears once').toHaveCount(1);
  // Clinical video is never cropped.
  await expect.soft(remoteTile(expert, 'patient_kiosk').getByTestId('remote-video')).toHaveCSS('object-fit', 'contain');

  await expectFitsScreen(expert);
  for (const tab of ['record', 'imaging', 'prescription', 'note']) {
    await expert.getByTestId(`tab-${tab}`).click();
    await expectFitsScreen(expert);
    await expect(expert.getByTestId('patient-banner')).toBeVisible();
  }
  await expert.getByTestId('tab-record').click();
  await expect(expert.getByTestId('his-record')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await expectFitsScreen(expert); // the long record scrolls inside its panel
  await expert.screenshot({ path: '/tmp/expert-shots/room-field-doctor-1440x900.png' });
  await field.screenshot({ path: '/tmp/expert-shots/field-doctor-room-390x844.png' });
});

test('the banner shows two identifiers and a red allergy marker for the penicillin-anaphylaxis patient', async ({ browser, baseURL: base }) => {
  const baseURL = base ?? '';
  const { id } = await createConsultation(baseURL, 'dr.chen', [KIOSK], 'p-0002');
  const expert = await expertPage(browser, baseURL, id);
  const banner = expert.getByTestId('patient-banner');
  await expect(banner).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await expect(expert.getByTestId('banner-name')).toHaveText('李*英');
  await expect(expert.getByTestId('banner-facts')).toContainText('女');
  await expect(expert.getByTestId('banner-his-number')).toContainText('SS1000002');
  await expect(expert.getByTestId('banner-allergy')).toHaveAttribute('data-state', 'severe');
  await expect(expert.getByTestId('banner-allergy')).toContainText('青霉素');
  await expect(expert.getByTestId('banner-allergy')).toHaveCSS('background-color', 'rgb(180, 35, 24)');
  for (const tab of ['record', 'imaging', 'prescription', 'note']) {
    await expert.getByTestId(`tab-${tab}`).click();
    await expect(expert.getByTestId('banner-allergy')).toBeVisible();
  }
  await expect(expert.getByTestId('banner-weight')).toHaveCount(0); // an adult
});

test('a child shows the weight in the banner (or says it is not recorded)', async ({ browser, baseURL: base }) => {
  const baseURL = base ?? '';
  const { id } = await createConsultation(baseURL, 'dr.chen', [KIOSK], 'p-0005');
  const expert = await expertPage(browser, baseURL, id);
  await expect(expert.getByTestId('patient-banner')).toHaveAttribute('data-state', 'ready', { timeout: 20_000 });
  await expect(expert.getByTestId('banner-name')).toHaveText('刘*雨');
  await expect(expert.getByTestId('banner-weight')).toContainText('体重');
});

test('panels whose data comes back malformed fail alone: the video call keeps playing', async ({ browser, baseURL: base }) => {
  const baseURL = base ?? '';
  const { id } = await createConsultation(baseURL, 'dr.chen', [KIOSK]);
  const expert = await expertPage(browser, baseURL, id, async (page) => {
    const malformed = { status: 200, contentType: 'application/json', body: JSON.stringify({ bundle: { entry: 'not-a-list' }, studies: [{ nonsense: true }] }) };
    await page.route(`**/api/consultations/${id}/record**`, (route) => route.fulfill(malformed));
    await page.route(`**/api/consultations/${id}/imaging/**`, (route) => route.fulfill(malformed));
  });
  await joins(browser, baseURL, 'kiosk.shengsi', id);
  await expectVideoPlaying(expert, 'remote-video', 'patient_kiosk');
  await expert.getByTestId('tab-record').click();
  await expect(expert.locator('[data-testid="his-record"][data-state="error"], [data-testid="panel-error-record"]')).toBeVisible();
  await expert.getByTestId('tab-imaging').click();
  await expect(expert.getByTestId('patient-banner')).toHaveAttribute('data-state', 'error');
  await expect(connectionState(expert)).toHaveText('connected');
  await expectVideoPlaying(expert, 'remote-video', 'patient_kiosk');
  await expect(expert.getByRole('toolbar').first()).toBeVisible();
});

test('when the patient drops, the tile stays in place saying it is reconnecting, then plays again', async ({ browser, baseURL: base }) => {
  const baseURL = base ?? '';
  const { id } = await createConsultation(baseURL, 'dr.chen', [KIOSK]);
  const expert = await expertPage(browser, baseURL, id);
  const kiosk = await joins(browser, baseURL, 'kiosk.shengsi', id);
  await expectVideoPlaying(expert, 'remote-video', 'patient_kiosk');

  await kiosk.context().close(); // the kiosk's connection goes without a "leave"
  const tile = remoteTile(expert, 'patient_kiosk');
  await expect(tile.getByTestId('tile-media-state')).toHaveText('患者网络中断，正在重连…');
  await expect(tile).toHaveAttribute('data-media', 'dropped');
  await expect(tile).toHaveCount(1);

  await joins(browser, baseURL, 'kiosk.shengsi', id);
  await expectVideoPlaying(expert, 'remote-video', 'patient_kiosk');
  await expect(tile).toHaveCount(1);
  await expect(tile.getByTestId('tile-media-state')).toHaveCount(0);
});
