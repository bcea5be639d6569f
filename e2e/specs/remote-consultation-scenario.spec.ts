import { addClinicDays, CallResultSchema, clinicDate, ConsultationViewSchema, NoteViewSchema } from '@cloudclinic/shared';
import { expect, type Page } from '@playwright/test';
import { apiLogin } from '../support/api';
import { loginAs } from '../support/auth';
import { ApiUser, book, institutionId, ownCardiologySession } from '../support/clinic-api';
import { kioskCheckIn, test } from '../support/clinic-pages';
import { expectFitsDesk } from '../support/desk';
import { presentSeries, scrollSlices, sliceIndex } from '../support/imaging';
import { expectHisHoldsOpinionOnce, expectOpinionVerified, ownOpinion, signOpinion, submitJointOpinion } from '../support/opinion';
import { bookReferralSeat, fileUpReferral, sendFollowUpPlan } from '../support/referral';
import { expectUrgentInInbox, expertOpensWithCt, fileUrgentRequestWithCt, openRequestInbox, scheduleWith } from '../support/requests';
import { connectionState, expectAudioFlowing, playingVideoCount } from '../support/room';
import { snapshot } from '../support/screenshots';
import { recordPeerConnections } from '../support/webrtc';

/**
 * The remote consultation from request to follow-up, one browser per person: the county doctor
 * (doc.wang) files an urgent request with the patient's chest CT; the provincial coordinator
 * schedules it with two experts, 陈建华 (chair) and 何志强; the three meet in the room and read the CT
 * together; each expert gives an opinion, the chair compiles the joint one, both sign, /verify checks
 * both signatures, the county doctor acknowledges and the county HIS holds it once; a CT up-referral
 * is booked by the coordinator and shows on the patient's kiosk summary; a follow-up plan goes back
 * down and the county doctor acknowledges it. Each role's screen is attached at the key moments.
 */

const PATIENT = { hisPatientId: 'p-0001', name: '王建国' }; // the demo PACS holds his chest CT (pacs-seed)
const KIOSK_SIZE = { width: 1080, height: 1920 };

test('remote consultation: urgent request with CT → scheduled MDT → shared CT in the room → signed joint opinion → CT up-referral on the kiosk → follow-up plan acknowledged', async ({ desks, devices, request, baseURL: base }, testInfo) => {
  test.setTimeout(480_000); // four browsers, a room of three, the CT viewer, then the kiosk
  const baseURL = base ?? '';
  const shot = (page: Page, name: string) => snapshot(page, testInfo, name);
  const [chenId, heId] = [(await apiLogin(baseURL, 'dr.chen')).user.id, (await apiLogin(baseURL, 'dr.he')).user.id];
  const token = `MDT-${Date.now().toString(36)}`;

  // 1–2. The coordinator's inbox is open first; the county doctor files the urgent request with the CT.
  const coordinator = await desks.open('coordinator', '/admin');
  await openRequestInbox(coordinator);
  const county = await desks.open('doc.wang', '/county', recordPeerConnections);
  const filed = await fileUrgentRequestWithCt(county, {
    hisPatientId: PATIENT.hisPatientId,
    token,
    summary: '男，68岁，咳嗽伴痰中带血两周，胸部CT示左肺上叶结节 2.1cm',
    question: '结节性质？手术还是先化疗？',
    expertId: chenId,
  });
  await shot(county, '01-county-request-filed');
  const inboxCard = await expectUrgentInInbox(coordinator, filed);
  await shot(coordinator, '02-coordinator-inbox-urgent');
  await scheduleWith(inboxCard, [chenId, heId]); // 陈建华 first: he chairs
  await shot(coordinator, '03-coordinator-scheduled');
  await expect(filed.card).toHaveAttribute('data-status', 'scheduled', { timeout: 15_000 });

  // 3. Both experts open it from their inbox (the CT first, marked attached); the county doctor from the request.
  const chen = await desks.open('dr.chen', '/expert', recordPeerConnections);
  await expertOpensWithCt(chen, filed.requestId, filed.ctUid);
  const he = await desks.open('dr.he', '/expert', recordPeerConnections);
  await expertOpensWithCt(he, filed.requestId, filed.ctUid);
  await filed.card.getByTestId('request-open-consultation').click();
  await county.waitForURL(/\/county\/consultations\//);
  const consultationId = new URL(county.url()).pathname.split('/').pop() ?? '';
  expect(chen.url()).toContain(consultationId);

  // They meet: each sees and hears the other two.
  for (const page of [chen, he, county]) await expect(connectionState(page)).toHaveText('connected', { timeout: 30_000 });
  await expect.poll(() => playingVideoCount(county, 'expert'), { timeout: 60_000, message: 'the county doctor sees both experts' }).toBe(2);
  for (const expert of [chen, he]) {
    await expect.poll(() => playingVideoCount(expert, 'expert'), { timeout: 60_000, message: 'each expert sees the other' }).toBe(1);
    await expect.poll(() => playingVideoCount(expert, 'local_doctor'), { timeout: 60_000, message: 'each expert sees the county doctor' }).toBe(1);
  }
  await expectAudioFlowing(county, 'expert');
  await expectAudioFlowing(chen, 'local_doctor');
  await expectFitsDesk(chen);
  await shot(county, '04-county-room');

  // The chair presents the CT; 何志强 (imaging tab) and the county doctor (reading page beside the call) follow.
  await presentSeries(chen, '胸部平扫', 40);
  await scrollSlices(chen, 12);
  await chen.getByTestId('imaging-preset-lung').click();
  await expect(chen.getByTestId('imaging-voi')).toHaveText('窗宽 1500 / 窗位 -600');
  // 何志强 opens the consultation again (a fresh page) and lands where the presenter is.
  await he.reload();
  await he.getByTestId('tab-imaging').click();
  await expect(he.getByTestId('imaging-presenter-status')).toContainText('陈建华 正在主讲', { timeout: 20_000 });
  await expect(sliceIndex(he)).toHaveText('13');
  await expect(he.getByTestId('imaging-voi')).toHaveText('窗宽 1500 / 窗位 -600');
  const countyImaging = await county.context().newPage(); // a second tab signs in on its own (the session is per tab)
  await loginAs(countyImaging, 'doc.wang');
  await countyImaging.waitForURL((url) => !url.pathname.startsWith('/login'));
  await countyImaging.goto(`/imaging/${consultationId}`);
  // A fresh tab loads the viewer's code and the series first: give it the time a cold start takes here.
  await expect(countyImaging.getByTestId('imaging-presenter-status')).toContainText('陈建华 正在主讲', { timeout: 30_000 });
  await expect(sliceIndex(countyImaging)).toHaveText('13', { timeout: 30_000 });
  await expect(countyImaging.getByTestId('imaging-patient-name')).toHaveText(PATIENT.name);
  await scrollSlices(chen, 5);
  for (const page of [chen, he, countyImaging]) await expect(sliceIndex(page)).toHaveText('18');
  await shot(chen, '05-chair-presents-ct');
  await shot(he, '06-second-expert-follows-ct');
  await shot(countyImaging, '07-county-follows-ct');
  await countyImaging.close();
  await expect(connectionState(county)).toHaveText('connected'); // the call went on meanwhile

  // 4. Own opinions, the joint opinion compiled by the chair, signed by both.
  await ownOpinion(chen, '左肺上叶结节，边缘毛刺，倾向原发性肺癌，建议手术切除');
  await ownOpinion(he, '同意考虑肺癌，建议术前完善分期检查');
  await expect(chen.getByTestId('expert-opinion')).toHaveCount(2);
  const { opinion, opinionId } = await submitJointOpinion(chen, {
    findings: '左肺上叶结节 2.1cm，边缘毛刺，考虑周围型肺癌',
    icd10: 'C34.9',
    treatment: '完善增强CT分期后行胸腔镜下左肺上叶切除',
  });
  await he.getByTestId('tab-opinion').click();
  await expect(he.getByTestId('joint-opinion').first()).toHaveAttribute('data-status', 'signing', { timeout: 15_000 });
  await signOpinion(he);
  await expect(chen.locator('[data-testid="opinion-signer"][data-signed="true"]')).toHaveCount(1, { timeout: 15_000 });
  await signOpinion(chen);
  await expect(opinion).toHaveAttribute('data-status', 'final');
  await shot(he, '08-second-expert-signed');
  const verify = await expectOpinionVerified(chen, opinionId, 2);
  await shot(verify, '09-verify-two-signatures');
  await verify.close();
  await expect(county.getByTestId('joint-opinion').first()).toHaveAttribute('data-status', 'final', { timeout: 15_000 });
  await county.getByTestId('opinion-acknowledge').click();
  await expect(county.getByTestId('opinion-acknowledged')).toBeVisible();
  await expect(chen.getByTestId('opinion-acknowledged')).toBeVisible({ timeout: 15_000 });
  await shot(county, '10-county-acknowledged-opinion');
  await expectHisHoldsOpinionOnce(chen, baseURL, `${consultationId}/v1`);

  // 5. 上转 for an enhanced CT, booked by the coordinator; the county doctor's screen follows.
  const reason = `${token} 左肺上叶结节术前分期`;
  const referrals = await fileUpReferral(chen, { department: '浙江医院 心血管内科', exam: 'ct', reason, summary: '男，68岁，左肺上叶结节 2.1cm，MDT意见：分期后手术', attachCt: true });
  await coordinator.goto('/admin/referrals');
  // A seat of the department's first open CT slot (号源).
  const booked = await bookReferralSeat(coordinator, reason, /禁食/);
  const slot = { place: booked.place, time: booked.when.split(' ')[1] ?? '' };
  await shot(coordinator, '11-coordinator-booked-ct');
  await expect(referrals.getByTestId('referral-status')).toHaveText('已预约', { timeout: 15_000 });
  const countyReferral = county.getByTestId('referral-panel');
  await expect(countyReferral.getByTestId('referral-status')).toHaveText('已预约', { timeout: 15_000 });
  await expect(countyReferral.getByTestId('referral-place')).toHaveText(slot.place);

  // At the patient's next visit at the county hospital's kiosk, the summary shows the booked CT.
  const admin = await ApiUser.login(request, 'admin');
  const session = await ownCardiologySession(admin);
  const appt = await book(admin, session.id, { hisPatientId: PATIENT.hisPatientId, patientName: PATIENT.name, institutionId: await institutionId(admin, 'sscph') });
  const kiosk = await devices.open('kiosk.shengsi', /\/kiosk/);
  await kiosk.setViewportSize(KIOSK_SIZE);
  await kioskCheckIn(kiosk, appt.code);
  const chenApi = await ApiUser.login(request, 'dr.chen');
  const visit = (await chenApi.post(`/api/appointments/${appt.id}/call`, {}, CallResultSchema)).consultation.id;
  await chenApi.put(`/api/consultations/${visit}/note`, { baseRevision: 0, chiefComplaint: '复诊：左肺上叶结节', assessment: '左肺上叶结节，考虑肺癌', diagnoses: ['C34.9'], plan: '按预约上转行增强CT' }, NoteViewSchema);
  await chenApi.post(`/api/consultations/${visit}/end`, {}, ConsultationViewSchema);
  const summary = kiosk.getByTestId('kiosk-summary');
  await expect(summary).toBeVisible({ timeout: 15_000 });
  await expect(summary.getByTestId('kiosk-summary-referral')).toContainText('检查 · CT');
  await expect(summary.getByTestId('kiosk-summary-referral-when')).toContainText(slot.place);
  await expect(summary.getByTestId('kiosk-summary-referral-when')).toContainText(slot.time);
  await expect(summary.getByTestId('kiosk-summary-referral-preparation')).toContainText('禁食');
  await shot(kiosk, '12-kiosk-summary-booked-ct');

  // 6. 下转: the follow-up plan reaches the county doctor, who acknowledges it.
  await sendFollowUpPlan(referrals, [
    { text: '术后三个月复查胸部CT', due: addClinicDays(clinicDate(new Date()), 90) },
    { text: '每周随访咳嗽、咯血情况', due: addClinicDays(clinicDate(new Date()), 7) },
  ]);
  const plan = county.getByTestId('follow-up-plan');
  await expect(plan.getByTestId('follow-up-item')).toHaveCount(2, { timeout: 15_000 });
  await plan.getByTestId('plan-acknowledge').click();
  await expect(plan.getByTestId('plan-acknowledged')).toBeVisible();
  await expect(referrals.getByTestId('plan-acknowledged')).toBeVisible({ timeout: 15_000 });
  await expectFitsDesk(county);
  await shot(county, '13-county-plan-acknowledged');
  await shot(chen, '14-chair-referral-and-plan');
});
