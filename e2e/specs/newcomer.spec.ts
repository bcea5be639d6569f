import { expect } from '@playwright/test';
import { HealthResponseSchema } from '@cloudclinic/shared';
import { ApiUser, book, institutionId, ownCardiologySession } from '../support/clinic-api';
import { queueRow, test } from '../support/clinic-pages';
import { connectionState, expectAudioFlowing, expectVideoPlaying } from '../support/room';
import { recordPeerConnections } from '../support/webrtc';

// What a newcomer does after the README's Quick start, on the configuration `npm start` gives
// (no RTC_* setting anywhere): a kiosk and an expert on two devices, call-next, media both ways.
test.setTimeout(150_000);

test('with the default configuration, a kiosk patient and the expert see and hear each other', async ({ devices, request }) => {
  const health = HealthResponseSchema.parse(await (await request.get('/api/health')).json());
  expect(health.status).toBe('ok');
  expect(health.media.announced).not.toContain('0.0.0.0');
  expect(health.media.announced).toContain('127.0.0.1');
  expect(health.media.selfTest?.ok).toBe(true);

  const admin = await ApiUser.login(request, 'admin');
  const session = await ownCardiologySession(admin);
  const appt = await book(admin, session.id, { hisPatientId: 'p-0001', patientName: '王建国', institutionId: await institutionId(admin, 'sscph') });

  const expert = await devices.open('dr.chen', /\/expert/, recordPeerConnections);
  const kiosk = await devices.open('kiosk.shengsi', /\/kiosk/, recordPeerConnections);
  await expert.goto(`/expert?session=${session.id}`);
  // Check-in, consent, and the device check, whose video round trip goes through the SFU.
  await kiosk.getByTestId('kiosk-checkin-code').fill(appt.code);
  await kiosk.getByTestId('kiosk-checkin-submit').click();
  await kiosk.getByTestId('consent-accept').click();
  await expect(kiosk.getByTestId('check-loopback')).toHaveAttribute('data-status', 'ok', { timeout: 20_000 });
  await expect(kiosk.getByTestId('check-loopback')).toContainText(/视频往返正常：延迟 \d+ 毫秒/);
  await kiosk.getByTestId('device-check-continue').click();
  await expect(kiosk.getByTestId('queue-position')).toBeVisible();
  await expect(queueRow(expert, appt.id)).toHaveAttribute('data-status', 'checked_in');
  await expert.getByTestId('btn-call-next').click();
  await expect(expert).toHaveURL(/\/expert\/consultations\//);

  // Moving pictures and rising audio packets on both sides, and only then "connected".
  await expectVideoPlaying(kiosk, 'remote-video', 'expert', { timeout: 30_000 });
  await expectVideoPlaying(expert, 'remote-video', 'patient_kiosk', { timeout: 30_000 });
  await expectAudioFlowing(kiosk, 'expert');
  await expectAudioFlowing(expert, 'patient_kiosk');
  await expect(connectionState(expert)).toHaveText('connected');
  await expect(connectionState(kiosk)).toHaveText('connected');
  await expect(expert.getByTestId('tile-media-state')).toHaveCount(0);
});
