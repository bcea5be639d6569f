import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { init, parse } from 'es-module-lexer';
import { chromium, type Browser } from 'playwright-core';
import { fmt, type Table } from '../lib/result';
import { ROOT_DIR, runScenario } from '../lib/scenario';
import { sleep, summarize } from '../lib/stats';
import { login, startAppServer, type AppServer } from '../server/server-process';

/**
 * Figure 6 — client weight: the JS a browser must load before each entry point works (gzip), from
 * client/dist, and the time from navigation to an interactive page in Chromium.
 */
const DIST = path.join(ROOT_DIR, 'client', 'dist');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const FULL = { loads: 10 };
const SMOKE = { loads: 1 };

/** The route areas (lazy chunks under client/src/areas/*) and the room page, by chunk name. */
const ENTRIES = [
  { id: 'kiosk', label: 'kiosk (/kiosk)', chunk: 'KioskArea', user: 'kiosk.shengsi', path: '/kiosk', testId: 'kiosk-home' },
  { id: 'expert', label: 'expert (/expert)', chunk: 'ExpertArea', user: 'dr.chen', path: '/expert', testId: 'expert-home' },
  { id: 'field', label: 'field (/field)', chunk: 'FieldArea', user: 'field.xu', path: '/field', testId: 'field-home' },
  { id: 'room', label: 'consultation room (/room/:id)', chunk: 'RoomPage', user: null, path: null, testId: null },
] as const;

interface Weight {
  files: string[];
  raw: number;
  gzip: number;
  /** What the app sends a browser that accepts brotli: the build's `.br` copy where there is one. */
  served: number;
}

async function staticGraph() {
  await init;
  const html = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('client/dist/index.html has no module script');
  const cache = new Map<string, { staticDeps: string[]; dynamicDeps: string[] }>();
  const deps = (file: string) => {
    let c = cache.get(file);
    if (c) return c;
    const src = fs.readFileSync(path.join(DIST, file), 'utf8');
    const [imports] = parse(src);
    const resolve = (spec: string) => path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
    c = {
      staticDeps: imports.filter((i) => i.d === -1 && i.n?.startsWith('.')).map((i) => resolve(i.n as string)),
      dynamicDeps: imports.filter((i) => i.d >= 0 && i.n?.startsWith('.')).map((i) => resolve(i.n as string)),
    };
    cache.set(file, c);
    return c;
  };
  const closure = (start: string, exclude = new Set<string>()): string[] => {
    const seen = new Set<string>();
    const visit = (f: string) => {
      if (seen.has(f) || exclude.has(f)) return;
      seen.add(f);
      for (const d of deps(f).staticDeps) visit(d);
    };
    visit(start);
    return [...seen];
  };
  const weigh = (files: string[]): Weight => {
    let raw = 0;
    let gzip = 0;
    let served = 0;
    for (const f of files) {
      const file = path.join(DIST, f);
      const buf = fs.readFileSync(file);
      raw += buf.length;
      gzip += zlib.gzipSync(buf, { level: 6 }).length;
      served += fs.existsSync(`${file}.br`) ? fs.statSync(`${file}.br`).size : buf.length;
    }
    return { files, raw, gzip, served };
  };
  const core = closure(entry);
  const coreSet = new Set(core);
  const all = fs.readdirSync(path.join(DIST, 'assets')).filter((f) => f.endsWith('.js')).map((f) => `assets/${f}`);
  const areas = ENTRIES.map((e) => {
    const chunk = all.find((f) => path.basename(f).startsWith(`${e.chunk}-`));
    const own = chunk ? closure(chunk, coreSet) : [];
    return { ...e, chunk: chunk ?? null, own: weigh(own), total: weigh([...core, ...own]) };
  });
  return { entry, core: weigh(core), areas, totalJs: weigh(all) };
}

/** Navigation → the element with `testId` rendered (React has attached its handlers by then). */
async function timeToInteractive(browser: Browser, srv: AppServer, url: string, selector: string, session: string | null) {
  const ctx = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 800 } });
  try {
    if (session) await ctx.addInitScript({ content: `try { sessionStorage.setItem('cloudclinic.session', ${JSON.stringify(session)}); } catch {}` });
    await ctx.addInitScript({
      content: `(() => {
        const sel = ${JSON.stringify(selector)};
        let done = false;
        const check = () => {
          const el = document.querySelector(sel);
          if (el && !el.disabled && !done) { done = true; obs.disconnect(); requestAnimationFrame(() => setTimeout(() => { window.__tti = performance.now(); }, 0)); }
        };
        const obs = new MutationObserver(check);
        obs.observe(document, { childList: true, subtree: true, attributes: true });
      })();`,
    });
    const page = await ctx.newPage();
    await page.goto(`${srv.url}${url}`);
    await page.waitForFunction('window.__tti !== undefined', null, { timeout: 30_000, polling: 50 });
    const raw = (await page.evaluate(`JSON.stringify({
      tti: window.__tti,
      fcp: (performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime,
      js: performance.getEntriesByType('resource').filter((r) => r.name.endsWith('.js')).reduce((s, r) => s + r.transferSize, 0)
        + (performance.getEntriesByType('navigation')[0] ? 0 : 0),
    })`)) as string;
    return JSON.parse(raw) as { tti: number; fcp?: number; js: number };
  } finally {
    await ctx.close();
  }
}

await runScenario('client-weight', '6. Client weight', async (ctx) => {
  const p = ctx.smoke ? SMOKE : FULL;
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('client/dist is missing: the setup step "build web client" should have built it');
  const g = await staticGraph();
  const srv = await startAppServer({ workers: 1, serveClient: true });
  ctx.defer(() => srv.stop());
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  ctx.defer(() => browser.close());

  const targets: { label: string; url: string; selector: string; session: string | null }[] = [
    { label: 'login page (/login → login form)', url: '/login', selector: '[data-testid="login-username"]', session: null },
  ];
  for (const e of ENTRIES) {
    if (!e.user || !e.path || !e.testId) continue;
    const r = await login(srv.url, e.user);
    targets.push({ label: e.label, url: e.path, selector: `[data-testid="${e.testId}"]`, session: JSON.stringify({ user: r.user, accessToken: r.accessToken, refreshToken: r.refreshToken }) });
  }
  const ttiRows: Table['rows'] = [];
  const tti: Record<string, unknown> = {};
  for (const t of targets) {
    const samples: { tti: number; fcp?: number; js: number }[] = [];
    for (let i = 0; i < p.loads + (ctx.smoke ? 0 : 1); i++) {
      const s = await timeToInteractive(browser, srv, t.url, t.selector, t.session);
      if (ctx.smoke || i > 0) samples.push(s); // first load of each target is a warm-up
      await sleep(100);
    }
    const st = summarize(samples.map((s) => s.tti));
    const fcp = summarize(samples.map((s) => s.fcp ?? Number.NaN).filter(Number.isFinite));
    const js = summarize(samples.map((s) => s.js));
    tti[t.label] = { tti: st, fcp, jsTransferred: js };
    ttiRows.push([t.label, st.n, fmt.ms(st.p50), fmt.ms(st.p95), fmt.ms(fcp.p50), fmt.kb(js.p50)]);
    ctx.log(`${t.label}: interactive p50 ${st.p50.toFixed(0)} ms`);
  }

  const weightRows: Table['rows'] = [['shared entry (index + static imports), every route', g.core.files.length, fmt.kb(g.core.raw), fmt.kb(g.core.gzip), fmt.kb(g.core.served), '—']];
  for (const a of g.areas) {
    weightRows.push([a.label, a.total.files.length, fmt.kb(a.total.raw), fmt.kb(a.total.gzip), fmt.kb(a.total.served), a.chunk ? `${fmt.kb(a.own.gzip)} (${a.own.files.map((f) => path.basename(f).replace(/-[\w-]{8}\.js$/, '')).join(', ')})` : 'chunk not found']);
  }
  weightRows.push(['all JS in client/dist', g.totalJs.files.length, fmt.kb(g.totalJs.raw), fmt.kb(g.totalJs.gzip), fmt.kb(g.totalJs.served), '—']);
  const area = (id: string) => g.areas.find((a) => a.id === id);
  const headline = [
    `Initial JS as served to a browser accepting brotli: kiosk ${fmt.kb(area('kiosk')?.total.served ?? 0)}, expert ${fmt.kb(area('expert')?.total.served ?? 0)}, field ${fmt.kb(area('field')?.total.served ?? 0)}.`,
    `Initial JS (gzip): kiosk ${fmt.kb(area('kiosk')?.total.gzip ?? 0)}, expert ${fmt.kb(area('expert')?.total.gzip ?? 0)}, field ${fmt.kb(area('field')?.total.gzip ?? 0)}; the shared entry is ${fmt.kb(g.core.gzip)} of each.${area('room')?.chunk ? ` Joining a room adds ${fmt.kb(area('room')?.own.gzip ?? 0)} (room chunk with mediasoup-client).` : ''}`,
    ...ttiRows.map((r) => `${String(r[0])}: navigation → interactive p50 ${String(r[2])}, p95 ${String(r[3])}.`),
  ];
  // Does the app compress its JS itself? (Asked as a browser asks.)
  const probe = await fetch(`${srv.url}/${g.entry}`, { headers: { 'accept-encoding': 'gzip, br' } });
  const encoding = probe.headers.get('content-encoding');
  await probe.arrayBuffer();
  const notes = [
    encoding
      ? `The app serves its JS compressed (${encoding}); the JS transferred in Chromium is the compressed size.`
      : 'The app serves its JS uncompressed (no Content-Encoding even when the browser accepts gzip/br): the bytes transferred in Chromium are the raw sizes. Behind a compressing reverse proxy, the gzip column is what crosses the network; without one, every first visit downloads the raw column.',
  ];
  return {
    status: 'ok',
    method: [
      'Static: `client/dist` as built by the setup step (`vite build`). The entry is the module script of index.html; its static imports are followed (es-module-lexer) to get the JS every route needs. For each route area the lazy chunk (`KioskArea-*`, `ExpertArea-*`, `FieldArea-*`, and `RoomPage-*`) and its static imports not already in the entry are added: the initial JS of that entry point. Sizes are of the files as built; gzip is zlib level 6 (a web server\'s default); served is the build\'s brotli copy (`.br`) where it wrote one, which is what the app sends a browser that accepts brotli. CSS is not counted. No baseline: these are absolute sizes.',
      `Time to interactive: Chromium (headless, playwright-core), a fresh browser context per load (cold cache), served by the real app over loopback. The clock is the page's own (performance.now() from navigation start) and stops at the first frame painted after the target element is in the DOM and enabled (requestAnimationFrame, then a task) — the login form's username field, or the area's home page (\`data-testid="*-home"\`) for a signed-in account (session placed in sessionStorage as the app stores it). React renders the element only once its handlers are attached, so this is when the page shows and responds. ${p.loads} loads per target${ctx.smoke ? '' : ' after one warm-up'}; first contentful paint and JS bytes transferred from the Performance API.`,
    ],
    headline,
    goals: [
      { goal: 'initial JS of the kiosk / expert / field entry points (gzip; no target set)', measured: `${fmt.kb(area('kiosk')?.total.gzip ?? 0)} / ${fmt.kb(area('expert')?.total.gzip ?? 0)} / ${fmt.kb(area('field')?.total.gzip ?? 0)}`, met: null },
    ],
    tables: [
      { title: 'Initial JavaScript per entry point (client/dist)', columns: ['entry point', 'JS files', 'raw', 'gzip', 'served (brotli)', 'of which the area\'s own chunks (gzip)'], rows: weightRows },
      { title: 'Navigation → interactive in Chromium (cold cache, loopback)', columns: ['page', 'loads', 'p50', 'p95', 'first contentful paint p50', 'JS transferred'], rows: ttiRows },
    ],
    notes,
    data: { contentEncoding: encoding, static: { entry: g.entry, core: g.core, areas: g.areas.map((a) => ({ id: a.id, chunk: a.chunk, own: a.own, total: a.total })), totalJs: g.totalJs }, tti },
  };
});
