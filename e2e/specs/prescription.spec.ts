import { expect, type Page } from '@playwright/test';
import { CallResultSchema, ConsultationViewSchema, NoteViewSchema, PrescriptionListSchema, SignedDocumentSchema, SignedPrescriptionPayloadSchema } from '@cloudclinic/shared';
import { DEMO_PASSWORD } from '../support/auth';
import { scheduledRequest, ApiUser, appointment, book, institutionId, ownCardiologySession } from '../support/clinic-api';
import { kioskCheckIn, test } from '../support/clinic-pages';

// Kiosk and expert in a video room, plus the pharmacist, on a 2-core machine.
test.setTimeout(180_000);

async function openPad(expert: Page): Promise<void> {
  await expert.getByTestId('tab-prescription').click();
  await expect(expert.getByTestId('prescription-panel')).toBeVisible();
}

test('王建国: the expert prescribes amlodipine and signs; the pharmacist approves and dispenses; the kiosk summary shows it', async ({ devices, request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const session = await ownCardiologySession(admin);
  const sscph = await institutionId(admin, 'sscph');
  const appt = await book(admin, session.id, { hisPatientId: 'p-0001', patientName: '王建国', institutionId: sscph });

  const kiosk = await devices.open('kiosk.shengsi', /\/kiosk/);
  await kioskCheckIn(kiosk, appt.code);
  const chen = await ApiUser.login(request, 'dr.chen');
  const called = await chen.post(`/api/appointments/${appt.id}/call`, {}, CallResultSchema);
  const expert = await devices.open('dr.chen', /\/expert/);
  await expert.goto(`/expert/consultations/${called.consultation.id}`);
  const pharmacist = await devices.open('pharm.zhou', /\/pharmacy/);
  await expect(pharmacist.getByTestId('rx-review-queue')).toBeVisible();

  // Keyboard only: pinyin abbreviation, Enter adds, the cursor lands on the dose.
  await openPad(expert);
  await expert.getByTestId('rx-search').fill('amld');
  await expect(expert.getByTestId('rx-add').first()).toHaveAttribute('data-medication-id', 'amlodipine-5mg-tab');
  await expert.getByTestId('rx-search').press('Enter');
  const item = expert.getByTestId('rx-item');
  await expect(item).toHaveCount(1);
  await expect(item.getByTestId('rx-dose')).toBeFocused();
  await expect(item.getByTestId('rx-dose')).toHaveValue('5');
  await item.getByTestId('rx-days').fill('28');
  await expect(item.getByTestId('rx-quantity')).toHaveText('1盒');
  await expert.getByTestId('rx-diagnosis-search').fill('I10');
  await expert.getByTestId('rx-diagnosis-search').press('Enter');
  await expect(expert.getByTestId('rx-diagnosis-chip')).toHaveAttribute('data-code', 'I10');
  await expect(expert.getByTestId('rx-save-state')).toHaveAttribute('data-state', 'saved');
  // The server's check: a renewal of what he already takes, nothing blocking.
  await expect(expert.locator('[data-testid="rx-warning"][data-rule="continuation"]')).toBeVisible();
  await expect(expert.locator('[data-testid="rx-warning"][data-severity="warning"]')).toHaveCount(0);

  await expect(expert.getByTestId('rx-sign')).toBeEnabled();
  await expert.getByTestId('rx-sign').click();
  await expert.getByTestId('rx-password').fill(DEMO_PASSWORD);
  await expert.getByTestId('rx-password').press('Enter');
  await expect(expert.getByTestId('rx-status')).toHaveAttribute('data-status', 'under_review');

  // The pharmacist's queue is live: the prescription arrives with the patient's allergies and a valid signature.
  // Other tests leave their own prescriptions in the same queue: pick this one by its id.
  const [signed] = (await chen.get(`/api/consultations/${called.consultation.id}/prescriptions`, PrescriptionListSchema)).prescriptions;
  const card = pharmacist.locator(`[data-testid="rx-review-card"][data-prescription-id="${signed?.id ?? 'none'}"]`);
  await expect(card).toContainText('苯磺酸氨氯地平片');
  await expect(card).toBeVisible({ timeout: 5_000 });
  await expect(card.getByTestId('rx-review-allergies')).toContainText('海鲜过敏');
  await expect(card.getByTestId('rx-review-signature')).toHaveAttribute('data-valid', 'true');
  await card.getByTestId('rx-approve-password').fill(DEMO_PASSWORD);
  await card.getByTestId('rx-approve').click();
  await expect(card.getByTestId('rx-status')).toHaveAttribute('data-status', 'approved');
  await expect(expert.getByTestId('rx-status')).toHaveAttribute('data-status', 'approved');
  await card.getByTestId('rx-lot').fill('L20261101');
  // The same pharmacist reviewed it: dispensing alone needs an explicit acknowledgement.
  await expect(card.getByTestId('rx-dispense')).toBeDisabled();
  await card.getByTestId('rx-dispense-self').check();
  await card.getByTestId('rx-dispense').click();
  await expect(card.getByTestId('rx-status')).toHaveAttribute('data-status', 'dispensed');
  await expect(expert.getByTestId('rx-status')).toHaveAttribute('data-status', 'dispensed');

  // The visit ends (with a complete note); the kiosk's summary lists the prescription with its status.
  await chen.put(`/api/consultations/${called.consultation.id}/note`, { baseRevision: 0, chiefComplaint: '血压复诊', assessment: '血压控制可', diagnoses: ['I10'], plan: '继续服药' }, NoteViewSchema);
  await expert.getByTestId('btn-end-consult').click();
  await expert.getByTestId('end-consult-confirm').click();
  const summary = kiosk.getByTestId('kiosk-summary');
  await expect(summary).toBeVisible({ timeout: 15_000 });
  await expect(summary).toContainText('苯磺酸氨氯地平片 5 mg ×1盒');
  const kioskUser = await ApiUser.login(request, 'kiosk.shengsi');
  expect((await appointment(kioskUser, appt.id)).summary?.prescriptions).toEqual([expect.objectContaining({ status: 'dispensed' })]);
});

test('李秀英 (penicillin allergy) cannot be prescribed amoxicillin without a recorded override reason', async ({ devices, request }) => {
  const admin = await ApiUser.login(request, 'admin');
  const sscph = await institutionId(admin, 'sscph');
  const chen = await ApiUser.login(request, 'dr.chen');
  const requestId = await scheduledRequest(request, chen, '陈建华', 'p-0002');
  const consultation = await chen.post('/api/consultations', { kind: 'remote_consultation', hisPatientId: 'p-0002', institutionId: sscph, invite: [], requestId }, ConsultationViewSchema);
  const expert = await devices.open('dr.chen', /\/expert/);
  await expert.goto(`/expert/consultations/${consultation.id}`);
  await openPad(expert);

  await expert.getByTestId('rx-search').fill('阿莫西林');
  await expert.locator('[data-testid="rx-add"][data-medication-id="amoxicillin-250mg-cap"]').click();
  const allergy = expert.locator('[data-testid="rx-warning"][data-rule="allergy"]');
  await expect(allergy).toBeVisible();
  await expect(allergy).toHaveAttribute('data-severity', 'warning');
  await expect(allergy).toContainText('青霉素');
  await expert.getByTestId('rx-diagnosis-search').fill('急性咽炎');
  await expert.getByTestId('rx-diagnosis-search').press('Enter');
  await expect(expert.getByTestId('rx-sign')).toBeDisabled();

  // Not through the API either: the server refuses to sign without the reason.
  const { prescriptions } = await chen.get(`/api/consultations/${consultation.id}/prescriptions`, PrescriptionListSchema);
  const rxId = prescriptions[0]?.id ?? '';
  const login = await request.post('/api/auth/login', { data: { username: 'dr.chen', password: DEMO_PASSWORD } });
  const token = ((await login.json()) as { accessToken: string }).accessToken;
  const refused = await request.post(`/api/prescriptions/${rxId}/sign`, { headers: { Authorization: `Bearer ${token}` }, data: { password: DEMO_PASSWORD } });
  // Refused (a missing override reason, or the diagnosis not saved yet): never signed.
  expect([400, 422]).toContain(refused.status());

  await allergy.getByTestId('rx-override-code').selectOption('monitoring_arranged');
  await allergy.getByTestId('rx-override').fill('青霉素皮试阴性，已告知风险并签署知情同意');
  await expect(expert.getByTestId('rx-save-state')).toHaveAttribute('data-state', 'saved');
  await expect(expert.getByTestId('rx-sign')).toBeEnabled();
  await expert.getByTestId('rx-sign').click();
  await expert.getByTestId('rx-password').fill(DEMO_PASSWORD);
  await expert.getByTestId('rx-sign-confirm').click();
  await expect(expert.getByTestId('rx-status')).toHaveAttribute('data-status', 'under_review');

  // The reason is part of what was signed.
  const doc = await chen.get(`/api/prescriptions/${rxId}/document`, SignedDocumentSchema);
  const payload = SignedPrescriptionPayloadSchema.parse(JSON.parse(doc.canonical));
  expect(payload.findings).toContainEqual(expect.objectContaining({ severity: 'warning', overrideReason: '青霉素皮试阴性，已告知风险并签署知情同意' }));
});
