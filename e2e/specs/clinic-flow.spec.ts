import { expect } from '@playwright/test';
import { ApiUser, appointment, cancel, cardiologySession, ensureBooked, institutionId, ownCardiologySession } from '../support/clinic-api';
import { kioskCheckIn, queueRow, remoteVideoWidth, test } from '../support/clinic-pages';

// Three devices at once (kiosk, expert, county doctor) with real media on a 2-core machine.
test.setTimeout(180_000);

test('a kiosk patient is called, seen on video, and gets a summary; the note survives a reload', async ({ devices, request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const session = await cardiologySession(admin);
  const sscph = await institutionId(admin, 'sscph');
  const appt = await ensureBooked(admin, session.id, { hisPatientId: 'p-0001', patientName: '王建国', institutionId: sscph });
  await ensureBooked(admin, session.id, { hisPatientId: 'p-0002', patientName: '李秀英', institutionId: sscph });
  expect(appt.status).toBe('booked');

  const expert = await devices.open('dr.chen', /\/expert/);
  const county = await devices.open('doc.wang', /\/county/);
  const kiosk = await devices.open('kiosk.shengsi', /\/kiosk/);

  const row = queueRow(expert, appt.id);
  await expect(row).toHaveAttribute('data-status', 'booked');
  await expect(row).toContainText('王*国');

  await kioskCheckIn(kiosk, appt.code);
  await expect(kiosk.getByTestId('queue-position')).toHaveAttribute('data-position', '1');
  // The expert's queue is live: the check-in shows up without a reload.
  await expect(row).toHaveAttribute('data-status', 'checked_in', { timeout: 2_000 });
  await expect(queueRow(county, appt.id)).toHaveAttribute('data-status', 'checked_in');

  await expert.getByTestId('btn-call-next').click();
  await expect(expert).toHaveURL(/\/expert\/consultations\//);

  // Nobody touches the kiosk: it is called and enters the room by itself.
  await expect(kiosk.locator('.kiosk-flow')).toHaveAttribute('data-step', 'in-room');
  await expect.poll(() => remoteVideoWidth(kiosk, 'expert'), { timeout: 45_000 }).toBeGreaterThan(0);
  await expect.poll(() => remoteVideoWidth(expert, 'patient_kiosk'), { timeout: 45_000 }).toBeGreaterThan(0);
  await expect(county.locator(`[data-testid="queue-item"][data-appointment-id="${appt.id}"] [data-testid="btn-join-consult"]`)).toBeVisible();

  const note = expert.getByTestId('consult-note');
  await expect(note).toHaveAttribute('data-status', 'saved');
  await note.getByLabel('主诉').fill('反复胸闷三月，活动后加重');
  await expert.getByTestId('note-plan').fill('低盐饮食');
  // Reload in the middle of writing: nothing typed is lost.
  await expert.reload();
  await expect(expert.getByTestId('note-chief-complaint')).toHaveValue('反复胸闷三月，活动后加重');
  await expect(expert.getByTestId('note-plan')).toHaveValue('低盐饮食');
  await expert.getByTestId('note-plan').fill('低盐饮食，一月后复诊');
  // A note worth signing: an assessment with a coded diagnosis.
  await expert.getByTestId('note-assessment').fill('稳定型心绞痛可能');
  await expert.getByTestId('note-diagnosis-search').fill('I20.9');
  await expert.getByTestId('note-diagnosis-search').press('Enter');
  await expect(expert.getByTestId('note-missing')).toHaveCount(0);
  await expect(expert.getByTestId('consult-note')).toHaveAttribute('data-status', 'saved');

  await expert.getByTestId('btn-end-consult').click();
  await expert.getByTestId('end-consult-confirm').click();
  await expect(expert).toHaveURL(/\/expert\?session=/);
  await expect(row).toHaveAttribute('data-status', 'completed');

  const summary = kiosk.getByTestId('kiosk-summary');
  await expect(summary).toBeVisible({ timeout: 15_000 });
  await expect(summary).toContainText('低盐饮食，一月后复诊');
  // The patient can print it (kiosk-lockdown.spec.ts); 完成 gives the next patient a clean check-in screen.
  await kiosk.getByTestId('kiosk-summary-done').click();
  await expect(kiosk.getByTestId('kiosk-checkin-code')).toBeVisible();
  await expect(kiosk.getByTestId('kiosk-checkin-code')).toHaveValue('');

  const chen = await ApiUser.login(request, 'dr.chen');
  expect((await appointment(chen, appt.id)).status).toBe('completed');

  // The signed note is read-only, with its version listed.
  await row.getByTestId('btn-open').click();
  await expect(expert.getByTestId('note-version')).toHaveCount(1);
  await expect(expert.getByTestId('note-plan')).toHaveValue('低盐饮食，一月后复诊');
  await expect(expert.getByTestId('note-plan')).toHaveAttribute('readonly', '');
  await expect(expert.getByTestId('btn-end-consult')).toHaveCount(0);
});

test('the queue keeps queue-number order across two kiosks; no-show, call-next and cancel', async ({ devices, request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const session = await cardiologySession(admin);
  const sscph = await institutionId(admin, 'sscph');
  const a = await ensureBooked(admin, session.id, { hisPatientId: 'p-0002', patientName: '李秀英', institutionId: sscph });
  const b = await ensureBooked(admin, session.id, { hisPatientId: 'p-0003', patientName: '张海燕', institutionId: sscph });
  const third = await ensureBooked(admin, session.id, { hisPatientId: 'p-0005', patientName: '刘小雨', institutionId: sscph });
  const [first, second] = a.queueNumber < b.queueNumber ? [a, b] : [b, a];

  const expert = await devices.open('dr.chen', /\/expert/);
  const kiosk1 = await devices.open('kiosk.shengsi', /\/kiosk/);
  const kiosk2 = await devices.open('kiosk.shengsi2', /\/kiosk/);

  // The later booking checks in first, at the second kiosk …
  await kioskCheckIn(kiosk2, second.code);
  await expect(kiosk2.getByTestId('queue-position')).toHaveAttribute('data-position', '1');
  // A reload of the kiosk resumes the waiting screen.
  await kiosk2.reload();
  await expect(kiosk2.getByTestId('queue-position')).toHaveAttribute('data-position', '1');
  // … then the earlier one: it goes ahead (queue-number order), and kiosk 2 sees itself move back.
  await kioskCheckIn(kiosk1, first.code);
  await expect(kiosk1.getByTestId('queue-position')).toHaveAttribute('data-position', '1');
  await expect(kiosk2.getByTestId('queue-position')).toHaveAttribute('data-position', '2');

  await expect(queueRow(expert, first.id)).toHaveAttribute('data-status', 'checked_in');
  await expect(queueRow(expert, second.id)).toHaveAttribute('data-status', 'checked_in');
  const order = await expert.getByTestId('queue-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-appointment-id')));
  expect(order.indexOf(first.id)).toBeLessThan(order.indexOf(second.id));

  // The first patient did not come: no-show, and call-next takes the second.
  await queueRow(expert, first.id).getByTestId('btn-no-show').click();
  await expect(queueRow(expert, first.id)).toHaveAttribute('data-status', 'no_show');
  await expect(queueRow(expert, first.id).getByTestId('btn-recall')).toBeVisible();
  await expect(kiosk1.getByTestId('kiosk-waiting-status')).toHaveAttribute('data-status', 'no_show');
  await expect(kiosk2.getByTestId('queue-position')).toHaveAttribute('data-position', '1');

  // A cancelled appointment shows as cancelled, without a call button.
  await cancel(admin, third.id);
  await expect(queueRow(expert, third.id)).toHaveAttribute('data-status', 'cancelled');
  await expect(queueRow(expert, third.id).getByTestId('btn-call')).toHaveCount(0);

  await expert.getByTestId('btn-call-next').click();
  await expect(expert).toHaveURL(/\/expert\/consultations\//);
  await expect(kiosk2.locator('.kiosk-flow')).toHaveAttribute('data-step', 'in-room');
  await expect(kiosk1.locator('.kiosk-flow')).not.toHaveAttribute('data-step', 'in-room');
  const chen = await ApiUser.login(request, 'dr.chen');
  expect(['called', 'in_consultation']).toContain((await appointment(chen, second.id)).status);
  expect((await appointment(chen, first.id)).status).toBe('no_show');
});

test('a kiosk of another county cannot read the cardiology queue', async ({ request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const session = await cardiologySession(admin);
  const daishan = await ApiUser.login(request, 'kiosk.daishan');
  expect(await daishan.status(`/api/sessions/${session.id}/queue`)).toBe(403);
});

test('the coordinator books through the form, gets the slip code, and a double booking is refused inline', async ({ devices, request }) => {
  // A session of its own: other specs book into the seeded ones and may add sessions of 陈建华 today.
  const session = await ownCardiologySession(await ApiUser.login(request, 'admin'));
  const admin = await devices.open('admin', /\/admin/);
  const card = admin.locator(`[data-testid="admin-session"][data-session-id="${session.id}"]`);
  await card.getByTestId('admin-session-toggle').click();
  const form = card.getByTestId('book-form');
  await form.getByLabel('患者 HIS 编号').fill('p-0016');
  await form.getByLabel('患者姓名').fill('陈军');
  await form.getByTestId('book-institution').selectOption({ label: '嵊泗县人民医院' });
  await form.getByLabel('身份证号（可选）').fill('330922195603120131');
  await expect(form.getByText('身份证号码有误')).toBeVisible();
  await form.getByLabel('身份证号（可选）').fill('');
  await form.getByTestId('book-submit').click();
  await expect(form.getByTestId('slip-code')).toHaveText(/^[A-Z0-9]{4,12}$/);
  await expect(card.locator('[data-testid="queue-item"][data-his-patient-id="p-0016"]')).toHaveAttribute('data-status', 'booked');

  await form.getByLabel('患者 HIS 编号').fill('p-0016');
  await form.getByLabel('患者姓名').fill('陈军');
  await form.getByTestId('book-submit').click();
  await expect(form.getByTestId('book-error')).toHaveText('该患者已预约此门诊');
});
