import { expect, type APIRequestContext } from '@playwright/test';
import { ApiErrorSchema, CallResultSchema, LoginResponseSchema } from '@cloudclinic/shared';
import { DEMO_PASSWORD } from '../support/auth';
import { ApiUser, book, institutionId, ownCardiologySession } from '../support/clinic-api';
import { kioskCheckIn, queueRow, test } from '../support/clinic-pages';

// Two or three devices at once on a 2-core machine; no media is started.
test.setTimeout(120_000);

test('a declined consent never reaches the expert’s queue as callable; staff re-open it', async ({ devices, request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const session = await ownCardiologySession(admin);
  const sscph = await institutionId(admin, 'sscph');
  const declining = await book(admin, session.id, { hisPatientId: 'p-0001', patientName: '王建国', institutionId: sscph });
  const agreeing = await book(admin, session.id, { hisPatientId: 'p-0002', patientName: '李秀英', institutionId: sscph });

  const expert = await devices.open('dr.chen', /\/expert/);
  await expert.goto(`/expert?session=${encodeURIComponent(session.id)}`);
  const kiosk = await devices.open('kiosk.shengsi', /\/kiosk/);

  // The first patient taps 不同意: the kiosk says check-in is cancelled, the expert sees it live.
  await kiosk.getByTestId('kiosk-checkin-code').fill(declining.code);
  await kiosk.getByTestId('kiosk-checkin-submit').click();
  await kiosk.getByTestId('consent-decline').click();
  await expect(kiosk.getByTestId('kiosk-notice')).toHaveAttribute('data-notice', 'consent_declined');
  const declinedRow = queueRow(expert, declining.id);
  await expect(declinedRow).toHaveAttribute('data-status', 'consent_declined');
  await expect(declinedRow.getByTestId('consent-badge')).toHaveAttribute('data-consent', 'declined');
  await expect(declinedRow.getByTestId('btn-call')).toHaveCount(0);

  // Checking in again at the kiosk does not bring them back.
  await kiosk.getByTestId('kiosk-checkin-code').fill(declining.code);
  await kiosk.getByTestId('kiosk-checkin-submit').click();
  await expect(kiosk.locator('.kiosk-flow')).toHaveAttribute('data-step', 'checkin');
  await expect(declinedRow).toHaveAttribute('data-status', 'consent_declined');

  // The second patient agrees; call-next takes them, never the declined one.
  await kioskCheckIn(kiosk, agreeing.code);
  const agreedRow = queueRow(expert, agreeing.id);
  await expect(agreedRow.getByTestId('consent-badge')).toHaveAttribute('data-consent', 'granted');
  await expect(agreedRow.getByTestId('btn-call')).toBeVisible();
  const chen = await ApiUser.login(request, 'dr.chen');
  const refused = await request.post(`/api/appointments/${declining.id}/call`, { headers: { authorization: `Bearer ${await token(request, 'dr.chen')}` } });
  expect(refused.status()).toBe(409);
  expect(ApiErrorSchema.parse(await refused.json()).code).toBe('invalid_state');
  const next = await chen.post(`/api/sessions/${session.id}/call-next`, {}, CallResultSchema);
  expect(next.appointment.id).toBe(agreeing.id);

  // The county doctor re-opens the declined check-in; it is back, but still not callable until consent.
  const county = await devices.open('doc.wang', /\/county/);
  await queueRow(county, declining.id).getByTestId('btn-reopen-checkin').click();
  await expect(declinedRow).toHaveAttribute('data-status', 'checked_in');
  await expect(declinedRow.getByTestId('consent-badge')).toHaveAttribute('data-consent', 'declined');
  await expect(declinedRow.getByTestId('btn-call')).toHaveCount(0);
});

test('a booking under a wrong name is refused in the coordinator’s form, and nothing is booked', async ({ devices, request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const session = await ownCardiologySession(admin);
  const page = await devices.open('admin', /\/admin/);
  const card = page.locator(`[data-testid="admin-session"][data-session-id="${session.id}"]`);
  await card.getByTestId('admin-session-toggle').click();
  const form = card.getByTestId('book-form');
  await form.getByTestId('book-his-id').fill('p-0070');
  await form.getByTestId('book-name').fill('王建国');
  await form.getByTestId('book-submit').click();
  await expect(form.getByTestId('book-error')).toHaveText('姓名或身份信息与 HIS 记录不符，请核对');
  await expect(form.getByTestId('booking-slip')).toHaveCount(0);
  await expect(card.locator('[data-testid="queue-item"][data-his-patient-id="p-0070"]')).toHaveCount(0);

  // The right patient by name and date of birth is found, with the second identifiers on the slip.
  await form.getByTestId('book-his-id').fill('');
  await form.getByTestId('book-name').fill('李秀英');
  await form.getByTestId('book-birth-date').fill('1948-09-30');
  await form.getByTestId('book-submit').click();
  await expect(form.getByTestId('booking-slip').getByTestId('patient-identity')).toContainText('SS1000002');
  await expect(card.locator('[data-testid="queue-item"][data-his-patient-id="p-0002"]')).toHaveAttribute('data-status', 'booked');
});

test('a 岱山 patient cannot be filed under 嵊泗: not booked, not opened as a consultation', async ({ request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const session = await ownCardiologySession(admin);
  const sscph = await institutionId(admin, 'sscph');
  const booking = await request.post(`/api/sessions/${session.id}/appointments`, {
    headers: { authorization: `Bearer ${await token(request, 'admin')}` },
    data: { hisPatientId: 'p-0004', patientName: '陈志明', institutionId: sscph },
  });
  expect(booking.status()).toBe(422);
  expect(ApiErrorSchema.parse(await booking.json()).code).toBe('patient_institution_mismatch');

  const opening = await request.post('/api/consultations', {
    headers: { authorization: `Bearer ${await token(request, 'dr.chen')}` },
    data: { hisPatientId: 'p-0004', institutionId: sscph, invite: [], breakGlassReason: '急诊会诊：患者胸痛，当地无法处理' },
  });
  expect(opening.status()).toBe(422);
  expect(ApiErrorSchema.parse(await opening.json()).code).toBe('patient_institution_mismatch');
});

/** A bearer token, for the calls whose refusal (status and code) the spec checks itself. */
async function token(request: APIRequestContext, username: string): Promise<string> {
  const res = await request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  return LoginResponseSchema.parse(await res.json()).accessToken;
}
