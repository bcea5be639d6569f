import { expect, test, type Page } from '@playwright/test';
import { ConsultationViewSchema } from '@cloudclinic/shared';
import { loginAs } from '../support/auth';
import { scheduledRequest, ApiUser, institutionId } from '../support/clinic-api';

/**
 * The county HIS record beside the video (病历 tab of the expert's consultation page), read through
 * the platform from the county HIS simulator. Demo patient p-0002 (李秀英) has a severe penicillin
 * allergy, high NT-proBNP, and an echocardiogram from 舟山市普陀医院 accepted under mutual recognition.
 */

const RECORD_URL = /\/api\/consultations\/[^/]+\/record(?:\?|$)/;

const isAllergy = (entry: unknown) =>
  typeof entry === 'object' && entry !== null && 'resource' in entry && typeof entry.resource === 'object' && entry.resource !== null && 'resourceType' in entry.resource && entry.resource.resourceType === 'AllergyIntolerance';

/** The record as the server sends it when the HIS allergy search fails: the other parts, and the failure named. */
function withAllergiesFailed(body: unknown): object {
  if (typeof body !== 'object' || body === null || !('bundle' in body) || typeof body.bundle !== 'object' || body.bundle === null) throw new Error('unexpected record response');
  const entries: unknown[] = 'entry' in body.bundle && Array.isArray(body.bundle.entry) ? body.bundle.entry : [];
  return {
    ...body,
    bundle: { ...body.bundle, entry: entries.filter((e) => !isAllergy(e)) },
    failed: [{ part: 'allergies', resourceType: 'AllergyIntolerance', reason: 'unavailable', message: 'timeout' }],
    partial: true,
  };
}

async function openRecord(page: Page, request: Parameters<typeof ApiUser.login>[0]): Promise<void> {
  const expert = await ApiUser.login(request, 'dr.chen');
  const sscph = await institutionId(expert, 'sscph');
  const requestId = await scheduledRequest(request, expert, '陈建华', 'p-0002');
  const consultation = await expert.post('/api/consultations', { hisPatientId: 'p-0002', institutionId: sscph, invite: [], requestId }, ConsultationViewSchema);
  await loginAs(page, 'dr.chen');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/expert/consultations/${consultation.id}`);
  await page.getByTestId('tab-record').click();
}

test('the expert sees the allergy first, then labs with trends, 互认 exams and the notes', async ({ page, request }) => {
  await openRecord(page, request);
  const record = page.getByTestId('his-record');
  const allergies = record.getByTestId('his-allergies');
  await expect(allergies).toContainText('青霉素');
  await expect(allergies).toContainText('过敏性休克');
  await expect(allergies).toHaveAttribute('role', 'alert');

  await expect(record.getByTestId('his-patient')).toContainText('李秀英');
  await expect(record.getByTestId('his-resident-id')).toHaveText('330922********0262');
  await expect(record).not.toContainText('330922194809300262');
  await expect(record.getByTestId('his-problems')).toContainText('I10');

  await record.getByTestId('his-tab-labs').click();
  const ntProBnp = record.locator('[data-testid="his-lab-row"][data-loinc="33762-6"]');
  await expect(ntProBnp).toContainText('↑');
  await expect(ntProBnp.getByRole('img')).toBeVisible(); // the trend sparkline
  await ntProBnp.getByRole('button').click();
  await expect(record.locator('.his-history tbody tr').first()).toBeVisible();

  await record.getByTestId('his-tab-reports').click();
  await expect(record.getByTestId('his-reports').getByTestId('his-recognised').first()).toContainText('互认');

  await record.getByTestId('his-tab-documents').click();
  await expect(record.getByTestId('his-document-text').first()).toContainText('主诉');
});

test('when the county HIS is down the consultation goes on; retry loads the record, missing parts are named', async ({ page, request }) => {
  let mode: 'down' | 'no-allergies' | 'normal' = 'down';
  await page.route(RECORD_URL, async (route) => {
    if (mode === 'down') {
      await route.fulfill({ status: 502, json: { code: 'upstream_unavailable', message: 'The county HIS is unreachable; the consultation can continue' } });
      return;
    }
    const response = await route.fetch();
    if (mode === 'normal') return route.fulfill({ response });
    await route.fulfill({ response, json: withAllergiesFailed(await response.json()) });
  });
  await openRecord(page, request);
  const record = page.getByTestId('his-record');

  await expect(record.getByTestId('his-error')).toContainText('无法连接县医院HIS，会诊可继续');
  await expect(page.getByTestId('tab-note')).toBeVisible();

  mode = 'no-allergies';
  await record.getByTestId('his-retry').click();
  const allergies = record.getByTestId('his-allergies');
  await expect(allergies).toContainText('过敏史未能读取');
  await expect(allergies).not.toContainText('无已知过敏');
  await expect(record.getByTestId('his-partial')).toContainText('过敏史');
  await expect(record.getByTestId('his-patient')).toContainText('李秀英');

  mode = 'normal';
  await record.getByTestId('his-partial').getByRole('button').click();
  await expect(allergies).toContainText('青霉素');
  await expect(record.getByTestId('his-partial')).toHaveCount(0);
});
