import { expect, test } from '@playwright/test';
import { createConsultation, freezeRoomWorker } from '../support/api';
import { connectionState, expectVideoPlaying, openRoomAs, remoteTile, type Participant } from '../support/room';

/** "Connected" means media is flowing: a frozen SFU is never shown as a green "connected" over a still picture. */

const open: Participant[] = [];
let frozenRoom: { baseURL: string; id: string } | null = null;
test.afterEach(async () => {
  if (frozenRoom) await freezeRoomWorker(frozenRoom.baseURL, frozenRoom.id, false);
  frozenRoom = null;
  for (const p of open.splice(0)) await p.context.close();
});

test('a frozen media server shows reconnecting on both sides, and connected again once it answers', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const base = baseURL ?? '';
  const { id } = await createConsultation(base, 'dr.chen', [{ username: 'kiosk.shengsi', role: 'patient_kiosk' }]);
  const expert = await openRoomAs(browser, base, 'dr.chen', id);
  open.push(expert);
  const kiosk = await openRoomAs(browser, base, 'kiosk.shengsi', id);
  open.push(kiosk);
  await expectVideoPlaying(expert.page, 'remote-video', 'patient_kiosk', { timeout: 30_000 });
  await expectVideoPlaying(kiosk.page, 'remote-video', 'expert', { timeout: 30_000 });
  await expect(connectionState(expert.page)).toHaveText('connected');

  frozenRoom = { baseURL: base, id };
  await freezeRoomWorker(base, id, true);
  for (const [page, role] of [
    [expert.page, 'patient_kiosk'],
    [kiosk.page, 'expert'],
  ] as const) {
    await expect(connectionState(page)).toHaveText('reconnecting', { timeout: 10_000 });
    await expect(remoteTile(page, role)).toHaveAttribute('data-media', 'stalled');
    await expect(remoteTile(page, role).getByTestId('tile-media-state')).toBeVisible();
    await expect(page.getByTestId('connection-banner')).toBeVisible();
  }
  // Held frozen a while longer: still never "connected" over the frozen picture.
  await expert.page.waitForTimeout(5000);
  await expect(connectionState(expert.page)).not.toHaveText('connected');
  await expect(connectionState(kiosk.page)).not.toHaveText('connected');

  await freezeRoomWorker(base, id, false);
  frozenRoom = null;
  await expect(connectionState(expert.page)).toHaveText('connected', { timeout: 45_000 });
  await expect(connectionState(kiosk.page)).toHaveText('connected', { timeout: 45_000 });
  await expectVideoPlaying(expert.page, 'remote-video', 'patient_kiosk', { timeout: 30_000 });
  await expect(remoteTile(expert.page, 'patient_kiosk')).toHaveAttribute('data-media', 'flowing');
});
