import { addClinicDays, CallResultSchema, clinicDate, recognitionOn, ConsultationViewSchema, NoteViewSchema, ReferralViewSchema, RequestOptionsSchema } from '@cloudclinic/shared';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createConsultation } from '../support/api';
import { loginAs } from '../support/auth';
import { ApiUser, book, institutionId, ownCardiologySession } from '../support/clinic-api';
import { kioskCheckIn, test } from '../support/clinic-pages';

/**
 * 双向转诊 with three browsers: the expert refers the patient up for a CT from the consultation, the
 * provincial coordinator books it (the CT's preparation filled in), the county doctor sees the booking
 * on the consultation and opens the printable slip; then the expert sends the patient back with a
 * follow-up plan, which the county doctor acknowledges and ticks (an overdue item flagged).
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

test('CT up-referral booked by the coordinator reaches the county doctor and the slip; the down-referral plan is acknowledged and ticked', async ({ browser, baseURL: base }) => {
  test.setTimeout(240_000);
  const baseURL = base ?? '';
  const { id } = await createConsultation(baseURL, 'dr.chen', [{ username: 'doc.wang', role: 'local_doctor' }]);
  const reason = `右肺下叶结节待查 ${Date.now()}`;

  const expert = await open(browser, baseURL, 'dr.chen', `/expert/consultations/${id}`);
  await expert.getByTestId('tab-referral').click();
  const panel = expert.getByTestId('referral-panel');
  await expect(panel.getByText('本次会诊尚无转诊')).toBeVisible();
  await panel.getByTestId('referral-department').selectOption({ label: '浙江医院 心血管内科' });
  await panel.getByTestId('referral-exam').selectOption('ct');
  await panel.getByTestId('referral-reason').fill(reason);
  await panel.getByTestId('referral-summary').fill('男，68岁，胸闷气促三天，外院CT示右肺下叶结节');
  // The chest CT of 2026-11-05 in the county PACS goes along, with its 互认 window (30 days for CT).
  await panel.locator('[data-testid="request-study"][data-modalities*="CT"]').first().check({ timeout: 30_000 });
  await panel.getByTestId('referral-submit').click();
  await expect(panel.getByTestId('referral-status')).toHaveText('待预约');
  const axe = await new AxeBuilder({ page: expert }).include('[data-testid="referral-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const coordinator = await open(browser, baseURL, 'coordinator', '/admin/referrals');
  const card = coordinator.getByTestId('inbox-referral').filter({ hasText: reason });
  await card.getByTestId('referral-book').click();
  await expect(card.getByTestId('book-preparation')).toHaveValue(/禁食/);
  // A seat of the department's first open CT slot (号源); the hand-written fields give way to it.
  const seat = card.getByTestId('book-slot').first();
  const offered = (await seat.locator('xpath=..').innerText()).split(' · ');
  await seat.check();
  await expect(card.getByTestId('book-at')).toHaveCount(0);
  await card.getByTestId('book-confirm').click();
  await expect(card).toHaveCount(0); // it leaves the 待预约 list
  await coordinator.getByTestId('referral-filter').selectOption('booked');
  await expect(coordinator.getByTestId('inbox-referral').filter({ hasText: reason }).getByTestId('referral-slot')).toHaveText(offered[0]!.trim());
  const place = offered[1]!.trim();
  expect(place).toContain('CT室');

  // The expert's screen follows without a reload.
  await expect(panel.getByTestId('referral-status')).toHaveText('已预约', { timeout: 15_000 });

  const county = await open(browser, baseURL, 'doc.wang', `/county/consultations/${id}`);
  const countyPanel = county.getByTestId('referral-panel');
  await expect(countyPanel.getByTestId('referral-status')).toHaveText('已预约');
  await expect(countyPanel.getByTestId('referral-place')).toHaveText(place);
  await expect(countyPanel.getByTestId('referral-preparation')).toContainText('禁食');
  await countyPanel.getByTestId('referral-slip-link').click();
  await expect(county.getByTestId('referral-slip-place')).toHaveText(place);
  await expect(county.getByTestId('referral-slip-what')).toHaveText('检查 · CT');
  await expect(county.getByTestId('referral-slip-preparation')).toContainText('禁食');
  const ct = county.getByTestId('referral-slip').getByTestId('referral-result');
  await expect(ct).toHaveCount(1);
  await expect(ct).toContainText('CT');
  await expect(ct).toHaveAttribute('data-recognition', recognitionOn(addClinicDays('2026-11-05', 30), clinicDate(new Date())));

  // 下转: back to the county with a plan; one item already past its due date.
  await panel.getByTestId('plan-item-text').fill('阿托伐他汀20mg 每晚一次');
  await panel.getByTestId('plan-add-item').click();
  await panel.getByTestId('plan-item-text').nth(1).fill('复查血脂、肝功能');
  await panel.getByTestId('plan-item-due').nth(1).fill(addClinicDays(clinicDate(new Date()), -1));
  await panel.getByTestId('plan-submit').click();
  await expect(panel.getByTestId('follow-up-item')).toHaveCount(2);

  await county.goto(`/county/consultations/${id}`);
  const plan = county.getByTestId('follow-up-plan');
  await expect(plan.locator('[data-testid="follow-up-item"][data-overdue="yes"]')).toHaveCount(1);
  await expect(plan.getByTestId('follow-up-tick').first()).toBeDisabled();
  await plan.getByTestId('plan-acknowledge').click();
  await expect(plan.getByTestId('plan-acknowledged')).toBeVisible();
  // The box turns ticked once the server has recorded it (disabled meanwhile).
  const tick = plan.getByRole('checkbox', { name: /复查血脂/ });
  await tick.click();
  await expect(tick).toBeChecked();
  await expect(plan.locator('[data-testid="follow-up-item"][data-done="yes"]')).toHaveCount(1);
  await expect(plan.locator('[data-testid="follow-up-item"][data-overdue="yes"]')).toHaveCount(0);
});

test('the kiosk summary of the visit shows the booked MRI: when, where, how to prepare', async ({ devices, request }) => {
  test.setTimeout(180_000);
  const admin = await ApiUser.login(request, 'admin');
  const session = await ownCardiologySession(admin);
  const sscph = await institutionId(admin, 'sscph');
  const appt = await book(admin, session.id, { hisPatientId: 'p-0003', patientName: '张海燕', institutionId: sscph });
  const kiosk = await devices.open('kiosk.shengsi', /\/kiosk/);
  await kioskCheckIn(kiosk, appt.code);
  const chen = await ApiUser.login(request, 'dr.chen');
  const called = await chen.post(`/api/appointments/${appt.id}/call`, {}, CallResultSchema);
  const consultationId = called.consultation.id;

  const options = await chen.get('/api/consultations/requests/options', RequestOptionsSchema);
  const departmentId = options.departments.find((d) => d.name === '心血管内科')?.id ?? '';
  const referral = await chen.post(`/api/consultations/${consultationId}/referrals`, { departmentId, kind: 'exam', examType: 'mri', reason: '心肌病变待查', urgency: 'routine', summary: '女，47岁，心悸一月，心电图示ST段改变' }, ReferralViewSchema);
  const coordinator = await ApiUser.login(request, 'coordinator');
  const day = addClinicDays(clinicDate(new Date()), 5);
  await coordinator.post(`/api/referrals/${referral.id}/book`, { at: `${day}T14:00:00+08:00`, place: '浙江医院放射科 MRI室' }, ReferralViewSchema);

  await chen.put(`/api/consultations/${consultationId}/note`, { baseRevision: 0, chiefComplaint: '心悸', assessment: '高血压，心肌病变待排', diagnoses: ['I10'], plan: '上转行心脏MRI' }, NoteViewSchema);
  await chen.post(`/api/consultations/${consultationId}/end`, {}, ConsultationViewSchema);
  const summary = kiosk.getByTestId('kiosk-summary');
  await expect(summary).toBeVisible({ timeout: 15_000 });
  await expect(summary.getByTestId('kiosk-summary-referral')).toContainText('检查 · MRI');
  await expect(summary.getByTestId('kiosk-summary-referral-when')).toContainText('浙江医院放射科 MRI室');
  await expect(summary.getByTestId('kiosk-summary-referral-when')).toContainText('14:00');
  await expect(summary.getByTestId('kiosk-summary-referral-preparation')).toContainText('金属');
});
