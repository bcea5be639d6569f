import { addClinicDays, CallResultSchema, clinicDate, ConsultationViewSchema, NoteViewSchema, recognitionOn, ReferralViewSchema, RequestOptionsSchema } from '@cloudclinic/shared';
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import { createConsultation } from '../support/api';
import { ApiUser, book, institutionId, ownCardiologySession } from '../support/clinic-api';
import { kioskCheckIn, test } from '../support/clinic-pages';
import { bookReferralSeat, fileUpReferral, sendFollowUpPlan } from '../support/referral';

/**
 * 双向转诊 with three browsers: the expert refers the patient up for a CT from the consultation, the
 * provincial coordinator books it (the CT's preparation filled in), the county doctor sees the booking
 * on the consultation and opens the printable slip; then the expert sends the patient back with a
 * follow-up plan, which the county doctor acknowledges and ticks (an overdue item flagged).
 */

test('CT up-referral booked by the coordinator reaches the county doctor and the slip; the down-referral plan is acknowledged and ticked', async ({ desks, baseURL: base }) => {
  test.setTimeout(240_000);
  const baseURL = base ?? '';
  const { id } = await createConsultation(baseURL, 'dr.chen', [{ username: 'doc.wang', role: 'local_doctor' }]);
  const reason = `右肺下叶结节待查 ${Date.now()}`;

  const expert = await desks.open('dr.chen', `/expert/consultations/${id}`);
  await expert.getByTestId('tab-referral').click();
  await expect(expert.getByTestId('referral-panel').getByText('本次会诊尚无转诊')).toBeVisible();
  // The chest CT of 2026-11-05 in the county PACS goes along, with its 互认 window (30 days for CT).
  const panel = await fileUpReferral(expert, { department: '浙江医院 心血管内科', exam: 'ct', reason, summary: '男，68岁，胸闷气促三天，外院CT示右肺下叶结节', attachCt: true });
  const axe = await new AxeBuilder({ page: expert }).include('[data-testid="referral-panel"]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const coordinator = await desks.open('coordinator', '/admin/referrals');
  const { place } = await bookReferralSeat(coordinator, reason, /禁食/);
  expect(place).toContain('CT室');

  // The expert's screen follows without a reload.
  await expect(panel.getByTestId('referral-status')).toHaveText('已预约', { timeout: 15_000 });

  const county = await desks.open('doc.wang', `/county/consultations/${id}`);
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
  await sendFollowUpPlan(panel, [{ text: '阿托伐他汀20mg 每晚一次' }, { text: '复查血脂、肝功能', due: addClinicDays(clinicDate(new Date()), -1) }]);

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
