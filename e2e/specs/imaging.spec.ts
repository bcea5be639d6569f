import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { ConsultationViewSchema } from '@cloudclinic/shared';
import { scheduledRequest, apiLogin } from '../support/api';
import { loginAs } from '../support/auth';
import { presentSeries, scrollSlices, sliceIndex } from '../support/imaging';

/**
 * Shared imaging (共享阅片) in real Chromium against the real server and the embedded Orthanc
 * seeded with the demo studies: the expert presents an MR series and scrolls, the patient
 * kiosk's viewer follows slice by slice (joining late, it lands where the expert is), the
 * presenter role passes to the county doctor, and the expert's viewer follows back.
 */

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

/** Patient p-0002 (李秀英) has her studies stored in GB18030: the overlay must still read 李秀英. */
async function consultationFor(baseURL: string, hisPatientId: 'p-0001' | 'p-0002'): Promise<string> {
  const expert = await apiLogin(baseURL, 'dr.chen');
  const kiosk = await apiLogin(baseURL, 'kiosk.shengsi');
  const county = await apiLogin(baseURL, 'doc.wang');
  const requestId = await scheduledRequest(baseURL, expert, hisPatientId);
  const res = await fetch(new URL('/api/consultations', baseURL), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${expert.accessToken}` },
    body: JSON.stringify({
      hisPatientId,
      requestId,
      institutionId: kiosk.user.institution.id,
      invite: [
        { userId: kiosk.user.id, role: 'patient_kiosk' },
        { userId: county.user.id, role: 'local_doctor' },
      ],
    }),
  });
  expect(res.status).toBe(201);
  return ConsultationViewSchema.parse(await res.json()).id;
}

async function openAs(browser: Browser, username: string, path: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  await loginAs(page, username);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(path);
  return page;
}

test('the expert presents and scrolls, the kiosk follows; the county doctor takes over and the expert follows back', async ({ browser, baseURL }) => {
  const id = await consultationFor(baseURL ?? '', 'p-0002');

  // The expert opens the imaging tab of the consultation page (Cornerstone loads on demand).
  const expert = await openAs(browser, 'dr.chen', `/expert/consultations/${id}`);
  await expert.getByTestId('tab-imaging').click();
  const viewer = expert.getByTestId('imaging-viewer');
  await expect(viewer).toBeVisible();
  await expect(expert.getByTestId('imaging-series')).toHaveCount(3); // US cine, MR T2, MR T1
  await expect(expert.getByTestId('imaging-patient-name').first()).toHaveText('李秀英');

  await presentSeries(expert, 'T2WI', 20);
  await scrollSlices(expert, 7);
  await expect(sliceIndex(expert)).toHaveText('8');

  // The kiosk joins late and lands on the expert's slice, then follows each move.
  const kiosk = await openAs(browser, 'kiosk.shengsi', `/imaging/${id}`);
  await expect(kiosk.getByTestId('imaging-presenter-status')).toContainText('陈建华 正在主讲');
  await expect(kiosk.getByTestId('imaging-series').filter({ hasText: 'T2WI' })).toHaveAttribute('aria-pressed', 'true');
  await expect(sliceIndex(kiosk)).toHaveText('8');
  await expect(kiosk.getByTestId('imaging-patient-name')).toHaveText('李秀英');
  await scrollSlices(expert, 5);
  await expect(sliceIndex(expert)).toHaveText('13');
  await expect(sliceIndex(kiosk)).toHaveText('13');

  // The county doctor joins; the expert hands the presenter role over.
  const county = await openAs(browser, 'doc.wang', `/imaging/${id}`);
  await expect(sliceIndex(county)).toHaveText('13');
  await expert.getByTestId('imaging-handover').selectOption({ label: '交给 王海东' });
  await expect(county.getByTestId('imaging-presenter-status')).toContainText('您正在主讲');
  await expect(expert.getByTestId('imaging-presenter-status')).toContainText('王海东 正在主讲');

  // Now the expert follows the county doctor (and so does the kiosk).
  await scrollSlices(county, -9);
  await expect(sliceIndex(county)).toHaveText('4');
  await expect(sliceIndex(expert)).toHaveText('4');
  await expect(sliceIndex(kiosk)).toHaveText('4');
});

test('followers get the window, the measurements and the pointer of the presenter', async ({ browser, baseURL }) => {
  const id = await consultationFor(baseURL ?? '', 'p-0001');
  const expert = await openAs(browser, 'dr.chen', `/imaging/${id}`);
  await presentSeries(expert, '胸部平扫', 40);
  await expect(expert.getByTestId('imaging-patient-name')).toHaveText('王建国');
  await scrollSlices(expert, 12);
  await expert.getByTestId('imaging-preset-lung').click();
  await expect(expert.getByTestId('imaging-voi')).toHaveText('窗宽 1500 / 窗位 -600');

  const kiosk = await openAs(browser, 'kiosk.shengsi', `/imaging/${id}`);
  await expect(sliceIndex(kiosk)).toHaveText('13');
  await expect(kiosk.getByTestId('imaging-voi')).toHaveText('窗宽 1500 / 窗位 -600');

  // A length measurement drawn by the presenter appears, with its value, on the follower.
  await expert.getByTestId('imaging-tool-length').click();
  const box = await expert.getByTestId('imaging-viewport').boundingBox();
  if (!box) throw new Error('no viewport');
  await expert.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.45);
  await expert.mouse.down();
  await expert.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.5, { steps: 6 });
  await expert.mouse.up();
  const lengthText = async (page: Page) => (await page.getByTestId('imaging-viewport').locator('svg text', { hasText: 'mm' }).allTextContents()).map((s) => s.trim());
  await expect.poll(() => lengthText(expert)).toHaveLength(1);
  // The expert's label settles on the next frame after the drag; the follower shows the same length.
  await expect.poll(async () => JSON.stringify(await lengthText(kiosk)) === JSON.stringify(await lengthText(expert))).toBe(true);
  expect((await lengthText(kiosk))[0]).toMatch(/^\d+(\.\d)? mm$/);

  // The presenter's pointer shows on the follower's image.
  await expert.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.6, { steps: 3 });
  await expect(kiosk.getByTestId('imaging-pointer')).toBeVisible();

  // Zoom follows too.
  await expect(kiosk.getByTestId('imaging-zoom')).toHaveText('缩放 1.00×');
  await expert.getByTestId('imaging-tool-zoom').click();
  // Dragged well away from the length measurement, which would otherwise take the drag.
  await expert.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.8);
  await expert.mouse.down();
  await expert.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.55, { steps: 8 });
  await expert.mouse.up();
  // The label follows the drag on the next frame.
  await expect(expert.getByTestId('imaging-zoom')).not.toHaveText('缩放 1.00×');
  const zoomed = (await expert.getByTestId('imaging-zoom').textContent()) ?? '';
  await expect(kiosk.getByTestId('imaging-zoom')).toHaveText(zoomed);
  await expect(sliceIndex(kiosk)).toHaveText('13');
});
