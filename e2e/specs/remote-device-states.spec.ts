import { expect, test, type BrowserContext } from '@playwright/test';
import { createConsultation } from '../support/api';
import { loginAs } from '../support/auth';
import { expectAudioFlowing, openRoomAs, remoteTile } from '../support/room';

/**
 * What the other side's tile says when a participant sends no video: a camera turned off, a camera
 * permission the browser refused and a machine with no camera are three different messages.
 */

const contexts: BrowserContext[] = [];
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
});

/** The kiosk's browser answers every camera request as a refused permission (or a missing device). */
async function kioskWhoseCamera(browser: Parameters<typeof openRoomAs>[0], baseURL: string, consultationId: string, errorName: 'NotAllowedError' | 'NotFoundError') {
  const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  contexts.push(context);
  await context.addInitScript((name) => {
    const devices = navigator.mediaDevices;
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = (constraints) => (constraints?.video ? Promise.reject(new DOMException('refused by the test', name)) : original(constraints));
  }, errorName);
  const page = await context.newPage();
  await loginAs(page, 'kiosk.shengsi');
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/room/${consultationId}`);
  return page;
}

for (const [errorName, status, text] of [
  ['NotAllowedError', 'denied', '对方未允许使用摄像头'],
  ['NotFoundError', 'missing', '对方没有可用的摄像头'],
] as const) {
  test(`a kiosk camera that fails with ${errorName} reads "${text}" on the expert's tile, not "camera off"; audio still flows`, async ({ browser, baseURL }) => {
    const { id } = await createConsultation(baseURL ?? '', 'dr.chen', [{ username: 'kiosk.shengsi', role: 'patient_kiosk' }]);
    const expert = await openRoomAs(browser, baseURL ?? '', 'dr.chen', id);
    contexts.push(expert.context);
    await kioskWhoseCamera(browser, baseURL ?? '', id, errorName);
    const tile = remoteTile(expert.page, 'patient_kiosk');
    await expect(tile).toHaveAttribute('data-camera-status', status, { timeout: 15_000 });
    await expect(tile.getByTestId('tile-camera-state')).toHaveText(text);
    await expect(tile).toHaveAttribute('data-mic-status', 'on');
    await expectAudioFlowing(expert.page, 'patient_kiosk');
    // Never the generic "nothing received" over a participant whose microphone works.
    await expect(tile.getByTestId('tile-media-state')).toHaveCount(0);
  });
}

test('a camera turned off by its user reads "camera off" on the other side', async ({ browser, baseURL }) => {
  const { id } = await createConsultation(baseURL ?? '', 'dr.chen', [{ username: 'kiosk.shengsi', role: 'patient_kiosk' }]);
  const expert = await openRoomAs(browser, baseURL ?? '', 'dr.chen', id);
  const kiosk = await openRoomAs(browser, baseURL ?? '', 'kiosk.shengsi', id);
  contexts.push(expert.context, kiosk.context);
  const tile = remoteTile(expert.page, 'patient_kiosk');
  await expect(tile).toHaveAttribute('data-camera-status', 'on', { timeout: 15_000 });
  await kiosk.page.getByTestId('btn-camera').click();
  await expect(tile).toHaveAttribute('data-camera-status', 'off');
  await expect(tile.getByTestId('tile-camera-state')).toHaveText('摄像头已关闭');
});

test('audio-only chosen by the other side reads "audio only", not poor network or camera off; back to video after', async ({ browser, baseURL }) => {
  const { id } = await createConsultation(baseURL ?? '', 'dr.chen', [{ username: 'kiosk.shengsi', role: 'patient_kiosk' }]);
  const expert = await openRoomAs(browser, baseURL ?? '', 'dr.chen', id);
  const kiosk = await openRoomAs(browser, baseURL ?? '', 'kiosk.shengsi', id);
  contexts.push(expert.context, kiosk.context);
  const tile = remoteTile(expert.page, 'patient_kiosk');
  await expect(tile).toHaveAttribute('data-camera-status', 'on', { timeout: 15_000 });
  await kiosk.page.getByTestId('btn-audio-only').click();
  await expect(tile).toHaveAttribute('data-audio-only', 'chosen');
  await expect(tile).toHaveAttribute('data-video-note', 'audioOnlyChosen');
  await expect(tile.getByTestId('tile-camera-state')).toHaveText('仅语音（对方选择不发送视频）');
  await expect(tile).not.toContainText('网络较差');
  await expectAudioFlowing(expert.page, 'patient_kiosk');
  await kiosk.page.getByTestId('btn-audio-only').click();
  await expect(tile).toHaveAttribute('data-audio-only', 'no');
  await expect(tile.getByTestId('remote-video')).toBeVisible({ timeout: 15_000 });
});
