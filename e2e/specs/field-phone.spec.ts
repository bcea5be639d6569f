import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { expertInvites, fieldConsultation, fieldSignsInAndJoins, openInvite, PHONE } from '../support/field';
import { connectionState, remoteTile } from '../support/room';

/**
 * The field doctor's phone (390×844, touch) in a consultation, as a tester holds it: every control
 * the call needs on screen without scrolling (portrait and landscape), nothing wider than the screen,
 * readable labels over video, an honest audio-only notice, the monitor's alarms on the phone too, a
 * login that shows its progress on a slow link, no serious axe finding, and scripts that arrive precompressed.
 */

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

async function context(browser: Browser, baseURL: string, phone: boolean): Promise<BrowserContext> {
  const c = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? PHONE : { viewport: { width: 1440, height: 900 } }) });
  contexts.push(c);
  return c;
}

const CONTROLS = ['field-mic', 'field-camera', 'field-flip', 'field-leave', 'link-override-auto', 'link-override-video', 'link-override-audio'];

/** Each control lies wholly inside the viewport, and a tap at its centre reaches it (nothing covers it). */
async function expectControlsOnScreen(page: Page): Promise<void> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  for (const id of CONTROLS) {
    const control = page.getByTestId(id);
    const box = await control.boundingBox();
    expect(box, id).not.toBeNull();
    if (!box) continue;
    expect(box.x, id).toBeGreaterThanOrEqual(0);
    expect(box.y, id).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width, id).toBeLessThanOrEqual(viewport.width + 0.5);
    expect(box.y + box.height, id).toBeLessThanOrEqual(viewport.height + 0.5);
    const hit = await control.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return top !== null && el.contains(top);
    });
    expect(hit, `${id} is covered`).toBe(true);
  }
}

async function expectNoOverflow(page: Page): Promise<void> {
  const size = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, scrollHeight: document.documentElement.scrollHeight, innerHeight: window.innerHeight }));
  expect(size.scrollWidth, 'horizontal overflow').toBeLessThanOrEqual(size.innerWidth);
  // The call is one screen: the page itself never scrolls the bottom bar away.
  expect(size.scrollHeight, 'the page scrolls').toBeLessThanOrEqual(size.innerHeight);
}

/** WCAG contrast of the label's text over its scrim, with the scrim laid over a white picture (the worst case). */
function labelContrast(page: Page): Promise<{ ratio: number; textLuminance: number }> {
  return remoteTile(page, 'expert')
    .locator('.tile__name')
    .evaluate((name) => {
      const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
      const lum = ([r = 0, g = 0, b = 0]: number[]) => {
        const c = [r, g, b].map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
      };
      const caption = name.closest('.tile__caption');
      if (!caption) throw new Error('no caption');
      const [br = 0, bg = 0, bb = 0, ba = 1] = rgba(getComputedStyle(caption).backgroundColor);
      const over = (c: number) => c * ba + 255 * (1 - ba);
      const text = lum(rgba(getComputedStyle(name).color));
      const back = lum([over(br), over(bg), over(bb)]);
      return { ratio: (Math.max(text, back) + 0.05) / (Math.min(text, back) + 0.05), textLuminance: text };
    });
}

test('on the phone: controls on screen, no overflow, readable labels, audio-only by choice says so, alarms shown; landscape too', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const base = baseURL ?? '';
  const { id } = await fieldConsultation(base);
  const expert = await (await context(browser, base, false)).newPage();
  const invitePath = await expertInvites(expert, id);

  // A slow link: the sign-in answer takes 1.5 s. The form shows it is working and sends once.
  const phone = await openInvite(await context(browser, base, true), invitePath);
  let logins = 0;
  await phone.route('**/api/auth/login', async (route) => {
    logins += 1;
    await new Promise((r) => setTimeout(r, 1500));
    await route.continue();
  });
  const submit = phone.getByTestId('login-submit');
  const signIn = fieldSignsInAndJoins(phone, id);
  await expect(submit).toHaveAttribute('aria-busy', 'true');
  await expect(submit).toBeDisabled();
  await expect(submit).toContainText('正在登录…');
  await expect(submit.getByTestId('spinner')).toBeVisible();
  await expect(phone.getByTestId('login-username')).toBeDisabled();
  await expect(phone.getByTestId('login-password')).toBeDisabled();
  await phone.locator('form.login-form').evaluate((f: HTMLFormElement) => f.requestSubmit()); // a second submit
  await signIn;
  expect(logins, 'sign-in requests').toBe(1);

  await expect(remoteTile(phone, 'expert')).toBeVisible({ timeout: 20_000 });
  await expect(remoteTile(phone, 'expert').getByTestId('remote-video')).toBeVisible({ timeout: 20_000 });
  await expect(phone.getByTestId('field-local-video')).toBeVisible();

  // Portrait: the slim header leaves the status row free; every control is on screen.
  const header = await phone.locator('.shell__header').boundingBox();
  const status = await phone.getByTestId('field-status').boundingBox();
  expect(header && status && header.y + header.height <= status.y + 0.5, 'the header covers the status row').toBe(true);
  expect(header?.height ?? 999).toBeLessThan(80);
  await expectControlsOnScreen(phone);
  await expectNoOverflow(phone);
  // The expert's picture spans the width of the screen.
  const tile = await remoteTile(phone, 'expert').boundingBox();
  expect(tile?.width ?? 0).toBeGreaterThan(390 * 0.9);

  // Participant labels: light text on a dark scrim, ≥ 4.5:1 even over a white picture.
  const label = await labelContrast(phone);
  expect(label.textLuminance, 'label text is light').toBeGreaterThan(0.6);
  expect(label.ratio, 'label contrast').toBeGreaterThanOrEqual(4.5);

  // Audio only by the doctor's own choice: that is what the phone says — not the poor-link message.
  await phone.getByTestId('link-override-audio').tap();
  const notice = phone.getByTestId('audio-only-notice');
  await expect(notice).toHaveAttribute('data-cause', 'chosen');
  await expect(notice).toContainText('已切换为仅音频（您选择的）');
  await expect(notice).not.toContainText('网络较差');
  // …and so does the expert's view of the field: audio only by choice, not a poor network.
  const expertNote = expert.getByTestId('field-audio-only');
  await expect(expertNote).toHaveAttribute('data-video-note', 'audioOnlyChosen', { timeout: 20_000 });
  await expect(expertNote).toContainText('仅语音');
  await expect(expertNote).not.toContainText('网络较差');
  await expect(phone.getByTestId('link-mode')).toHaveAttribute('data-mode', 'audio');
  await expect(phone.getByTestId('link-mode')).toHaveAttribute('data-cause', 'chosen');
  await expectControlsOnScreen(phone);
  await phone.getByTestId('link-override-auto').tap();
  await expect(notice).toHaveCount(0);
  await expect(expertNote).toHaveCount(0, { timeout: 20_000 });

  // The monitor deteriorates: the phone raises the same alarm as the expert's screen, with an icon and words.
  await phone.getByTestId('vitals-scenario').selectOption('tachycardia');
  const alarm = phone.getByTestId('field-vitals-alarms').locator('[data-alarm="hrHigh"]');
  await expect(alarm).toBeVisible({ timeout: 60_000 });
  await expect(alarm).toContainText('心率过快');
  await expect(alarm).toContainText('紧急');
  await expect(alarm.locator('svg')).toHaveCount(1);
  await expect(expert.getByTestId('vitals-alarms').locator('[data-alarm="hrHigh"]')).toBeVisible({ timeout: 20_000 });
  await expectControlsOnScreen(phone);
  await expectNoOverflow(phone);
  const axe = await new AxeBuilder({ page: phone }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(serious, 'serious/critical axe violations in the call').toEqual([]);

  // Landscape (844×390): still everything on one screen.
  await phone.setViewportSize({ width: 844, height: 390 });
  await expectControlsOnScreen(phone);
  await expectNoOverflow(phone);
  await expect(phone.getByTestId('field-local-video')).toBeVisible();

  // Leave is one tap away, and does leave.
  await phone.getByTestId('field-leave').tap();
  await phone.waitForURL((url) => url.pathname === '/field');
  await expect(connectionState(expert)).toHaveText('connected');
});

test('the phone gets its scripts precompressed and cached for a year; the page itself is always fresh', async ({ request }) => {
  const html = await request.get('/field', { headers: { 'accept-encoding': 'br, gzip' } });
  expect(html.headers()['cache-control']).toBe('no-cache');
  const src = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(await html.text())?.[1];
  expect(src, 'module script in index.html').toMatch(/^\/assets\/.+\.js$/);
  const raw = await request.get(src ?? '', { headers: { 'accept-encoding': 'identity' } });
  const rawSize = (await raw.body()).length;
  for (const [accept, encoding] of [['br, gzip', 'br'], ['gzip', 'gzip']] as const) {
    const res = await request.get(src ?? '', { headers: { 'accept-encoding': accept } });
    expect(res.headers()['content-encoding'], accept).toBe(encoding);
    expect(res.headers()['cache-control'], accept).toBe('public, max-age=31536000, immutable');
    expect(Number(res.headers()['content-length']), accept).toBeLessThan(rawSize / 2);
  }
});
