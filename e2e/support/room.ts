import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { loginAs } from './auth';
import { hasLiveRemoteAudio, inboundAudioPackets, recordPeerConnections } from './webrtc';

export interface Participant {
  context: BrowserContext;
  page: Page;
}

/** A new browser (context) logged in through the login page, then opening the consultation room. */
export async function openRoomAs(browser: Browser, baseURL: string, username: string, consultationId: string): Promise<Participant> {
  const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  await recordPeerConnections(context);
  const page = await context.newPage();
  await loginAs(page, username);
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`/room/${consultationId}`);
  return { context, page };
}

export type VideoTestId = 'remote-video' | 'remote-screen' | 'local-video';

export interface VideoState {
  consumerId: string | null;
  width: number;
  /** Whether new frames were decoded during a short observation window. */
  advancing: boolean;
}

/** The first matching `<video>` with a picture, observed for ~400 ms (no waiting when there is none). */
export function videoState(page: Page, testId: VideoTestId, role?: string): Promise<VideoState | null> {
  const selector = `[data-testid="${testId}"]${role ? `[data-peer-role="${role}"]` : ''}`;
  return page.locator(selector).evaluateAll(async (elements) => {
    const videos = (elements as HTMLVideoElement[]).filter((v) => v.videoWidth > 0);
    const video = videos[0];
    if (!video) return null;
    const before = video.getVideoPlaybackQuality().totalVideoFrames;
    await new Promise((resolve) => setTimeout(resolve, 400));
    return { consumerId: video.dataset['consumerId'] ?? null, width: video.videoWidth, advancing: video.getVideoPlaybackQuality().totalVideoFrames > before };
  });
}

/** Waits until a matching video shows moving pictures (optionally from a consumer other than `notConsumer`). */
export async function expectVideoPlaying(page: Page, testId: VideoTestId, role: string | undefined, opts: { timeout?: number; notConsumer?: string | null } = {}): Promise<VideoState> {
  const seen: { state: VideoState | null } = { state: null };
  await expect
    .poll(
      async () => {
        const state = await videoState(page, testId, role);
        seen.state = state;
        return state !== null && state.width > 0 && state.advancing && (opts.notConsumer === undefined || state.consumerId !== opts.notConsumer);
      },
      { timeout: opts.timeout ?? 20_000, message: `${testId} ${role ?? ''} should play` },
    )
    .toBe(true);
  if (!seen.state) throw new Error('unreachable: the poll passed without a video');
  return seen.state;
}

/** Waits until remote audio from `role` is playing and its RTP packet count keeps rising. */
export async function expectAudioFlowing(page: Page, role: string): Promise<void> {
  await expect.poll(() => hasLiveRemoteAudio(page, role), { message: `live <audio> from ${role}` }).toBe(true);
  const start = await inboundAudioPackets(page);
  await expect.poll(() => inboundAudioPackets(page), { message: 'audio packets should keep arriving' }).toBeGreaterThan(start + 20);
}

export function connectionState(page: Page) {
  return page.getByTestId('connection-state');
}

export function remoteTile(page: Page, role: string) {
  return page.locator(`[data-testid="participant-tile"][data-peer-role="${role}"]`);
}

/** How many remote videos of `role` show moving pictures (each observed for ~400 ms). */
export function playingVideoCount(page: Page, role: string): Promise<number> {
  return page.locator(`[data-testid="remote-video"][data-peer-role="${role}"]`).evaluateAll(async (elements) => {
    const videos = (elements as HTMLVideoElement[]).filter((v) => v.videoWidth > 0);
    const before = videos.map((v) => v.getVideoPlaybackQuality().totalVideoFrames);
    await new Promise((resolve) => setTimeout(resolve, 400));
    return videos.filter((v, i) => v.getVideoPlaybackQuality().totalVideoFrames > (before[i] ?? Infinity)).length;
  });
}
