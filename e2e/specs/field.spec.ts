import crypto from 'node:crypto';
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { InvitationViewSchema } from '@cloudclinic/shared';
import { apiLogin } from '../support/api';
import { loginAs } from '../support/auth';
import { expertInvites as invite, fieldConsultation, fieldSignsInAndJoins, openInvite, PHONE } from '../support/field';
import { LinkEmulator } from '../support/link-emulator';
import { expectAudioFlowing } from '../support/room';
import { inboundAudioPackets, recordPeerConnections } from '../support/webrtc';

/**
 * Field medicine in real Chromium with fake camera and microphone: the field doctor on a phone-sized
 * screen joins by the expert's invitation link; the expert sees the video and the live vitals and
 * draws marks that appear on the field doctor's view; under a bad (then collapsing) link the field
 * client keeps the voice, falls back to audio-only and recovers, and the vitals never go backwards.
 */

const contexts: BrowserContext[] = [];
const emulators: LinkEmulator[] = [];
test.afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close();
  for (const e of emulators.splice(0)) await e.close();
});

async function api(baseURL: string, path: string, token: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(new URL(path, baseURL), {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as unknown) : null };
}

async function newContext(browser: Browser, baseURL: string, phone: boolean): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL, permissions: ['camera', 'microphone'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...(phone ? PHONE : { viewport: { width: 1440, height: 900 } }) });
  await recordPeerConnections(context);
  contexts.push(context);
  return context;
}

/** The expert in the consultation page creates an invitation there and reads its link. */
async function expertInvites(browser: Browser, baseURL: string, consultationId: string): Promise<{ page: Page; invitePath: string }> {
  const page = await (await newContext(browser, baseURL, false)).newPage();
  return { page, invitePath: await invite(page, consultationId) };
}

/** The field doctor opens the link on the phone (signed out), logs in, and lands in the consultation. */
async function fieldJoins(context: BrowserContext, invitePath: string, consultationId: string): Promise<Page> {
  const page = await openInvite(context, invitePath);
  await fieldSignsInAndJoins(page, consultationId);
  return page;
}

async function numberIn(page: Page, testId: string): Promise<number> {
  return Number(await page.getByTestId(testId).textContent());
}

/** Samples the expert's vitals sequence numbers until stopped: they must never go backwards. */
function watchOrdering(page: Page) {
  const seen: { numbers: number; ecg: number }[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const panel = page.getByTestId('vitals-panel');
      const [n, e] = await Promise.all([panel.getAttribute('data-numbers-seq'), panel.getAttribute('data-ecg-seq')]).catch(() => [null, null]);
      if (n !== null && e !== null) seen.push({ numbers: Number(n), ecg: Number(e) });
      await new Promise((r) => setTimeout(r, 150));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      for (let i = 1; i < seen.length; i += 1) {
        expect(seen[i]!.numbers, 'numbers rendered out of order').toBeGreaterThanOrEqual(seen[i - 1]!.numbers);
        expect(seen[i]!.ecg, 'ECG rendered out of order').toBeGreaterThanOrEqual(seen[i - 1]!.ecg);
      }
      return seen;
    },
  };
}

test('the field doctor joins by invite link; the expert sees video and live vitals, and a mark reaches the field view within 300 ms', async ({ browser, baseURL }) => {
  const base = baseURL ?? '';
  const { id, expertToken } = await fieldConsultation(base);
  const { page: expert, invitePath } = await expertInvites(browser, base, id);
  const field = await fieldJoins(await newContext(browser, base, true), invitePath, id);

  // The field doctor's own view fills the phone; the expert sees it in the field panel.
  await expect(field.getByTestId('field-local-video')).toBeVisible();
  await expect(expert.getByTestId('field-assist')).toBeVisible({ timeout: 20_000 });
  await expect.poll(() => expert.getByTestId('field-video').evaluate((v: HTMLVideoElement) => v.videoWidth), { timeout: 20_000 }).toBeGreaterThan(0);
  await expectAudioFlowing(expert, 'field_doctor');

  // Live vitals: numbers that update and a sweeping ECG fed by frames.
  await expect.poll(() => numberIn(expert, 'vitals-hr'), { timeout: 15_000 }).toBeGreaterThan(30);
  await expect.poll(() => numberIn(expert, 'vitals-spo2')).toBeGreaterThan(80);
  await expect(expert.getByTestId('vitals-ecg')).toBeVisible();
  const panel = expert.getByTestId('vitals-panel');
  const seq0 = Number(await panel.getAttribute('data-numbers-seq'));
  const frames0 = Number(await panel.getAttribute('data-ecg-frames'));
  await expect.poll(async () => Number(await panel.getAttribute('data-numbers-seq'))).toBeGreaterThan(seq0 + 1);
  expect(Number(await panel.getAttribute('data-ecg-frames'))).toBeGreaterThan(frames0 + 20);

  // A deterioration on the monitor raises the alarm on the expert's screen.
  await field.getByTestId('vitals-scenario').selectOption('tachycardia');
  await expect(expert.getByTestId('vitals-alarms')).toContainText('心率过快', { timeout: 60_000 });

  // The expert draws an arrow on the field video; it shows on the field doctor's own view.
  const overlay = field.getByTestId('ar-overlay');
  await overlay.evaluate((el) => {
    const w = window as unknown as { __marksAt?: number };
    new MutationObserver(() => {
      if (el.getAttribute('data-marks') === '1' && w.__marksAt === undefined) w.__marksAt = Date.now();
    }).observe(el, { attributes: true });
  });
  const canvas = expert.getByTestId('annotation-canvas');
  await canvas.evaluate((el) => el.addEventListener('pointerup', () => ((window as unknown as { __upAt?: number }).__upAt = Date.now()), { capture: true, once: true }));
  const canvasBox = await canvas.boundingBox();
  if (!canvasBox) throw new Error('no annotation canvas');
  // Draw on the picture itself: the video is shown whole (contain), so the canvas may have bars around it.
  const frame = await expert.getByTestId('field-video').evaluate((v: HTMLVideoElement) => ({ w: v.videoWidth, h: v.videoHeight }));
  const scale = Math.min(canvasBox.width / frame.w, canvasBox.height / frame.h);
  const box = { width: frame.w * scale, height: frame.h * scale, x: 0, y: 0 };
  box.x = canvasBox.x + (canvasBox.width - box.width) / 2;
  box.y = canvasBox.y + (canvasBox.height - box.height) / 2;
  await expert.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.3);
  await expert.mouse.down();
  await expert.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5, { steps: 5 });
  await expert.mouse.up();
  await expect(overlay).toHaveAttribute('data-marks', '1', { timeout: 2000 });
  const upAt = await expert.evaluate(() => (window as unknown as { __upAt?: number }).__upAt ?? 0);
  const shownAt = await field.evaluate(() => (window as unknown as { __marksAt?: number }).__marksAt ?? 0);
  expect(upAt).toBeGreaterThan(0);
  test.info().annotations.push({ type: 'mark latency', description: `${shownAt - upAt} ms` });
  expect(shownAt - upAt, 'mark latency (ms)').toBeLessThan(300);
  // …at the same place of the picture: the arrow's middle (40 %, 40 % of the frame) is painted red.
  // The overlay repaints on the next animation frame: poll for the red pixels.
  const painted = () => field.evaluate(() => {
    const video = document.querySelector<HTMLVideoElement>('[data-testid="field-local-video"]');
    const c = document.querySelector<HTMLCanvasElement>('[data-testid="ar-overlay"]');
    const ctx = c?.getContext('2d');
    if (!video || !c || !ctx) return null;
    const scale = Math.min(c.width / video.videoWidth, c.height / video.videoHeight);
    const w = video.videoWidth * scale;
    const h = video.videoHeight * scale;
    const x = Math.round((c.width - w) / 2 + w * 0.4);
    const y = Math.round((c.height - h) / 2 + h * 0.4);
    const d = ctx.getImageData(x - 3, y - 3, 7, 7).data;
    let red = 0;
    for (let i = 0; i < d.length; i += 4) if ((d[i] ?? 0) > 200 && (d[i + 1] ?? 0) < 120 && (d[i + 3] ?? 0) > 100) red += 1;
    return red;
  });
  await expect.poll(painted, { timeout: 10_000 }).toBeGreaterThan(0); // where, not how fast: the latency is checked above

  // Undo clears it on the field view too; a snapshot of the marked frame goes into the record.
  await expert.getByTestId('annot-undo').click();
  await expect(overlay).toHaveAttribute('data-marks', '0');
  await expert.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.2);
  await expert.mouse.down();
  await expert.mouse.move(box.x + box.width * 0.7, box.y + box.height * 0.4, { steps: 5 });
  await expert.mouse.up();
  await expect(overlay).toHaveAttribute('data-marks', '1');
  await expert.getByTestId('annot-snapshot').click();
  await expect(expert.getByTestId('snapshot-saved')).toBeVisible();
  const attachments = await api(base, `/api/consultations/${id}/attachments`, expertToken);
  expect(attachments.json).toMatchObject({ attachments: [{ kind: 'annotated_snapshot', mime: 'image/jpeg' }] });
});

test('on a bad link the voice keeps flowing, the field client falls back to audio-only and recovers, and vitals never go backwards', async ({ browser, baseURL }) => {
  test.setTimeout(300_000);
  const base = baseURL ?? '';
  const { id, expertToken } = await fieldConsultation(base);
  const { page: expert, invitePath } = await expertInvites(browser, base, id);
  const link = new LinkEmulator();
  emulators.push(link);
  const fieldContext = await newContext(browser, base, true);
  await link.attach(fieldContext); // only the field doctor's media crosses the emulated link
  const field = await fieldJoins(fieldContext, invitePath, id);
  await expect.poll(() => expert.getByTestId('field-video').evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 20_000 }).toBeGreaterThan(0);
  await expect.poll(() => numberIn(expert, 'vitals-hr'), { timeout: 15_000 }).toBeGreaterThan(30);
  expect(link.up.passed, 'the field media goes through the emulated link').toBeGreaterThan(100);
  const ordering = watchOrdering(expert);
  const mode = field.getByTestId('link-mode');
  // What the fall back decided from (RTT, loss, bandwidth estimate), attached to the report.
  const samples: string[] = [];
  const trace = setInterval(() => {
    void mode
      .evaluate((el) => ({ ...el.dataset }))
      .then((d) => samples.push(JSON.stringify({ at: new Date().toISOString(), ...d, relayDropped: link.up.dropped + link.down.dropped })))
      .catch(() => undefined);
  }, 1000);
  try {
    await expect(mode).toHaveAttribute('data-mode', 'video');

    // A bad link: 300 ms RTT, 3 % loss, 500 kbps (and some jitter). The sender's bandwidth estimate
    // sinks under what video needs: the client falls back to audio-only by itself, the voice and the
    // vitals keep coming, and it stays on audio while the link stays bad (no flapping).
    link.set({ delayMs: 150, jitterMs: 10, loss: 0.03, rateKbps: 500, queueMs: 300 });
    const audioBefore = await inboundAudioPackets(expert);
    const numbersBefore = Number(await expert.getByTestId('vitals-panel').getAttribute('data-numbers-seq'));
    await expect(mode).toHaveAttribute('data-mode', 'audio', { timeout: 60_000 });
    await expect(mode).toHaveAttribute('data-auto', 'audio'); // decided from the stats, not by hand
    // …and the phone says so: the automatic fall back, not the doctor's own choice.
    await expect(field.getByTestId('audio-only-notice')).toHaveAttribute('data-cause', 'automatic');
    await expect(field.getByTestId('audio-only-notice')).toContainText('网络较差');
    await expect(expert.getByTestId('field-audio-only')).toBeVisible({ timeout: 20_000 });
    await expect(expert.getByTestId('field-audio-only')).toHaveAttribute('data-video-note', 'audioOnlyPoorLink'); // the link, not a choice
    await expect.poll(() => inboundAudioPackets(expert), { timeout: 20_000, message: 'the voice keeps flowing' }).toBeGreaterThan(audioBefore + 200);
    await expect.poll(async () => Number(await expert.getByTestId('vitals-panel').getAttribute('data-numbers-seq')), { timeout: 20_000 }).toBeGreaterThan(numbersBefore + 8);
    for (let i = 0; i < 12; i += 1) {
      await expect(mode).toHaveAttribute('data-mode', 'audio', { timeout: 100 });
      await field.waitForTimeout(1000);
    }

    // The link recovers: video comes back by itself after the hold.
    link.set({ delayMs: 20, jitterMs: 5, loss: 0, rateKbps: null, queueMs: 200 });
    await expect(mode).toHaveAttribute('data-mode', 'video', { timeout: 60_000 });
    await expect.poll(() => expert.getByTestId('field-video').evaluate((v: HTMLVideoElement) => v.videoWidth).catch(() => 0), { timeout: 30_000 }).toBeGreaterThan(0);
  } finally {
    clearInterval(trace);
    await test.info().attach('link-samples', { body: samples.join('\n'), contentType: 'text/plain' });
  }

  const seen = await ordering.stop();
  expect(seen.length).toBeGreaterThan(100);
  expect(seen[seen.length - 1]!.numbers).toBeGreaterThan(seen[0]!.numbers);

  // Readings go into the record every 30 s: at least one, however fast the link recovered.
  const readings = async () => ((await api(base, `/api/consultations/${id}/vitals`, expertToken)).json as { readings: unknown[] }).readings.length;
  await expect.poll(readings, { timeout: 45_000 }).toBeGreaterThan(0);
});

test('an expired or foreign invitation is refused', async ({ browser, baseURL }) => {
  const base = baseURL ?? '';
  const { id, expertToken } = await fieldConsultation(base);
  const county = await apiLogin(base, 'doc.wang');
  // An invitation for another institution's field team (not the ship's).
  const foreign = InvitationViewSchema.parse((await api(base, `/api/consultations/${id}/invitations`, expertToken, { institutionId: county.user.institution.id })).json);
  // An invitation whose time ran out, signed with the e2e server's secret (set in playwright.config.ts).
  const fresh = InvitationViewSchema.parse((await api(base, `/api/consultations/${id}/invitations`, expertToken, {})).json);
  const expired = resign(fresh.token, { exp: Math.floor(Date.now() / 1000) - 60 }, process.env['E2E_JWT_SECRET'] ?? '');

  const page = await (await newContext(browser, base, true)).newPage();
  await loginAs(page, 'field.xu');
  await page.waitForURL((url) => url.pathname.startsWith('/field'));
  await page.goto(foreign.path);
  await expect(page.getByTestId('join-error')).toHaveAttribute('data-code', 'errors.forbidden');
  await page.goto(`/field/join?t=${encodeURIComponent(expired)}`);
  await expect(page.getByTestId('join-error')).toHaveAttribute('data-code', 'errors.invitation_expired');
  await expect(page.getByTestId('join-error')).toContainText('邀请已过期');
  // Not a participant after either: the room refuses the field doctor.
  await page.goto(`/field/consultations/${id}`);
  await expect(page.getByTestId('room-error')).toHaveAttribute('data-reason', 'forbidden', { timeout: 20_000 });
});

/** The same JWT with some claims changed, signed HS256 with `secret`. */
function resign(token: string, claims: Record<string, unknown>, secret: string): string {
  const [header, payload] = token.split('.');
  const body = { ...(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as object), ...claims };
  const unsigned = `${header}.${Buffer.from(JSON.stringify(body)).toString('base64url')}`;
  return `${unsigned}.${crypto.createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}
