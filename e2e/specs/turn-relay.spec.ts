import { expect, test } from '@playwright/test';
import { startCoturn, type RunningCoturn } from '../../scripts/lib/coturn.mjs';
import { createConsultation } from '../support/api';
import { connectionState, expectAudioFlowing, expectVideoPlaying, openRoomAs, type Participant } from '../support/room';
import { startSecondServer, type SecondServer } from '../support/second-server';

/**
 * A network where UDP to the SFU is blocked: the server is configured with a real coturn (Debian's,
 * `use-auth-secret`) and TURN_RELAY_ONLY, so browsers may only send through the relay. Media must
 * still flow both ways, and every selected ICE candidate pair must be a relayed one.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

let turn: RunningCoturn;
let server: SecondServer;
const open: Participant[] = [];

test.beforeAll(async () => {
  test.setTimeout(180_000);
  turn = await startCoturn();
  server = await startSecondServer({
    TURN_URLS: turn.urls.join(','),
    TURN_SECRET: turn.secret,
    TURN_RELAY_ONLY: 'true',
    // Imaging is not part of this test: no second PACS.
    PACS_DICOMWEB_URL: 'http://127.0.0.1:9/dicom-web',
  });
});

test.afterAll(async () => {
  for (const p of open.splice(0)) await p.context.close();
  await server?.stop();
  await turn?.stop();
});

function selectedCandidateTypes(p: Participant): Promise<string[]> {
  return p.page.evaluate(async () => {
    const types: string[] = [];
    for (const pc of window.__peerConnections ?? []) {
      if (pc.connectionState !== 'connected') continue;
      const report = await pc.getStats();
      const byId = new Map<string, Record<string, unknown>>();
      report.forEach((s: Record<string, unknown>) => byId.set(String(s['id']), s));
      report.forEach((s: Record<string, unknown>) => {
        if (s['type'] === 'transport' && s['selectedCandidatePairId']) {
          const pair = byId.get(String(s['selectedCandidatePairId']));
          const local = pair ? byId.get(String(pair['localCandidateId'])) : undefined;
          types.push(String(local?.['candidateType']));
        }
      });
    }
    return types;
  });
}

test('with UDP to the SFU blocked (relay only), media flows through coturn both ways', async ({ browser }) => {
  const { id } = await createConsultation(server.baseURL, 'dr.chen', [{ username: 'kiosk.shengsi', role: 'patient_kiosk' }]);
  const expert = await openRoomAs(browser, server.baseURL, 'dr.chen', id);
  open.push(expert);
  const kiosk = await openRoomAs(browser, server.baseURL, 'kiosk.shengsi', id);
  open.push(kiosk);

  await expectVideoPlaying(expert.page, 'remote-video', 'patient_kiosk', { timeout: 45_000 });
  await expectVideoPlaying(kiosk.page, 'remote-video', 'expert', { timeout: 45_000 });
  await expectAudioFlowing(expert.page, 'patient_kiosk');
  await expectAudioFlowing(kiosk.page, 'expert');
  await expect(connectionState(expert.page)).toHaveText('connected');
  await expect(connectionState(kiosk.page)).toHaveText('connected');

  for (const p of [expert, kiosk]) {
    const types = await selectedCandidateTypes(p);
    expect(types.length).toBeGreaterThanOrEqual(2); // send and receive transports
    expect(new Set(types)).toEqual(new Set(['relay']));
  }
});
