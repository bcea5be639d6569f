import fs from 'node:fs';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { CallResultSchema, ConsultationViewSchema, NoteViewSchema } from '@cloudclinic/shared';
import { DEMO_PASSWORD, loginAs } from '../support/auth';
import { ApiUser, book, institutionId, ownCardiologySession } from '../support/clinic-api';

// The kiosk an elderly patient uses alone, on its real screen: 1080×1920 portrait, touch.
test.setTimeout(150_000);

const SHOTS = '/tmp/kiosk-shots';
const SHENGSI_PIN = '135790'; // the demo PIN of 嵊泗县人民医院 (README, demo accounts)

async function kioskDevice(browser: Browser, prepare?: (c: BrowserContext) => Promise<void>): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', permissions: ['camera', 'microphone'] });
  await prepare?.(context);
  const page = await context.newPage();
  await loginAs(page, 'kiosk.shengsi');
  await expect(page).toHaveURL(/\/kiosk/);
  return { context, page };
}

const Created = {
  parse(d: unknown): { id: string } {
    if (typeof d === 'object' && d !== null && 'id' in d && typeof d.id === 'string') return { id: d.id };
    throw new Error('response without an id');
  },
};
const Anything = { parse: (d: unknown): unknown => d };

async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

test('signing the kiosk out is impossible without the staff PIN, and works with it', async ({ browser }) => {
  const { context, page } = await kioskDevice(browser);
  try {
    await expect(page.getByTestId('kiosk-checkin-code')).toBeVisible();
    await shot(page, '1-checkin');
    await expect(page.getByTestId('btn-logout')).toHaveCount(0);
    // No way out through the address bar either: the login page and other areas lead back to the kiosk.
    await page.goto('/login');
    await expect(page).toHaveURL(/\/kiosk$/);
    await expect(page.getByTestId('login-username')).toHaveCount(0);
    await page.goto('/expert');
    await expect(page).toHaveURL(/\/kiosk$/);
    await page.goto('/kiosk/anything');
    await expect(page).toHaveURL(/\/kiosk$/);

    await page.getByTestId('btn-kiosk-exit').tap();
    await page.getByTestId('kiosk-exit-pin').fill('000000');
    await page.getByTestId('kiosk-exit-confirm').tap();
    await expect(page.getByTestId('kiosk-exit-error')).toContainText('密码不对');
    await shot(page, '0-exit-pin');
    await page.getByTestId('kiosk-exit-cancel').tap();
    await expect(page.getByTestId('kiosk-exit-dialog')).toHaveCount(0);
    await page.reload();
    await expect(page).toHaveURL(/\/kiosk$/);

    await page.getByTestId('btn-kiosk-exit').tap();
    for (const digit of SHENGSI_PIN) await page.getByTestId('kiosk-exit-dialog').getByTestId(`keypad-${digit}`).tap();
    await page.getByTestId('kiosk-exit-confirm').tap();
    await expect(page).toHaveURL(/\/login/);
    await expect(page.getByTestId('login-username')).toBeVisible();
  } finally {
    await context.close();
  }
});

test('an abandoned consent step resets after a visible countdown, and the previous patient is gone', async ({ browser, request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const session = await ownCardiologySession(admin);
  const appt = await book(admin, session.id, { hisPatientId: 'p-0001', patientName: '王建国', institutionId: await institutionId(admin, 'sscph') });
  const { context, page } = await kioskDevice(browser, (c) => c.clock.install());
  try {
    for (const c of appt.code) await page.getByTestId(`keypad-${c}`).tap();
    await page.getByTestId('kiosk-checkin-submit').tap();
    await expect(page.getByTestId('consent-accept')).toBeVisible();
    await expect(page.locator('#kiosk-consent-title')).toContainText('王*国');
    await page.getByTestId('consent-guardian').tap();
    await page.getByTestId('consent-guardian-name').fill('张卫东');
    await shot(page, '2-consent');

    // The patient walks away: after a minute the kiosk asks, with a countdown and 继续.
    await page.clock.fastForward(61_000);
    await expect(page.getByTestId('kiosk-idle')).toBeVisible();
    await expect(page.getByTestId('kiosk-idle')).toContainText('还在吗？');
    await expect(page.getByTestId('kiosk-idle-countdown')).toContainText(/\d+ 秒后返回首页/);
    await shot(page, '2b-idle');
    await page.getByTestId('kiosk-idle-continue').tap();
    await expect(page.getByTestId('kiosk-idle')).toHaveCount(0);
    await expect(page.getByTestId('consent-guardian-name')).toHaveValue('张卫东');

    await page.clock.fastForward(61_000);
    await expect(page.getByTestId('kiosk-idle')).toBeVisible();
    await page.clock.fastForward(21_000);
    await expect(page.getByTestId('kiosk-checkin-code')).toBeVisible();
    await expect(page.getByTestId('kiosk-checkin-code')).toHaveValue('');
    await expect(page.getByTestId('kiosk-idle')).toHaveCount(0);
    await expect(page.locator('body')).not.toContainText('王*国');
    await expect(page.locator('body')).not.toContainText('张卫东');
    expect(await page.evaluate(() => JSON.stringify(window.sessionStorage))).not.toContain(appt.id);
  } finally {
    await context.close();
  }
});

test('the patient calls staff from any screen; 返回 leaves consent without a trace', async ({ browser, request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const session = await ownCardiologySession(admin);
  const appt = await book(admin, session.id, { hisPatientId: 'p-0002', patientName: '李秀英', institutionId: await institutionId(admin, 'sscph') });
  const staffContext = await browser.newContext();
  const staff = await staffContext.newPage();
  await loginAs(staff, 'doc.wang');
  await expect(staff).toHaveURL(/\/county/);
  const { context, page } = await kioskDevice(browser);
  try {
    await page.getByTestId('kiosk-call-staff').tap();
    await expect(page.getByTestId('kiosk-help-status')).toHaveAttribute('data-state', 'sent');
    // The county doctor of the same hospital sees it at once.
    await expect(staff.getByTestId('staff-call')).toContainText('嵊泗县人民医院 云诊室1');
    await page.getByTestId('kiosk-checkin-code').fill(appt.code);
    await page.getByTestId('kiosk-checkin-submit').tap();
    await expect(page.getByTestId('consent-accept')).toBeVisible();
    await page.getByTestId('kiosk-back').tap();
    await expect(page.getByTestId('kiosk-checkin-code')).toHaveValue('');
    await expect(page.locator('body')).not.toContainText('李*英');
    // Resident ID: digits while typing, then masked only in the middle (never password dots).
    await page.getByTestId('kiosk-mode-resident_id').tap();
    await expect(page.getByTestId('kiosk-checkin-resident-id')).toHaveAttribute('type', 'text');
    await page.getByTestId('keypad-3').tap();
    await page.getByTestId('keypad-3').tap();
    await expect(page.getByTestId('kiosk-checkin-resident-id')).toHaveValue('33');
  } finally {
    await context.close();
    await staffContext.close();
  }
});

test('the summary prints on one page with plain-word instructions and the verification code', async ({ browser, request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const session = await ownCardiologySession(admin);
  const appt = await book(admin, session.id, { hisPatientId: 'p-0002', patientName: '李秀英', institutionId: await institutionId(admin, 'sscph') });
  const { context, page } = await kioskDevice(browser);
  try {
    await page.getByTestId('kiosk-checkin-code').fill(appt.code);
    await page.getByTestId('kiosk-checkin-submit').tap();
    await page.getByTestId('consent-accept').tap();
    await expect(page.getByTestId('check-camera')).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
    await shot(page, '3-device-check');
    await page.getByTestId('device-check-continue').tap();
    await expect(page.getByTestId('queue-position')).toBeVisible();
    await expect(page.getByTestId('kiosk-wait-estimate')).not.toContainText(/\b0 分钟/);
    await shot(page, '4-waiting');

    const chen = await ApiUser.login(request, 'dr.chen');
    const called = await chen.post(`/api/appointments/${appt.id}/call`, {}, CallResultSchema);
    const consultationId = called.consultation.id;
    await expect(page.getByTestId('btn-leave')).toBeVisible({ timeout: 20_000 });
    // The patient's controls: big mute and leave, nothing a clinician uses; the self-view says 您.
    await expect(page.getByTestId('btn-mic')).toBeVisible();
    for (const id of ['btn-share', 'btn-camera2', 'btn-devices']) await expect(page.getByTestId(id)).toHaveCount(0);
    await expect(page.getByTestId('local-tile')).toHaveAttribute('aria-label', '您');
    await shot(page, '5-in-room');

    const rx = await chen.post(`/api/consultations/${consultationId}/prescriptions`, { diagnosis: '冠心病', diagnoses: ['I25.1'], items: [{ medicationId: 'amlodipine-5mg-tab', dose: { value: 5, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 14, instructions: '' }] }, Created);
    await chen.post(`/api/prescriptions/${rx.id}/sign`, { password: DEMO_PASSWORD }, Anything);
    await chen.post(`/api/prescriptions/${rx.id}/submit`, {}, Anything);
    await chen.put(`/api/consultations/${consultationId}/note`, { baseRevision: 0, chiefComplaint: '胸闷复诊', assessment: '冠心病，病情稳定', diagnoses: ['I25.1'], plan: '按时服药，两周后复诊' }, NoteViewSchema);
    await chen.post(`/api/consultations/${consultationId}/end`, {}, ConsultationViewSchema);

    const summary = page.getByTestId('kiosk-summary');
    await expect(summary).toBeVisible({ timeout: 20_000 });
    await expect(summary.getByTestId('kiosk-summary-drug')).toContainText('口服，每日一次，每次 5 mg，共 14 天');
    await shot(page, '6-summary');

    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByTestId('kiosk-summary-print').tap();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    // After printing, the countdown to the next patient starts.
    await expect(page.getByTestId('kiosk-summary-countdown')).toContainText('请取走打印单');

    await page.emulateMedia({ media: 'print' });
    const sheet = page.getByTestId('kiosk-print');
    await expect(sheet).toBeVisible();
    await expect(summary).toBeHidden();
    await expect(sheet.getByTestId('kiosk-print-drug')).toContainText('口服，每日一次');
    await expect(sheet.getByTestId('kiosk-print-assessment')).toContainText('冠心病，病情稳定');
    await expect(sheet.getByTestId('kiosk-print-code')).toContainText(/核对码：[A-Z2-7]{8}/);
    await expect(sheet.locator('img')).toBeVisible();
    // One A4 page: 297 mm minus 2 × 15 mm margins at 96 dpi ≈ 1009 px.
    const box = await sheet.boundingBox();
    expect(box?.height ?? Infinity).toBeLessThan(1009);
    await shot(page, '7-print');
    await page.emulateMedia({ media: 'screen' });
  } finally {
    await context.close();
  }
});

test('camera and microphone denied: 继续 stays disabled and the hint sends the patient to staff, not to an address bar', async ({ playwright, request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const session = await ownCardiologySession(admin);
  const appt = await book(admin, session.id, { hisPatientId: 'p-0001', patientName: '王建国', institutionId: await institutionId(admin, 'sscph') });
  // A browser that refuses every permission prompt (no fake accept-all UI).
  const denying = await playwright.chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream=deny', '--deny-permission-prompts'],
  });
  try {
    const context = await denying.newContext({ viewport: { width: 1080, height: 1920 }, hasTouch: true, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    await loginAs(page, 'kiosk.shengsi');
    await expect(page).toHaveURL(/\/kiosk/);
    await page.getByTestId('kiosk-checkin-code').fill(appt.code);
    await page.getByTestId('kiosk-checkin-submit').tap();
    await page.getByTestId('consent-accept').tap();
    await expect(page.getByTestId('check-camera')).toHaveAttribute('data-status', 'failed', { timeout: 20_000 });
    await expect(page.getByTestId('device-check-continue')).toBeDisabled();
    await expect(page.getByTestId('check-camera')).toContainText('请工作人员');
    await expect(page.getByTestId('device-check-blocked')).toContainText('呼叫工作人员');
    await expect(page.locator('body')).not.toContainText('地址栏');
    await shot(page, '3b-device-denied');
  } finally {
    await denying.close();
  }
});
