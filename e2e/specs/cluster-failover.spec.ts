import { expect, test, type Browser } from '@playwright/test';
import { createConsultation } from '../support/api';
import { startCluster, type ClusterNode, type RunningCluster } from '../support/cluster';
import { connectionState, expectVideoPlaying, openRoomAs, type Participant } from '../support/room';

/**
 * Several nodes as users see them: an expert and a patient kiosk in a consultation through the
 * balancer (three nodes, HAProxy, PostgreSQL, Redis). The node holding the room is killed (SIGKILL)
 * or drained (SIGTERM); nobody clicks anything, and both sides must see the other's video moving
 * again within 10 s. The measured figures are printed and attached to the test results.
 */
test.describe.configure({ mode: 'serial' });
test.setTimeout(180_000);

/** The bound: media back for both sides within this, with no click. */
const BOUND_MS = 10_000;

let cluster: RunningCluster;
const open: Participant[] = [];

test.beforeAll(async () => {
  test.setTimeout(300_000);
  cluster = await startCluster(['node1', 'node2', 'node3']);
});

test.afterEach(async () => {
  for (const p of open.splice(0)) await p.context.close();
});

test.afterAll(async () => {
  await cluster?.stop();
});

interface LiveConsultation {
  expert: Participant;
  kiosk: Participant;
  host: ClusterNode;
  /** The consumers each side was showing before the node went. */
  before: { expert: string | null; kiosk: string | null };
}

async function liveConsultation(browser: Browser): Promise<LiveConsultation> {
  const { id } = await createConsultation(cluster.url, 'dr.chen', [{ username: 'kiosk.shengsi', role: 'patient_kiosk' }]);
  const expert = await openRoomAs(browser, cluster.url, 'dr.chen', id);
  open.push(expert);
  const kiosk = await openRoomAs(browser, cluster.url, 'kiosk.shengsi', id);
  open.push(kiosk);
  const [seenByExpert, seenByKiosk] = await Promise.all([
    expectVideoPlaying(expert.page, 'remote-video', 'patient_kiosk', { timeout: 60_000 }),
    expectVideoPlaying(kiosk.page, 'remote-video', 'expert', { timeout: 60_000 }),
  ]);
  return { expert, kiosk, host: await cluster.hostOf(id), before: { expert: seenByExpert.consumerId, kiosk: seenByKiosk.consumerId } };
}

/**
 * When (the page's clock, the same machine's) `p` first decodes new frames from `role` through a
 * consumer other than `before` (the room on another node). Watched in the page every 50 ms, so the
 * figure is not the test runner's polling interval.
 */
function videoReturn(p: Participant, role: string, before: string | null): Promise<number> {
  return p.page.evaluate(
    async ({ role, before }) => {
      const frames = new Map<HTMLVideoElement, number>();
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        for (const el of Array.from(document.querySelectorAll(`video[data-testid="remote-video"][data-peer-role="${role}"]`))) {
          const video = el as HTMLVideoElement;
          if (video.dataset['consumerId'] === before || video.videoWidth === 0) continue;
          const decoded = video.getVideoPlaybackQuality().totalVideoFrames;
          const seen = frames.get(video);
          if (seen !== undefined && decoded > seen) return Date.now();
          frames.set(video, decoded);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return Number.POSITIVE_INFINITY;
    },
    { role, before },
  );
}

function watchVideoReturn(live: LiveConsultation): Promise<[number, number]> {
  return Promise.all([videoReturn(live.expert, 'patient_kiosk', live.before.expert), videoReturn(live.kiosk, 'expert', live.before.kiosk)]);
}

async function expectBackOnBothSides(live: LiveConsultation, back: Promise<[number, number]>, since: number, what: string): Promise<void> {
  const [expertAt, kioskAt] = await back;
  const [expertMs, kioskMs] = [expertAt - since, kioskAt - since];
  const figure = `expert sees the patient again after ${expertMs} ms, the kiosk sees the expert after ${kioskMs} ms`;
  console.info(`[cluster e2e] ${what}: ${figure}`);
  test.info().annotations.push({ type: 'measured', description: `${what}: ${figure}` });
  expect(Math.max(expertMs, kioskMs), `${what}: ${figure}`).toBeLessThan(BOUND_MS);
  // And it keeps playing, with the room saying so.
  await expectVideoPlaying(live.expert.page, 'remote-video', 'patient_kiosk', { notConsumer: live.before.expert });
  await expectVideoPlaying(live.kiosk.page, 'remote-video', 'expert', { notConsumer: live.before.kiosk });
  await expect(connectionState(live.expert.page)).toHaveText('connected');
  await expect(connectionState(live.kiosk.page)).toHaveText('connected');
}

test('the node holding a live consultation is killed: both sides see each other again within 10 s without a click', async ({ browser }) => {
  const live = await liveConsultation(browser);
  const back = watchVideoReturn(live);
  const killedAt = Date.now();
  live.host.child.kill('SIGKILL');
  await expectBackOnBothSides(live, back, killedAt, `SIGKILL ${live.host.name}`);
});

test('the node holding a live consultation is drained (SIGTERM): both sides move within 10 s without a click and the node exits cleanly', async ({ browser }) => {
  const live = await liveConsultation(browser);
  const back = watchVideoReturn(live);
  const termAt = Date.now();
  live.host.child.kill('SIGTERM');
  await expectBackOnBothSides(live, back, termAt, `SIGTERM ${live.host.name}`);
  expect(await live.host.exited, 'a drained node exits 0').toBe(0);
});
