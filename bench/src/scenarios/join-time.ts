import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import * as esbuild from 'esbuild';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { fmt, type Goal, type Table } from '../lib/result';
import { ROOT_DIR, runScenario, type ScenarioContext } from '../lib/scenario';
import { median, sleep, summarize, type Summary } from '../lib/stats';
import { login, startAppServer, type AppServer } from '../server/server-process';
import type { ParticipantRole } from '../server/server-api';

/**
 * Figure 2 — join time: "join" clicked → first remote video frame decoded, in Chromium with fake
 * camera and microphone, 1:1 and with 4 participants. Measured on the real room page
 * (`/room/:consultationId`) when the built client has it, else on a minimal page that bundles
 * mediasoup-client and speaks the same signaling. Baseline: a loopback RTCPeerConnection pair.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
/** The launch flags of e2e/playwright.config.ts (Debian's Chromium as root, fake media devices). */
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];
const FULL = { warmup: 1, trials: 20, p2pTrials: 10, parties: [2, 4], joinTimeoutMs: 20_000 };
const SMOKE = { warmup: 0, trials: 1, p2pTrials: 1, parties: [2], joinTimeoutMs: 20_000 };
const GOAL_P50 = 650;
const GOAL_P95 = 1000;

const SENDERS: { username: string; role: ParticipantRole }[] = [
  { username: 'dr.chen', role: 'expert' },
  { username: 'dr.he', role: 'expert' },
  { username: 'doc.wang', role: 'local_doctor' },
];
const JOINER = { username: 'kiosk.shengsi', role: 'patient_kiosk' as const, home: '/kiosk', homeTestId: 'kiosk-home' };

type Mode = 'room-page' | 'minimal-page';

async function bundle(file: string): Promise<string> {
  const r = await esbuild.build({ entryPoints: [path.join(here, 'join-page', file)], bundle: true, format: 'iife', platform: 'browser', target: 'chrome120', write: false, minify: true });
  return r.outputFiles[0]?.text ?? '';
}

/** The fallback page and the baseline page, on their own loopback origin (a secure context). */
async function servePages(clientJs: string): Promise<{ url: string; close(): Promise<void> }> {
  const html = '<!doctype html><meta charset="utf-8"><title>bench join</title><button id="join" disabled>join</button><p id="status">loading</p><script src="/client.js"></script>';
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/client.js')) res.writeHead(200, { 'content-type': 'text/javascript' }).end(clientJs);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Does the built web client have the room page with the `remote-video` hook? */
function roomPageBuilt(): boolean {
  const dir = path.join(ROOT_DIR, 'client', 'dist', 'assets');
  if (!fs.existsSync(dir)) return false;
  return fs.readdirSync(dir).some((f) => f.endsWith('.js') && fs.readFileSync(path.join(dir, f), 'utf8').includes('remote-video'));
}

interface Harness {
  browser: Browser;
  srv: AppServer;
  pages: { url: string };
  watcherJs: string;
  sessions: Map<string, string>;
}

async function newContext(h: Harness, username: string | null): Promise<BrowserContext> {
  // bypassCSP: the app's CSP forbids eval, which Playwright's string predicates need; the app's own scripts are unaffected.
  const ctx = await h.browser.newContext({ permissions: ['camera', 'microphone'], locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const session = username ? h.sessions.get(username) : undefined;
  if (session) await ctx.addInitScript({ content: `try { sessionStorage.setItem('cloudclinic.session', ${JSON.stringify(session)}); } catch {}` });
  await ctx.addInitScript({ content: h.watcherJs });
  return ctx;
}

const fragment = (h: Harness, mode: string, username: string, cid: string) => {
  const token = (JSON.parse(h.sessions.get(username) ?? '{}') as { accessToken?: string }).accessToken ?? '';
  return `${h.pages.url}/#${new URLSearchParams({ mode, url: h.srv.url, token, cid }).toString()}`;
};

/** Participants already in the room, sending camera and microphone. */
async function openSenders(h: Harness, mode: Mode, cid: string, n: number): Promise<BrowserContext[]> {
  const ctxs: BrowserContext[] = [];
  for (const s of SENDERS.slice(0, n)) {
    const ctx = await newContext(h, s.username);
    ctxs.push(ctx);
    const page = await ctx.newPage();
    if (mode === 'room-page') {
      await page.goto(`${h.srv.url}/room/${cid}`);
      await page.waitForFunction(`(() => { const v = document.querySelector('video[data-testid="local-video"]'); return !!v && v.videoWidth > 0; })()`, null, { timeout: 30_000 });
    } else {
      await page.goto(fragment(h, 'sender', s.username, cid));
      await page.waitForFunction(`document.body.dataset.status === 'sending'`, null, { timeout: 30_000 });
    }
  }
  await sleep(1500); // producers created and sending
  return ctxs;
}

interface Trial {
  firstMs: number;
  allMs: number;
  /** When each step of the join happened, ms after the click (from the page's websocket frames). */
  milestones: Record<string, number>;
}

/** The join's steps as they show on the signaling socket, in order. */
const MILESTONES = [
  'room chunk loaded',
  'socket connected',
  'room.join sent',
  'room.join acked',
  'transport.create acked',
  'room.ready sent',
  'consumer.new received',
  'first transport.connect sent (DTLS parameters)',
  'consumer.resume acked',
  'first remote frame',
] as const;

interface Frame {
  at: number;
  sent: boolean;
  payload: string;
}

/** Record the page's websocket frames (socket.io: `42<id>[event, …]`, acks `43<id>[…]`). */
function trackFrames(page: Page): Frame[] {
  const frames: Frame[] = [];
  page.on('websocket', (ws) => {
    ws.on('framesent', (f) => frames.push({ at: Date.now(), sent: true, payload: String(f.payload) }));
    ws.on('framereceived', (f) => frames.push({ at: Date.now(), sent: false, payload: String(f.payload) }));
  });
  return frames;
}

function milestones(frames: Frame[], t0Epoch: number): Record<string, number> {
  const after = frames.filter((f) => f.at >= t0Epoch - 5);
  const out: Record<string, number> = {};
  const mark = (name: string, f: Frame | undefined) => {
    if (f && out[name] === undefined) out[name] = f.at - t0Epoch;
  };
  const request = (method: string) => after.find((f) => f.sent && f.payload.includes(`"request",{"method":"${method}"`));
  const ackOf = (req: Frame | undefined) => {
    const id = req ? /^42(\d+)\[/.exec(req.payload)?.[1] : undefined;
    return id ? after.find((f) => !f.sent && f.at >= (req?.at ?? 0) && f.payload.startsWith(`43${id}[`)) : undefined;
  };
  mark('socket connected', after.find((f) => !f.sent && f.payload.startsWith('40')));
  mark('room.join sent', request('room.join'));
  mark('room.join acked', ackOf(request('room.join')));
  mark('transport.create acked', ackOf(request('transport.create')));
  mark('first transport.connect sent (DTLS parameters)', request('transport.connect'));
  mark('room.ready sent', request('room.ready'));
  mark('consumer.new received', after.find((f) => !f.sent && f.payload.includes('"notification",{"method":"consumer.new"')));
  mark('consumer.resume acked', ackOf(request('consumer.resume')));
  return out;
}

async function readFrames(page: Page, expected: number, timeoutMs: number, frames: Frame[]): Promise<Trial> {
  await page.waitForFunction('Object.keys(window.__bench.frames).length >= 1', null, { timeout: timeoutMs, polling: 50 });
  // Every remote video, if the layout shows them all within a few more seconds.
  const all = await page
    .waitForFunction(`Object.keys(window.__bench.frames).length >= ${expected}`, null, { timeout: 5000, polling: 50 })
    .then(() => true, () => false);
  const raw = (await page.evaluate(`JSON.stringify({
    ...window.__bench,
    origin: performance.timeOrigin,
    chunk: (performance.getEntriesByType('resource').find((r) => /\\/RoomPage-[^/]*\\.js$/.test(r.name)) || {}).responseEnd,
  })`)) as string;
  const b = JSON.parse(raw) as { t0: number; frames: Record<string, number>; origin: number; chunk?: number };
  const times = Object.values(b.frames).map((t) => t - b.t0);
  const firstMs = Math.min(...times);
  const ms = milestones(frames, b.origin + b.t0);
  if (b.chunk !== undefined && b.chunk >= b.t0) ms['room chunk loaded'] = b.chunk - b.t0;
  ms['first remote frame'] = firstMs;
  return { firstMs, allMs: all ? Math.max(...times) : Number.NaN, milestones: ms };
}

/** One join by the kiosk: from its loaded home page (room page) or lobby (minimal page), click → frames. */
async function joinOnce(h: Harness, mode: Mode, cid: string, remotes: number, timeoutMs: number): Promise<Trial> {
  const ctx = await newContext(h, JOINER.username);
  try {
    const page = await ctx.newPage();
    const frames = trackFrames(page);
    if (mode === 'room-page') {
      // The kiosk has used the app before (its HTTP cache holds the hashed assets, as on any day after
      // the first); the join is a full navigation to the room page: page load, room chunk, camera,
      // socket, join, transports. The clock starts at that navigation (t0 = 0 in the new document).
      await page.goto(`${h.srv.url}${JOINER.home}`);
      await page.waitForSelector(`[data-testid="${JOINER.homeTestId}"]`, { timeout: 30_000 });
      await page.evaluate(`import(${JSON.stringify(await roomChunkUrl(page))})`).catch(() => undefined);
      await sleep(300);
      await page.goto(`${h.srv.url}/room/${cid}`, { waitUntil: 'commit' });
    } else {
      await page.goto(fragment(h, 'joiner', JOINER.username, cid));
      await page.waitForFunction(`document.body.dataset.status === 'ready'`, null, { timeout: 30_000 });
      await sleep(300);
      await page.click('#join');
    }
    return await readFrames(page, remotes, timeoutMs, frames);
  } finally {
    await ctx.close();
    await sleep(300); // the server drops the peer on disconnect
  }
}

/** The room chunk's URL, as the built client names it, so the warm-up puts it in the HTTP cache too. */
async function roomChunkUrl(page: Page): Promise<string> {
  const dir = path.join(ROOT_DIR, 'client', 'dist', 'assets');
  const file = fs.readdirSync(dir).find((f) => /^RoomPage-.*\.js$/.test(f));
  return file ? new URL(`/assets/${file}`, page.url()).toString() : '';
}

async function p2pBaseline(h: Harness, trials: number): Promise<number[]> {
  const ctx = await newContext(h, null);
  try {
    const page = await ctx.newPage();
    await page.goto(`${h.pages.url}/#mode=p2p`);
    await page.waitForFunction(`document.body.dataset.status === 'ready'`, null, { timeout: 30_000 });
    const out: number[] = [];
    for (let i = 0; i < trials + 1; i++) {
      const ms = (await page.evaluate('window.__p2p()')) as number;
      if (i > 0 || trials === 1) out.push(ms); // the first is a warm-up
      if (out.length >= trials) break;
    }
    return out;
  } finally {
    await ctx.close();
  }
}

async function runParty(ctx: ScenarioContext, h: Harness, mode: Mode, parties: number, p: typeof FULL) {
  const remotes = parties - 1;
  const { id: cid } = await h.srv.rpc.call('createConsultation', { participants: [...SENDERS.slice(0, remotes), JOINER] });
  const senders = await openSenders(h, mode, cid, remotes);
  const trials: Trial[] = [];
  let failed = 0;
  let firstError = '';
  try {
    for (let i = 0; i < p.warmup + p.trials; i++) {
      try {
        const t = await joinOnce(h, mode, cid, remotes, p.joinTimeoutMs);
        if (i >= p.warmup) trials.push(t);
        ctx.log(`${parties} participants, join ${i + 1 - p.warmup}/${p.trials}${i < p.warmup ? ' (warm-up)' : ''}: first remote frame ${t.firstMs.toFixed(0)} ms, all ${t.allMs.toFixed(0)} ms`);
      } catch (err) {
        if (i >= p.warmup) failed++;
        firstError ||= err instanceof Error ? err.message.split('\n')[0] ?? '' : String(err);
        ctx.log(`${parties} participants, join ${i + 1}: failed (${firstError})`);
      }
    }
  } finally {
    for (const c of senders) await c.close();
  }
  const steps = MILESTONES.map((name) => {
    const xs = trials.map((t) => t.milestones[name]).filter((x): x is number => x !== undefined && Number.isFinite(x));
    return { name, p50: median(xs), n: xs.length };
  }).filter((s) => s.n > 0);
  return { parties, steps, first: summarize(trials.map((t) => t.firstMs)), all: summarize(trials.map((t) => t.allMs).filter(Number.isFinite)), incomplete: trials.filter((t) => !Number.isFinite(t.allMs)).length, failed, firstError };
}

await runScenario('join-time', '2. Join time (Chromium, fake media)', async (ctx) => {
  const p = ctx.smoke ? SMOKE : FULL;
  const srv = await startAppServer({ workers: 2, serveClient: true });
  ctx.defer(() => srv.stop());
  const [watcherJs, clientJs] = await Promise.all([bundle('frame-watcher.ts'), bundle('minimal-client.ts')]);
  const pages = await servePages(clientJs);
  ctx.defer(() => pages.close());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  ctx.defer(() => browser.close());
  const sessions = new Map<string, string>();
  for (const u of [...SENDERS.map((s) => s.username), JOINER.username]) {
    const r = await login(srv.url, u);
    sessions.set(u, JSON.stringify({ user: r.user, accessToken: r.accessToken, refreshToken: r.refreshToken }));
  }
  const h: Harness = { browser, srv, pages, watcherJs, sessions };
  const notes: string[] = [];

  const forced = process.env['BENCH_JOIN_PAGE'];
  let mode: Mode = forced === 'minimal' ? 'minimal-page' : roomPageBuilt() ? 'room-page' : 'minimal-page';
  if (mode === 'minimal-page' && forced !== 'minimal') notes.push('The built web client has no room page with a `remote-video` video yet: measured on the minimal mediasoup-client page instead.');
  if (mode === 'room-page') {
    // One probe join; if the room page cannot show a remote video, measure on the minimal page.
    try {
      const { id } = await srv.rpc.call('createConsultation', { participants: [SENDERS[0] as (typeof SENDERS)[number], JOINER] });
      const s = await openSenders(h, mode, id, 1);
      try {
        await joinOnce(h, mode, id, 1, p.joinTimeoutMs);
      } finally {
        for (const c of s) await c.close();
      }
    } catch (err) {
      notes.push(`The room page did not show a remote video within ${p.joinTimeoutMs / 1000} s (${err instanceof Error ? err.message.split('\n')[0] : String(err)}): measured on the minimal mediasoup-client page instead.`);
      mode = 'minimal-page';
    }
  }
  ctx.log(`measuring on the ${mode}`);

  const baseline = await p2pBaseline(h, p.p2pTrials);
  const base = summarize(baseline);
  const results: Awaited<ReturnType<typeof runParty>>[] = [];
  for (const parties of p.parties) results.push(await runParty(ctx, h, mode, parties, p));

  const goals: Goal[] = [];
  const rows: Table['rows'] = [];
  const headline: string[] = [];
  for (const r of results) {
    const label = r.parties === 2 ? '1:1' : `${r.parties} participants`;
    rows.push([label, r.first.n, fmt.ms(r.first.p50), fmt.ms(r.first.p95), fmt.ms(r.first.max), fmt.ms(r.all.p50), fmt.ms(r.all.p95), fmt.ratio(r.first.p50 / base.p50), r.failed]);
    headline.push(`${label}: ${mode === 'room-page' ? 'navigation' : 'click'} → first remote frame p50 ${fmt.ms(r.first.p50)}, p95 ${fmt.ms(r.first.p95)}${r.parties > 2 ? ` (all ${r.parties - 1} remote videos: p50 ${fmt.ms(r.all.p50)}, p95 ${fmt.ms(r.all.p95)})` : ''}; ${r.first.n} joins${r.failed ? `, ${r.failed} failed` : ''}.`);
    const met = r.first.n > 0 && r.first.p50 <= GOAL_P50 && r.first.p95 <= GOAL_P95 && r.failed === 0;
    goals.push({ goal: `join ${label}: p50 ≤ ${GOAL_P50} ms, p95 ≤ ${GOAL_P95} ms`, measured: `p50 ${fmt.ms(r.first.p50)}, p95 ${fmt.ms(r.first.p95)}${r.failed ? `, ${r.failed} failed joins` : ''}`, met: ctx.smoke ? null : met });
    if (!ctx.smoke && !met) {
      const ordered = [...r.steps].sort((a, b) => a.p50 - b.p50);
      let longest = { from: 'the click', to: ordered[0]?.name ?? '', ms: ordered[0]?.p50 ?? 0 };
      for (let i = 1; i < ordered.length; i++) {
        const d = (ordered[i]?.p50 ?? 0) - (ordered[i - 1]?.p50 ?? 0);
        if (d > longest.ms) longest = { from: ordered[i - 1]?.name ?? '', to: ordered[i]?.name ?? '', ms: d };
      }
      notes.push(
        `${label}: the goal is **missed** (p50 ${fmt.ms(r.first.p50)}, p95 ${fmt.ms(r.first.p95)}). The floor on this machine — a loopback RTCPeerConnection pair in the same Chromium, no server — is p50 ${fmt.ms(base.p50)}. The longest step of the median join is from "${longest.from}" to "${longest.to}": ${fmt.ms(longest.ms)}${longest.to === 'first remote frame' ? ' — after signaling is done: ICE and DTLS on the receive transport, the SFU asking the sender for a key frame, and decoding it' : ''} (see "Where the time goes").`,
      );
    }
    if (r.incomplete) notes.push(`${label}: in ${r.incomplete} joins not every remote video showed a frame within 5 s of the first (the layout may not show them all).`);
    if (r.failed) notes.push(`${label}: ${r.failed} joins showed no remote video within ${p.joinTimeoutMs / 1000} s (first error: ${r.firstError}).`);
  }
  headline.push(`Baseline (loopback RTCPeerConnection pair, no server): p50 ${fmt.ms(base.p50)}, p95 ${fmt.ms(base.p95)}.`);
  const joinDesc =
    mode === 'room-page'
      ? `on the real room page, where a user starts: in a fresh browser context the kiosk account's home page (\`${JOINER.home}\`) is loaded once (so the HTTP cache holds the app's hashed assets and the room chunk, as on a kiosk used every day), then the join is a full navigation to \`/room/:consultationId\`: page load, room chunk, camera and microphone, signaling socket, join and transports. The clock starts at that navigation (the new document's time origin) and stops at the first \`requestVideoFrameCallback\` of a \`[data-testid=remote-video]\` element with \`videoWidth > 0\`.`
      : `on a minimal page served by the bench that bundles mediasoup-client and socket.io-client and speaks CloudClinic's signaling (join, transports, ready, consume, resume, produce), as the room page does; its camera and microphone are open (lobby preview) and its socket is connected before the click. The clock starts in the click handler and stops at the first \`requestVideoFrameCallback\` of a remote video with \`videoWidth > 0\`.`;
  return {
    status: 'ok',
    method: [
      `Chromium ${'(Debian, /usr/bin/chromium)'} driven by playwright-core with the flags of e2e/playwright.config.ts (fake camera and microphone). The real app in its own process (2 mediasoup workers, the built client). Each remote participant is a browser context already in the room, sending its fake camera and microphone${mode === 'room-page' ? ' from the room page (simulcast, as the app sends)' : ''}.`,
      `Each join is measured ${joinDesc} ${p.trials} joins per configuration${p.warmup ? ` after ${p.warmup} warm-up join` : ''}; the joiner leaves (context closed) between joins.`,
      `Baseline in the same run: two RTCPeerConnections in one page, offer/answer exchanged in the page, from createOffer to the first decoded frame (the floor of Chromium's own capture → encode → decode path on this machine).`,
      'All browser contexts run in one Chromium on the same 2 cores as the server and its workers: with 4 participants, 4 encoders (3 simulcast layers each on the room page) and several decoders compete with the SFU, so the 4-participant figure is pessimistic compared with 4 separate machines.',
    ],
    headline,
    goals,
    tables: [
      {
        title: `Join time on the ${mode === 'room-page' ? 'room page (navigation' : 'minimal mediasoup-client page (click'} → first remote video frame decoded)`,
        columns: ['room', 'joins', 'first frame p50', 'p95', 'max', 'all remote videos p50', 'all p95', 'p50 / p2p baseline', 'failed'],
        rows,
      },
      {
        title: `Where the time goes: each step of the join, ms after the ${mode === 'room-page' ? 'navigation' : 'click'} (median over the joins; from the page's signaling frames)`,
        columns: ['step', ...results.map((r) => (r.parties === 2 ? '1:1' : `${r.parties} participants`))],
        rows: MILESTONES.filter((name) => results.some((r) => r.steps.some((s) => s.name === name))).map((name) => [
          name,
          ...results.map((r) => {
            const s = r.steps.find((x) => x.name === name);
            return s ? fmt.ms(s.p50) : '—';
          }),
        ]),
      },
      { title: 'Baseline: loopback RTCPeerConnection pair in one page', columns: ['n', 'p50', 'p95', 'max'], rows: [[base.n, fmt.ms(base.p50), fmt.ms(base.p95), fmt.ms(base.max)]] },
    ],
    notes,
    data: { mode, results, baseline: base as Summary, baselineSamples: baseline },
  };
});
