import { expect, test } from '@playwright/test';
import { createConsultation } from '../support/api';
import { connectionState, openRoomAs, type Participant } from '../support/room';

/**
 * Live second source: the county doctor sends a second video source (an ultrasound capture device;
 * here Chromium's one fake camera a second time) next to the camera; the expert marks it and the
 * county doctor sees the marks over their own preview of that source.
 */

const open: Participant[] = [];
test.afterEach(async () => {
  for (const p of open.splice(0)) await p.context.close();
});

test('the expert marks the county doctor’s second video source; the sender sees the marks', async ({ browser, baseURL }) => {
  const base = baseURL ?? '';
  const { id } = await createConsultation(base, 'dr.chen', [{ username: 'doc.wang', role: 'local_doctor' }]);
  const expert = await openRoomAs(browser, base, 'dr.chen', id);
  open.push(expert);
  const county = await openRoomAs(browser, base, 'doc.wang', id);
  open.push(county);
  await expect(connectionState(expert.page)).toHaveText('connected');
  await expect(connectionState(county.page)).toHaveText('connected');

  // The county doctor switches the second source on: their own preview appears, the expert receives it.
  const toggle = county.page.getByTestId('btn-camera2');
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(toggle).toBeEnabled();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  const preview = county.page.getByTestId('local-camera2');
  await expect(preview).toBeVisible();
  await expect.poll(() => preview.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
  const remote = expert.page.getByTestId('remote-camera2');
  await expect(remote).toBeVisible();
  await expect.poll(() => remote.evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 15_000 }).toBeGreaterThan(0);

  // The expert draws an arrow on it (arrow is the default tool; chosen explicitly anyway).
  const tile = expert.page.locator('figure.tile--camera2');
  const arrow = tile.getByTestId('annot-tool-arrow');
  if ((await arrow.getAttribute('aria-pressed')) !== 'true') await arrow.click();
  const canvas = tile.getByTestId('camera2-annotation-canvas');
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no camera2 annotation canvas');
  await expert.page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
  await expert.page.mouse.down();
  await expert.page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.75, { steps: 5 });
  await expert.page.mouse.up();
  await expect(canvas).toHaveAttribute('data-marks', '1');

  // The sender sees it over their own preview: one mark, painted (non-transparent pixels).
  const overlay = county.page.getByTestId('camera2-marks-overlay');
  await expect(overlay).toHaveAttribute('data-marks', '1', { timeout: 5000 });
  const painted = await overlay.evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    if (d) for (let i = 3; i < d.length; i += 4) if ((d[i] ?? 0) > 0) n += 1;
    return n;
  });
  expect(painted).toBeGreaterThan(0);
  // The camera marks channel is untouched: the field doctor's AR overlay is not involved here.
  await expect(county.page.getByTestId('ar-overlay')).toHaveCount(0);

  // Undo on the expert's side removes it on the sender's; stopping the source removes the preview.
  await tile.getByTestId('annot-undo').click();
  await expect(overlay).toHaveAttribute('data-marks', '0', { timeout: 5000 });
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await expect(preview).toHaveCount(0);
  await expect(remote).toHaveCount(0, { timeout: 10_000 });
});
