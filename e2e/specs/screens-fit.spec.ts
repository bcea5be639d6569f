import { expect, type Page } from '@playwright/test';
import { CallResultSchema, ConsultationViewSchema, PrescriptionViewSchema, SignedDocumentSchema } from '@cloudclinic/shared';
import { DEMO_PASSWORD } from '../support/auth';
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

  test(`an expert with a long day of sessions still has "call next" on screen at 1440×900 without scrolling (${language})`, async ({ screens, request }) => {
    const admin = await ApiUser.login(request, 'admin');
    for (let i = 0; i < 24; i += 1) await ownCardiologySession(admin);
    const page = await screens.signedIn('dr.chen', language, 'desk');
    await page.goto('/expert');
    await expect(page.getByTestId('queue-table').first()).toBeVisible({ timeout: 20_000 });
    expect(await page.getByTestId('session-card').count()).toBeGreaterThanOrEqual(24);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await expectFits(page, `expert home, long day ${language}`, ['btn-call-next']);
    // The list scrolls in its own box; the session chosen further down keeps its card and "call next" in view.
    const last = page.getByTestId('session-card').last();
    await last.click();
    await expect(last).toHaveAttribute('aria-pressed', 'true');
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectFits(page, `expert home, last session chosen ${language}`, ['btn-call-next']);
  });

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

/** Chinese characters (the UI's, not the data's: callers strip names that only exist in Chinese). */
const HAN = /\p{Script=Han}/u;

test('the public prescription and opinion verification pages switch to English, on a phone, nothing left in Chinese but the data', async ({ browser, baseURL, request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const chen = await ApiUser.login(request, 'dr.chen');
  const body = { kind: 'remote_consultation', hisPatientId: 'p-0010', institutionId: await institutionId(admin, 'sscph'), invite: [], breakGlassReason: 'End-to-end test: opened without a request on purpose' };
  const c = await chen.post('/api/consultations', body, ConsultationViewSchema);
  const rx = await chen.post(
    `/api/consultations/${c.id}/prescriptions`,
    { diagnoses: ['J30.4'], items: [{ medicationId: 'loratadine-10mg-tab', dose: { value: 10, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 7, instructions: '' }] },
    PrescriptionViewSchema,
  );
  await chen.post(`/api/prescriptions/${rx.id}/sign`, { password: DEMO_PASSWORD }, PrescriptionViewSchema);
  const doc = await chen.get(`/api/prescriptions/${rx.id}/document`, SignedDocumentSchema);

  // Whoever scans the QR: a phone that has never signed in, in Chinese first.
  const context = await browser.newContext({ baseURL: baseURL ?? '', locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...SIZES.phone });
  try {
    const page = await context.newPage();
    await page.goto(`/verify/${rx.id}`);
    await expect(page.getByTestId('verify-result')).toHaveAttribute('data-authentic', 'true');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('处方真伪查验');
    await page.getByTestId('lang-en').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Prescription verification');
    await page.getByTestId('verify-code').fill(doc.verificationCode);
    await page.getByTestId('verify-submit').click();
    const item = page.getByTestId('verify-items').locator('li').first();
    await expect(item).toContainText('once daily');
    // The drug's name is the formulary's (Chinese only); its unit, frequency and route are in English.
    const drug = rx.items[0]?.name ?? '';
    expect((await item.innerText()).replace(drug, ''), 'prescription item in English').not.toMatch(HAN);
    const facts = await page.locator('.rx-verify__facts dt, .rx-verify__verdict, .rx-verify__code, h1').allInnerTexts();
    expect(facts.join(' | '), 'labels in English').not.toMatch(HAN);
    await expectFits(page, 'prescription verification (en)', ['verify-items']);

    // The opinion verification page, in the language chosen above (kept for the next page).
    await page.goto('/verify/opinion/00000000-0000-4000-8000-000000000000');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Joint opinion: signature verification');
    await expect(page.getByRole('alert')).toBeVisible();
    expect(await page.getByTestId('opinion-verify-page').innerText(), 'opinion verification in English').not.toMatch(HAN);
    await page.getByTestId('lang-zh-CN').click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('会诊意见签名验证');
  } finally {
    await context.close();
  }
});

test("the field doctor's start form reads in English, and a bad patient id is explained in English, not by the browser", async ({ screens }) => {
  const page = await screens.signedIn('field.xu', 'en', 'phone');
  await page.goto('/field');
  const form = page.getByTestId('field-start');
  await expect(form.getByRole('heading', { level: 2 })).toHaveText('Admitted on board: call the receiving expert');
  const patient = page.getByTestId('field-start-patient');
  await expect(patient).toHaveAttribute('placeholder', 'e.g. p-0001');
  await patient.fill('p 0001!');
  await page.getByTestId('field-start-submit').click();
  await expect(page.getByTestId('field-start-error')).toHaveText('The patient HIS id may contain only letters, digits, dots and hyphens (up to 64).');
  await expect(patient).toHaveAttribute('aria-invalid', 'true');
  // Everything but the directory's names (hospitals and experts, Chinese only) is English.
  const words = await form.locator('h2, .field-card__intro, label, [role="alert"], button').evaluateAll((nodes) =>
    nodes.map((n) => Array.from(n.childNodes).filter((c) => c.nodeType === Node.TEXT_NODE || (c instanceof HTMLElement && c.tagName !== 'SELECT')).map((c) => c.textContent ?? '').join('')),
  );
  expect(words.join(' | '), 'field start form in English').not.toMatch(HAN);
});

