import { expect, type Page } from '@playwright/test';
import { ConsultationViewSchema, PrescriptionViewSchema, SignedDocumentSchema } from '@cloudclinic/shared';
import { DEMO_PASSWORD } from '../support/auth';
import { ApiUser, institutionId } from '../support/clinic-api';
import { test } from '../support/clinic-pages';

// An expert page with its room, on a 2-core machine.
test.setTimeout(180_000);

/** An ad-hoc consultation of dr.chen for one Shengsi patient, built through the API. */
async function consultationFor(request: Parameters<typeof ApiUser.login>[0], hisPatientId: string): Promise<{ chen: ApiUser; id: string }> {
  const admin = await ApiUser.login(request, 'admin');
  const sscph = await institutionId(admin, 'sscph');
  const chen = await ApiUser.login(request, 'dr.chen');
  const c = await chen.post('/api/consultations', { kind: 'remote_consultation', hisPatientId, institutionId: sscph, invite: [], breakGlassReason: 'End-to-end test: opened without a request on purpose' }, ConsultationViewSchema);
  return { chen, id: c.id };
}

async function addDrug(expert: Page, query: string, medicationId: string): Promise<void> {
  await expert.getByTestId('rx-search').fill(query);
  await expert.locator(`[data-testid="rx-add"][data-medication-id="${medicationId}"]`).click();
}

test('tramadol and 100 tablets of amlodipine a day are refused on the pad, with the rule named, and cannot be signed', async ({ devices, request }) => {
  const { id } = await consultationFor(request, 'p-0003');
  const expert = await devices.open('dr.chen', /\/expert/);
  await expert.goto(`/expert/consultations/${id}`);
  await expert.getByTestId('tab-prescription').click();
  await expect(expert.getByTestId('prescription-panel')).toBeVisible();
  await expert.getByTestId('rx-diagnosis-search').fill('焦虑');
  await expert.getByTestId('rx-diagnosis-search').press('Enter');
  await expect(expert.getByTestId('rx-diagnosis-chip')).toHaveCount(1);

  // 曲马多 by its pinyin initials: refused online, no override field offered.
  await addDrug(expert, 'qmd', 'tramadol-100mg-er-tab');
  const tramadol = expert.locator('[data-testid="rx-warning"][data-rule="controlled"]');
  await expect(tramadol).toHaveAttribute('data-severity', 'refused');
  await expect(tramadol).toContainText('第二类精神药品');
  await expect(tramadol).toContainText('《互联网诊疗管理办法（试行）》第十九条');
  await expect(tramadol.getByTestId('rx-override')).toHaveCount(0);
  await expect(expert.getByTestId('rx-sign')).toBeDisabled();
  await expert.locator('[data-testid="rx-item"][data-medication-id="tramadol-100mg-er-tab"]').getByTestId('rx-remove').click();

  // 100 tablets of amlodipine a day: 50 times the maximum, a hard stop.
  await addDrug(expert, 'aldp', 'amlodipine-5mg-tab');
  const item = expert.locator('[data-testid="rx-item"][data-medication-id="amlodipine-5mg-tab"]');
  await item.getByTestId('rx-unit').selectOption('片');
  await item.getByTestId('rx-dose').fill('100');
  const dose = expert.locator('[data-testid="rx-warning"][data-rule="max_dose"]');
  await expect(dose).toHaveAttribute('data-severity', 'refused');
  await expect(dose).toContainText('50倍');
  await expect(dose).toContainText('不可越过');
  await expect(expert.getByTestId('rx-sign')).toBeDisabled();
});

test('an empty note cannot end a visit: the note says what is missing, and once complete the visit ends', async ({ devices, request }) => {
  const { chen, id } = await consultationFor(request, 'p-0005');
  const expert = await devices.open('dr.chen', /\/expert/);
  await expert.goto(`/expert/consultations/${id}`);
  const missing = expert.getByTestId('note-missing');
  await expect(missing.locator('[data-missing]')).toHaveCount(4);

  await expert.getByTestId('btn-end-consult').click();
  await expert.getByTestId('end-consult-confirm').click();
  await expect(expert.getByRole('alert').filter({ hasText: '内容不完整' })).toBeVisible();
  await expert.keyboard.press('Escape');
  expect((await chen.get(`/api/consultations/${id}`, ConsultationViewSchema)).status).toBe('active');

  await expert.getByTestId('note-chief-complaint').fill('反复喘息3天');
  await expert.getByTestId('note-assessment').fill('支气管哮喘急性发作，轻度');
  await expert.getByTestId('note-plan').fill('沙丁胺醇吸入，按需；一周后复诊');
  await expert.getByTestId('note-diagnosis-search').fill('J45');
  await expert.getByTestId('note-diagnosis-search').press('Enter');
  await expect(expert.getByTestId('note-diagnosis-chip')).toHaveAttribute('data-code', 'J45.9');
  await expect(missing).toHaveCount(0);

  await expert.getByTestId('btn-end-consult').click();
  await expert.getByTestId('end-consult-confirm').click();
  await expect.poll(async () => (await chen.get(`/api/consultations/${id}`, ConsultationViewSchema)).status, { timeout: 15_000 }).toBe('ended');
});

test('the public verification page confirms a printed prescription without login; the printed code shows the drugs', async ({ page, request }) => {
  const { chen, id } = await consultationFor(request, 'p-0007');
  const rx = await chen.post(
    `/api/consultations/${id}/prescriptions`,
    { diagnoses: ['J30.4'], items: [{ medicationId: 'loratadine-10mg-tab', dose: { value: 10, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 7, instructions: '' }] },
    PrescriptionViewSchema,
  );
  expect((await chen.post(`/api/prescriptions/${rx.id}/sign`, { password: DEMO_PASSWORD }, PrescriptionViewSchema)).status).toBe('signed');
  const doc = await chen.get(`/api/prescriptions/${rx.id}/document`, SignedDocumentSchema);

  // What the QR on the 处方笺 encodes, opened by anyone (this page has never logged in).
  await page.goto(`/verify/${rx.id}`);
  const result = page.getByTestId('verify-result');
  await expect(result).toHaveAttribute('data-authentic', 'true');
  await expect(result).toHaveAttribute('data-status', 'signed');
  await expect(page.getByTestId('verify-number')).toHaveText(rx.number);
  await expect(page.getByTestId('verify-page')).not.toContainText('方雨婷');
  await expect(page.getByTestId('verify-page')).not.toContainText('氯雷他定');

  await page.getByTestId('verify-code').fill('AAAAAAAA');
  await page.getByTestId('verify-submit').click();
  await expect(page.getByTestId('verify-error')).toBeVisible();
  await page.getByTestId('verify-code').fill(doc.verificationCode);
  await page.getByTestId('verify-submit').click();
  await expect(page.getByTestId('verify-items')).toContainText('氯雷他定');
  await expect(page.getByTestId('verify-page')).not.toContainText('方雨婷');
});
