import { expect, type Page } from '@playwright/test';
import { CallResultSchema } from '@cloudclinic/shared';
import { ApiUser, book, institutionId, ownCardiologySession } from '../support/clinic-api';
import { kioskCheckIn } from '../support/clinic-pages';
import { SIZES, test } from '../support/screens';

/**
 * Each role's main screen at the size it is used at (expert and desk staff 1440×900, kiosk 1080×1920
 * portrait touch, field phone 390×844), in Chinese and in English: nothing overflows sideways and the
 * controls the task needs are on screen without scrolling.
 */
test.setTimeout(180_000);

const LANGUAGES = ['zh-CN', 'en'] as const;

/** The page is no wider than the window, and each control lies wholly inside the window. */
async function expectFits(page: Page, what: string, controls: readonly string[]): Promise<void> {
  await page.screenshot({ path: test.info().outputPath('screen.png') }); // kept with the run's results, to look at
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${what}: page width ${scrollWidth} px in a ${innerWidth} px window`).toBeLessThanOrEqual(innerWidth);
  const viewport = page.viewportSize() ?? { width: 0, height: 0 };
  for (const id of controls) {
    const control = page.getByTestId(id).first();
    await expect(control, `${what}: ${id}`).toBeVisible();
    const box = await control.boundingBox();
    expect(box, `${what}: ${id} has a box`).not.toBeNull();
    if (!box) continue;
    const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width + 0.5 && box.y + box.height <= viewport.height + 0.5;
    expect(inside, `${what}: ${id} at (${box.x}, ${box.y}) ${box.width}×${box.height} inside ${viewport.width}×${viewport.height}`).toBe(true);
  }
}

const HOMES = [
  // `ready`: loaded data, not a spinner; `controls`: what the day's first task needs, on screen.
  // dr.lin: an expert whose day other specs leave alone (they add many sessions of 陈建华).
  { screen: 'expert home', username: 'dr.lin', path: '/expert', size: 'desk', ready: 'queue-table', controls: ['btn-call-next'] },
  { screen: 'county doctor home', username: 'doc.wang', path: '/county', size: 'desk', ready: 'county-session', controls: [] },
  { screen: 'pharmacist', username: 'pharm.zhou', path: '/pharmacy', size: 'desk', ready: 'rx-review-queue', controls: [] },
  { screen: 'coordinator sessions', username: 'admin', path: '/admin', size: 'desk', ready: 'admin-session', controls: ['admin-session-toggle'] },
  { screen: 'admin audit', username: 'admin', path: '/admin/audit', size: 'desk', ready: 'audit-table', controls: [] },
  { screen: 'admin users', username: 'admin', path: '/admin/users', size: 'desk', ready: 'user-table', controls: [] },
  { screen: 'admin institutions', username: 'admin', path: '/admin/institutions', size: 'desk', ready: 'institution-table', controls: [] },
  { screen: 'admin invitations', username: 'admin', path: '/admin/invitations', size: 'desk', ready: 'admin-invitations', controls: [] },
  { screen: 'admin HIS write-backs', username: 'admin', path: '/admin/outbox', size: 'desk', ready: 'outbox-count', controls: ['outbox-state-failed'] },
  { screen: 'consultation request inbox', username: 'coordinator', path: '/admin/requests', size: 'desk', ready: 'request-inbox', controls: ['inbox-filter-status', 'inbox-filter-urgency'] },
  { screen: 'kiosk check-in', username: 'kiosk.shengsi', path: '/kiosk', size: 'kiosk', ready: 'kiosk-home', controls: ['kiosk-checkin-code', 'kiosk-checkin-submit', 'kiosk-call-staff'] },
  { screen: 'field doctor', username: 'field.xu', path: '/field', size: 'phone', ready: 'field-home', controls: [] },
] as const;

for (const language of LANGUAGES) {
  for (const home of HOMES) {
    test(`${home.screen} fits ${SIZES[home.size].viewport.width}×${SIZES[home.size].viewport.height} (${language})`, async ({ screens }) => {
      const page = await screens.signedIn(home.username, language, home.size);
      await page.goto(home.path);
      await expect(page.getByTestId(home.ready).first()).toBeVisible({ timeout: 20_000 });
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expectFits(page, `${home.screen} ${language}`, home.controls);
    });
  }

  test(`the kiosk's call fits 1080×1920 with mute and leave on screen (${language})`, async ({ screens, request }) => {
    const admin = await ApiUser.login(request, 'admin');
    const session = await ownCardiologySession(admin);
    const appt = await book(admin, session.id, { hisPatientId: 'p-0003', patientName: '张海燕', institutionId: await institutionId(admin, 'sscph') });
    const kiosk = await screens.signedIn('kiosk.shengsi', language, 'kiosk');
    await kioskCheckIn(kiosk, appt.code);
    // English screens name the department and the kiosk's hospital in English.
    const names = language === 'en' ? ['Cardiology', "Shengsi County People's Hospital"] : ['心血管内科', '嵊泗县人民医院'];
    await expect(kiosk.locator('.kiosk-waiting__expert')).toContainText(names[0] ?? '');
    await expect(kiosk.locator('.user-badge__institution')).toHaveText(names[1] ?? '');
    await (await ApiUser.login(request, 'dr.chen')).post(`/api/appointments/${appt.id}/call`, {}, CallResultSchema);
    await expect(kiosk.locator('.kiosk-flow')).toHaveAttribute('data-step', 'in-room', { timeout: 30_000 });
    await expect(kiosk.getByTestId('btn-leave')).toBeVisible({ timeout: 20_000 });
    await expectFits(kiosk, `kiosk call ${language}`, ['btn-mic', 'btn-leave', 'kiosk-call-staff']);
  });
}
