import { expect, test } from '@playwright/test';
import { createConsultation, killRoomWorker } from '../support/api';
import { connectionState, expectAudioFlowing, expectVideoPlaying, openRoomAs, remoteTile, type Participant } from '../support/room';

/**
 * The consultation room in real Chromium (fake camera and microphone) against the real server and
 * its mediasoup workers: media both ways, mute and screen share, recovery from a network drop and
 * from an SFU worker crash, a late joiner, and a user who is not a participant.
 */

const open: Participant[] = [];
test.afterEach(async () => {
  for (const p of open.splice(0)) await p.context.close();
});

async function join(browser: Parameters<typeof openRoomAs>[0], baseURL: string | undefined, username: string, consultationId: string) {
  const participant = await openRoomAs(browser, baseURL ?? '', username, consultationId);
  open.push(participant);
  return participant;
}

async function expertAndKiosk(browser: Parameters<typeof openRoomAs>[0], baseURL: string | undefined) {
  const { id } = await createConsultation(baseURL ?? '', 'dr.chen', [{ username: 'kiosk.shengsi', role: 'patient_kiosk' }]);
  const expert = await join(browser, baseURL, 'dr.chen', id);
  const kiosk = await join(browser, baseURL, 'kiosk.shengsi', id);
  await expect(connectionState(expert.page)).toHaveText('connected');
  await expect(connectionState(kiosk.page)).toHaveText('connected');
  return { id, expert, kiosk };
}

test('expert and patient kiosk see and hear each other', async ({ browser, baseURL }) => {
  const { expert, kiosk } = await expertAndKiosk(browser, baseURL);

  await expectVideoPlaying(expert.page, 'local-video', undefined);
  await expectVideoPlaying(expert.page, 'remote-video', 'patient_kiosk');
  await expectVideoPlaying(kiosk.page, 'remote-video', 'expert');
  await expectAudioFlowing(expert.page, 'patient_kiosk');
  await expectAudioFlowing(kiosk.page, 'expert');

  await expect(remoteTile(expert.page, 'patient_kiosk')).toContainText('患者(诊室)');
  await expect(remoteTile(expert.page, 'patient_kiosk')).toContainText('嵊泗县人民医院');
  await expect(remoteTile(kiosk.page, 'expert')).toContainText('专家');
  await expect(remoteTile(kiosk.page, 'expert')).toContainText('陈建华');
});

test('mute, camera off, audio-only and screen share on one side show on the other', async ({ browser, baseURL }) => {
  const { expert, kiosk } = await expertAndKiosk(browser, baseURL);
  const kioskTile = remoteTile(expert.page, 'patient_kiosk');
  await expect(kioskTile).toHaveAttribute('data-muted', 'false');

  const mic = kiosk.page.getByTestId('btn-mic');
  await expect(mic).toHaveAttribute('aria-pressed', 'true');
  await mic.click();
  await expect(mic).toHaveAttribute('aria-pressed', 'false');
  await expect(kioskTile).toHaveAttribute('data-muted', 'true');
  await mic.click();
  await expect(kioskTile).toHaveAttribute('data-muted', 'false');

  const camera = kiosk.page.getByTestId('btn-camera');
  await camera.click();
  await expect(camera).toHaveAttribute('aria-pressed', 'false');
  await expect(kiosk.page.getByTestId('local-video')).toHaveCount(0);
  await expect(kioskTile).toHaveAttribute('data-camera-off', 'true');
  await expect(expert.page.getByTestId('remote-video')).toHaveCount(0);
  await camera.click();
  await expectVideoPlaying(expert.page, 'remote-video', 'patient_kiosk');

  // Audio-only (weak island links): the expert neither sends nor receives video, but still hears.
  const audioOnly = expert.page.getByTestId('btn-audio-only');
  await audioOnly.click();
  await expect(audioOnly).toHaveAttribute('aria-pressed', 'true');
  await expect(expert.page.getByTestId('remote-video')).toHaveCount(0);
  await expect(remoteTile(kiosk.page, 'expert')).toHaveAttribute('data-camera-off', 'true');
  await audioOnly.click();
  await expectVideoPlaying(expert.page, 'remote-video', 'patient_kiosk');
  await expectVideoPlaying(kiosk.page, 'remote-video', 'expert');

  const share = expert.page.getByTestId('btn-share');
  await share.click();
  await expect(share).toHaveAttribute('aria-pressed', 'true');
  await expectVideoPlaying(kiosk.page, 'remote-screen', 'expert');
  await share.click();
  await expect(kiosk.page.getByTestId('remote-screen')).toHaveCount(0);
});

test('a 10 s network outage recovers by itself', async ({ browser, baseURL }) => {
  const { expert, kiosk } = await expertAndKiosk(browser, baseURL);
  await expectVideoPlaying(kiosk.page, 'remote-video', 'expert');

  const offlineAt = Date.now();
  await kiosk.context.setOffline(true);
  await expect(connectionState(kiosk.page)).toHaveText('reconnecting');
  // The outage itself lasts 10 s (the scenario, not a wait for the app).
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, 10_000 - (Date.now() - offlineAt))));
  await kiosk.context.setOffline(false);

  await expect(connectionState(kiosk.page)).toHaveText('connected', { timeout: 10_000 });
  await expectVideoPlaying(kiosk.page, 'remote-video', 'expert', { timeout: 10_000 });
  await expectVideoPlaying(expert.page, 'remote-video', 'patient_kiosk', { timeout: 10_000 });
  await expect(connectionState(expert.page)).toHaveText('connected');
});

test('media comes back on both sides after the room’s SFU worker is killed', async ({ browser, baseURL }) => {
  const { id, expert, kiosk } = await expertAndKiosk(browser, baseURL);
  const before = {
    expert: await expectVideoPlaying(expert.page, 'remote-video', 'patient_kiosk'),
    kiosk: await expectVideoPlaying(kiosk.page, 'remote-video', 'expert'),
  };

  await killRoomWorker(baseURL ?? '', id);

  // New consumers (a rejoined room on a live worker) with moving pictures, without any click.
  await expectVideoPlaying(expert.page, 'remote-video', 'patient_kiosk', { timeout: 10_000, notConsumer: before.expert.consumerId });
  await expectVideoPlaying(kiosk.page, 'remote-video', 'expert', { timeout: 10_000, notConsumer: before.kiosk.consumerId });
  await expect(connectionState(expert.page)).toHaveText('connected');
  await expect(connectionState(kiosk.page)).toHaveText('connected');
});

test('a county doctor joining late sees the expert and the patient', async ({ browser, baseURL }) => {
  const { id, expert } = await expertAndKiosk(browser, baseURL);
  const doctor = await join(browser, baseURL, 'doc.wang', id);

  await expectVideoPlaying(doctor.page, 'remote-video', 'expert');
  await expectVideoPlaying(doctor.page, 'remote-video', 'patient_kiosk');
  await expect(remoteTile(doctor.page, 'expert')).toContainText('专家');
  await expect(remoteTile(doctor.page, 'patient_kiosk')).toContainText('患者(诊室)');
  await expectVideoPlaying(expert.page, 'remote-video', 'local_doctor');
  await expect(remoteTile(expert.page, 'local_doctor')).toContainText('当地医生');
});

test('an expert who is not a participant is refused', async ({ browser, baseURL }) => {
  const { id } = await createConsultation(baseURL ?? '', 'dr.chen', [{ username: 'kiosk.shengsi', role: 'patient_kiosk' }]);
  const outsider = await join(browser, baseURL, 'dr.lin', id);

  const error = outsider.page.getByTestId('room-error');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('data-reason', 'forbidden');
  await expect(error).toContainText('您不是本次问诊的参与者');
  await expect(connectionState(outsider.page)).toHaveText('failed');
  await expect(outsider.page.getByTestId('remote-video')).toHaveCount(0);
});

