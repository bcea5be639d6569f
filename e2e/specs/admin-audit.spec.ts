import { expect, test } from '@playwright/test';
import { apiLogin, createConsultation } from '../support/api';
import { loginAs } from '../support/auth';

/** The admin's audit screen: server-side filters, the table, and the CSV export of what is filtered. */
test('the admin filters the audit trail by patient, user and action, and exports it as CSV', async ({ page, baseURL }) => {
  // Own data: dr.chen reads the record of a consultation opened for this test.
  const base = baseURL ?? '';
  const { id } = await createConsultation(base, 'dr.chen', [{ username: 'kiosk.shengsi', role: 'patient_kiosk' }], 'p-0002');
  const chen = await apiLogin(base, 'dr.chen');
  const read = await fetch(new URL(`/api/consultations/${id}/record`, base), { headers: { authorization: `Bearer ${chen.accessToken}` } });
  expect(read.status).toBe(200);

  await loginAs(page, 'admin');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.getByTestId('link-audit').click();
  await expect(page).toHaveURL(/\/admin\/audit$/);
  await expect(page.getByTestId('audit-row').first()).toBeVisible();

  await page.getByTestId('audit-filter-hisPatientId').fill('p-0002');
  await page.getByTestId('audit-filter-actor').fill('dr.chen');
  await page.getByTestId('audit-filter-action').fill('his.record');
  await page.getByTestId('audit-apply').click();
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toHaveAttribute('data-action', 'his.record.read');
  for (const action of await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))) expect(action).toMatch(/^his\.record/);
  await expect(rows.first()).toContainText('dr.chen');
  await expect(rows.first()).toContainText('p-0002');

  const download = page.waitForEvent('download');
  await page.getByTestId('audit-export').click();
  const file = await download;
  const csv = await (await file.createReadStream()).toArray();
  const text = Buffer.concat(csv.map((c: Buffer) => c)).toString('utf8');
  expect(text).toContain('at,actorUsername,actorRole,action,outcome,hisPatientId');
  expect(text).toContain('his.record.read');
  expect(text).not.toContain('p-0001'); // only what is filtered

  await page.getByTestId('audit-filter-actor').fill('nobody.at.all');
  await page.getByTestId('audit-apply').click();
  await expect(rows).toHaveCount(0);
  await expect(page.getByTestId('audit-export')).toBeDisabled();
});
