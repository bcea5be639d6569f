import { expect, type APIRequestContext } from '@playwright/test';
import { ConsultationViewSchema, PrescriptionViewSchema, type PrescriptionView } from '@cloudclinic/shared';
import { DEMO_PASSWORD } from '../support/auth';
import { ApiUser, institutionId } from '../support/clinic-api';
import { test } from '../support/clinic-pages';

test.setTimeout(180_000);

/** 李秀英's loratadine: signed by dr.chen, approved and (alone, acknowledged) dispensed by pharm.zhou, all through the API. */
async function dispensedPrescription(request: APIRequestContext): Promise<PrescriptionView> {
  const admin = await ApiUser.login(request, 'admin');
  const sscph = await institutionId(admin, 'sscph');
  const chen = await ApiUser.login(request, 'dr.chen');
  const zhou = await ApiUser.login(request, 'pharm.zhou');
  const c = await chen.post('/api/consultations', { kind: 'remote_consultation', hisPatientId: 'p-0002', institutionId: sscph, invite: [], breakGlassReason: 'End-to-end test: opened without a request on purpose' }, ConsultationViewSchema);
  const draft = await chen.post(
    `/api/consultations/${c.id}/prescriptions`,
    { diagnosis: '过敏性鼻炎', diagnoses: ['J30.4'], items: [{ medicationId: 'loratadine-10mg-tab', dose: { value: 10, unit: 'mg' }, frequency: 'qd', route: 'oral', days: 7, instructions: '睡前服用' }] },
    PrescriptionViewSchema,
  );
  const overrides = draft.findings.filter((f) => f.severity === 'warning').map((f) => ({ findingId: f.id, code: 'benefit_outweighs_risk', reason: '已评估获益与风险，患者知情同意' }));
  await chen.post(`/api/prescriptions/${draft.id}/sign`, { password: DEMO_PASSWORD, overrides }, PrescriptionViewSchema);
  await chen.post(`/api/prescriptions/${draft.id}/submit`, {}, PrescriptionViewSchema);
  await zhou.post(`/api/prescriptions/${draft.id}/approve`, { password: DEMO_PASSWORD, acknowledged: overrides.map((o) => o.findingId) }, PrescriptionViewSchema);
  const items = draft.items.map((i) => ({ itemId: i.id, quantity: i.quantity.value, lot: 'L20261201' }));
  return zhou.post(`/api/prescriptions/${draft.id}/dispense`, { items, sameAsReviewerAcknowledged: true }, PrescriptionViewSchema);
}

test('the pharmacist prints the 处方笺: every field 处方管理办法 asks, on one A5 page, nothing else printed', async ({ devices, request }, testInfo) => {
  const rx = await dispensedPrescription(request);
  const pharmacy = await devices.open('pharm.zhou', /\/pharmacy/);
  await pharmacy.goto('/pharmacy?status=dispensed');
  const card = pharmacy.locator(`[data-testid="rx-review-card"][data-prescription-id="${rx.id}"]`);
  await expect(card).toHaveAttribute('data-status', 'dispensed');
  await card.getByTestId('rx-print-open').click();
  const sheet = pharmacy.getByTestId('rx-sheet');
  await expect(sheet).toBeVisible();

  await pharmacy.emulateMedia({ media: 'print' });
  const field = (id: string) => sheet.getByTestId(id);
  await expect(field('rx-print-institution')).toHaveText('浙江医院');
  await expect(field('rx-print-number')).toHaveText(rx.number);
  await expect(field('rx-print-date')).toHaveText(/^\d{4}-\d{2}-\d{2}$/);
  await expect(field('rx-print-department')).toHaveText('心血管内科');
  await expect(field('rx-print-record-number')).toHaveText('SS1000002');
  await expect(field('rx-print-fee')).toHaveText('医保（城乡居民）');
  await expect(field('rx-print-name')).toHaveText('李秀英');
  await expect(field('rx-print-sex')).toHaveText('女');
  await expect(field('rx-print-age')).toHaveText(/^\d{2} 岁$/);
  await expect(field('rx-print-diagnosis')).toContainText('J30.4');
  const line = sheet.getByTestId('rx-print-item');
  await expect(line).toHaveCount(1);
  await expect(line.getByTestId('rx-print-item-name')).toHaveText('氯雷他定片');
  await expect(line.getByTestId('rx-print-item-strength')).not.toBeEmpty();
  await expect(line.getByTestId('rx-print-item-quantity')).toContainText('盒');
  await expect(line.getByTestId('rx-print-item-directions')).toContainText('每日一次');
  await expect(line.getByTestId('rx-print-item-amount')).toHaveText(/^¥\d+\.\d{2}$/);
  await expect(field('rx-print-total')).toHaveText(await line.getByTestId('rx-print-item-amount').innerText());
  await expect(field('rx-print-prescriber')).toContainText('陈建华');
  await expect(field('rx-print-reviewer')).toHaveText('周敏');
  await expect(field('rx-print-dispenser')).toContainText('周敏');
  await expect(field('rx-print-dispenser')).toContainText('同审核药师');
  await expect(field('rx-print-checker')).toContainText('周敏');
  await expect(field('rx-print-qr')).toBeVisible();
  await expect(field('rx-print-code')).toHaveText(/[A-Z2-7]{8}/);

  // Printed alone, on one A5 portrait page (148 × 210 mm at 96 dpi): no toolbar, no app behind it.
  await expect(pharmacy.locator('.rx-print-toolbar')).toBeHidden();
  await expect(pharmacy.getByTestId('rx-review-queue')).toBeHidden();
  const box = await sheet.boundingBox();
  expect(box?.width ?? 0).toBeLessThanOrEqual((148 / 25.4) * 96 + 1);
  expect(box?.height ?? Infinity).toBeLessThanOrEqual((210 / 25.4) * 96 + 1);
  await sheet.screenshot({ path: testInfo.outputPath('prescription.png') });
  // What Chromium's print would produce: one A5 page.
  const pdf = (await pharmacy.pdf({ preferCSSPageSize: true, printBackground: true, path: testInfo.outputPath('prescription.pdf') })).toString('latin1');
  expect(pdf.match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);

  // In English mode the labels are English; the document's Chinese content stays as signed.
  await pharmacy.emulateMedia({ media: 'screen' });
  await pharmacy.getByTestId('rx-print').getByRole('button', { name: '关闭' }).click();
  await pharmacy.getByTestId('lang-en').click();
  await card.getByTestId('rx-print-open').click();
  await expect(field('rx-print-fee')).toHaveText('Insurance (urban and rural residents)');
  await expect(sheet).toContainText('Fee category');
  await expect(sheet).toContainText('Checked and handed over by');
  await expect(field('rx-print-age')).toHaveText(/^\d{2} y$/);
  await expect(line.getByTestId('rx-print-item-name')).toHaveText('氯雷他定片');
});
