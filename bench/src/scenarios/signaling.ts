import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CpuWindow } from '../lib/proc';
import { fmt, type Goal, type Table } from '../lib/result';
import { RpcChild } from '../lib/rpc';
import { runScenario, type ScenarioContext } from '../lib/scenario';
import { median, percentile, sleep } from '../lib/stats';
import { login, startAppServer } from '../server/server-process';
import type { EchoServerApi, LoadClientApi } from './signaling/signaling-api';

/**
 * Figure 4 — signaling: request/ack latency with 500 and 2,000 connected sockets, and the request
 * rate one Node process sustains; CloudClinic's socket server against a bare socket.io echo server.
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const FULL = { counts: [500, 2000], ratePerSec: 200, latencyMs: 5000, repeats: 3, throughputMs: 5000, loadProcs: 2 };
const SMOKE = { counts: [10], ratePerSec: 50, latencyMs: 500, repeats: 1, throughputMs: 500, loadProcs: 1 };
/** A request that passes the whole dispatcher (rate limit, envelope and data validation, handler) and touches no database. */
const METHOD = 'room.leave';

interface ServerUnderTest {
  name: 'bare socket.io echo' | 'CloudClinic';
  url: string;
  pid: number;
  token: string;
  stop(): Promise<void>;
}

interface Measured {
  n: number;
  p50: number;
  p99: number;
  errors: number;
  rateLimited: number;
  disconnects: number;
}

async function measureServer(ctx: ScenarioContext, srv: ServerUnderTest, p: typeof FULL) {
  const clients = await Promise.all(
    Array.from({ length: p.loadProcs }, (_, i) => RpcChild.start<LoadClientApi>(path.join(here, 'signaling', 'load-client.ts'), { name: `signaling-load-${i}` })),
  );
  ctx.defer(() => Promise.all(clients.map((c) => c.stop())).then(() => undefined));
  const latency: Measured[] = [];
  let connected = 0;
  let throughput: { reqPerSec: number[]; serverCpu: number[]; loadCpu: number[]; machineBusy: number[]; rateLimited: number; errors: number; disconnects: number } | null = null;
  for (const n of p.counts) {
    const per = Math.ceil((n - connected) / clients.length);
    const res = await Promise.all(clients.map((c) => c.call('connect', { url: srv.url, token: srv.token, count: per }, 300_000)));
    connected += res.reduce((s, r) => s + r.connected, 0);
    const failed = res.reduce((s, r) => s + r.failed, 0);
    if (failed) throw new Error(`${srv.name}: ${failed} sockets failed to connect (at ${n})`);
    const runs: Measured[] = [];
    for (let i = 0; i < p.repeats; i++) {
      const parts = await Promise.all(clients.map((c) => c.call('latency', { ratePerSec: p.ratePerSec / clients.length, durationMs: p.latencyMs, method: METHOD })));
      const samples = parts.flatMap((x) => x.samplesMs);
      runs.push({
        n: samples.length,
        p50: percentile(samples, 50),
        p99: percentile(samples, 99),
        errors: parts.reduce((s, x) => s + x.errors, 0),
        rateLimited: parts.reduce((s, x) => s + x.rateLimited, 0),
        disconnects: parts.reduce((s, x) => s + x.disconnects, 0),
      });
    }
    const m = {
      n: connected,
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      errors: runs.reduce((s, r) => s + r.errors, 0),
      rateLimited: runs.reduce((s, r) => s + r.rateLimited, 0),
      disconnects: runs.reduce((s, r) => s + r.disconnects, 0),
    };
    latency.push(m);
    ctx.log(`${srv.name}: ${connected} sockets, request/ack p50 ${m.p50.toFixed(1)} ms, p99 ${m.p99.toFixed(1)} ms`);
  }
  // Sustained rate with every socket connected (the last count), closed loop.
  const tp = { reqPerSec: [] as number[], serverCpu: [] as number[], loadCpu: [] as number[], machineBusy: [] as number[], rateLimited: 0, errors: 0, disconnects: 0 };
  for (let i = 0; i < p.repeats; i++) {
    const cpu = new CpuWindow([srv.pid, ...clients.map((c) => c.pid)]);
    const started = clients.map((c) => c.call('throughput', { durationMs: p.throughputMs, warmupMs: 1000, method: METHOD }, 120_000));
    // CPU over the counting window only (the clients count from 1 s after the call for durationMs).
    await sleep(1000);
    cpu.start();
    await sleep(p.throughputMs);
    const c = cpu.stop();
    const parts = await Promise.all(started);
    const seconds = Math.max(...parts.map((x) => x.seconds));
    tp.reqPerSec.push(parts.reduce((s, x) => s + x.ok, 0) / seconds);
    tp.rateLimited += parts.reduce((s, x) => s + x.rateLimited, 0);
    tp.errors += parts.reduce((s, x) => s + x.errors, 0);
    tp.disconnects += parts.reduce((s, x) => s + x.disconnects, 0);
    tp.serverCpu.push(c.perPid.get(srv.pid) ?? Number.NaN);
    tp.loadCpu.push(clients.reduce((s, x) => s + (c.perPid.get(x.pid) ?? 0), 0));
    tp.machineBusy.push(c.machineBusyPct);
  }
  throughput = tp;
  ctx.log(`${srv.name}: sustained ${median(tp.reqPerSec).toFixed(0)} req/s (server CPU ${median(tp.serverCpu).toFixed(0)} %, load generators ${median(tp.loadCpu).toFixed(0)} %)`);
  await Promise.all(clients.map((c) => c.call('closeAll', null)));
  await Promise.all(clients.map((c) => c.stop()));
  return { latency, throughput };
}

await runScenario('signaling', '4. Signaling latency and throughput', async (ctx) => {
  const p = ctx.smoke ? SMOKE : FULL;
  const echo = await RpcChild.start<EchoServerApi>(path.join(here, 'signaling', 'echo-server.ts'), { name: 'echo-server' });
  ctx.defer(() => echo.stop());
  const echoInfo = await echo.call('info', null);
  const app = await startAppServer({ workers: 1, serveClient: false });
  ctx.defer(() => app.stop());
  const token = (await login(app.url, 'dr.chen')).accessToken;

  const bare = await measureServer(ctx, { name: 'bare socket.io echo', url: echoInfo.url, pid: echoInfo.pid, token, stop: () => echo.stop() }, p);
  await echo.stop();
  const cc = await measureServer(ctx, { name: 'CloudClinic', url: app.url, pid: app.pid, token, stop: () => app.stop() }, p);

  const rows: Table['rows'] = [];
  for (let i = 0; i < p.counts.length; i++) {
    const b = bare.latency[i];
    const c = cc.latency[i];
    if (!b || !c) continue;
    rows.push([c.n, fmt.ms(b.p50), fmt.ms(b.p99), fmt.ms(c.p50), fmt.ms(c.p99), fmt.ratio(c.p50 / b.p50), fmt.ratio(c.p99 / b.p99)]);
  }
  const tpB = median(bare.throughput?.reqPerSec ?? []);
  const tpC = median(cc.throughput?.reqPerSec ?? []);
  const srvCpuB = median(bare.throughput?.serverCpu ?? []);
  const srvCpuC = median(cc.throughput?.serverCpu ?? []);
  const loadB = median(bare.throughput?.loadCpu ?? []);
  const loadC = median(cc.throughput?.loadCpu ?? []);
  const last = cc.latency.at(-1);
  const goals: Goal[] = [];
  for (const m of cc.latency) goals.push({ goal: `request/ack latency with ${m.n} sockets (no target set)`, measured: `p50 ${fmt.ms(m.p50)}, p99 ${fmt.ms(m.p99)}`, met: null });
  goals.push({ goal: 'sustained request rate of one Node process (no target set)', measured: `${fmt.n(tpC)} req/s (bare socket.io: ${fmt.n(tpB)} req/s, ${fmt.ratio(tpC / tpB)})`, met: null });
  const notes: string[] = [];
  const busyB = median(bare.throughput?.machineBusy ?? []);
  const busyC = median(cc.throughput?.machineBusy ?? []);
  const limitedBy = (srvCpu: number, loadCpu: number, busy: number) =>
    srvCpu >= 90
      ? 'the server process (≈ one full core)'
      : busy >= 90 && srvCpu + loadCpu < 160
        ? `the machine: its 2 cores were ${busy.toFixed(0)} % busy, partly with other processes, so the server and the clients waited for CPU`
        : loadCpu >= 90
          ? 'the load generators (the server had CPU to spare)'
          : 'neither process saturated a core (the 2 cores were shared between them)';
  notes.push(
    `Sustained rate: CloudClinic's server used ${srvCpuC.toFixed(0)} % of a core and the load generators ${loadC.toFixed(0)} % (of one core, summed), the whole machine was ${busyC.toFixed(0)} % busy; the limit was ${limitedBy(srvCpuC, loadC, busyC)}. For the echo server: ${srvCpuB.toFixed(0)} %, ${loadB.toFixed(0)} %, machine ${busyB.toFixed(0)} %; limit: ${limitedBy(srvCpuB, loadB, busyB)}.`,
  );
  for (const [name, r] of [['bare socket.io', bare], ['CloudClinic', cc]] as const) {
    const lost = r.latency.reduce((s, m) => s + m.disconnects + m.errors, 0) + (r.throughput?.disconnects ?? 0) + (r.throughput?.errors ?? 0);
    if (lost) notes.push(`${name}: ${r.latency.reduce((s, m) => s + m.disconnects, 0) + (r.throughput?.disconnects ?? 0)} sockets were dropped by the server and ${r.latency.reduce((s, m) => s + m.errors, 0) + (r.throughput?.errors ?? 0)} requests got no ack within 10 s during the measurements (heartbeat: ping every 5 s, 5 s timeout).`);
  }
  const rl = (cc.throughput?.rateLimited ?? 0) + cc.latency.reduce((s, m) => s + m.rateLimited, 0);
  if (rl) notes.push(`${rl} requests were refused by CloudClinic's per-socket rate limit (20/s, burst 60) and are not counted as served.`);
  return {
    status: 'ok',
    method: [
      `Servers: the real app in its own process (one Node process: express, socket.io, handshake JWT check, the request dispatcher with per-socket rate limit and zod validation) and, as the baseline, a bare socket.io echo server in its own process with the same socket.io version and server options that acks every \`request\` with \`{ ok: true, data: {} }\`.`,
      `Load: ${p.loadProcs} load-generator process${p.loadProcs > 1 ? 'es' : ''} hold the socket.io clients (websocket transport, one JWT for all). Latency: ${p.counts.join(' and ')} sockets connected, requests sent open-loop at ${p.ratePerSec}/s in total, round-robin over the sockets, for ${p.latencyMs / 1000} s, ${p.repeats}× — p50/p99 of emit → ack in the client, median over the repeats. The request is \`${METHOD}\` outside a room: it passes the rate limiter, envelope and data validation and the handler, and touches no database.`,
      `Sustained rate: with all ${p.counts.at(-1)} sockets connected, each keeps one request outstanding (closed loop) for ${p.throughputMs / 1000} s after a 1 s warm-up, ${p.repeats}×; the median of served requests per second. On this 2-core machine the load generators and the server compete for the same cores: the CPU of each is reported so the limit can be told apart.`,
    ],
    headline: [
      ...(last ? [`${last.n} sockets: request/ack p50 ${fmt.ms(last.p50)}, p99 ${fmt.ms(last.p99)} (CloudClinic/bare p99 ${fmt.ratio(last.p99 / (bare.latency.at(-1)?.p99 ?? Number.NaN))}).`] : []),
      `Sustained: ${fmt.n(tpC)} requests/s through CloudClinic's dispatcher vs ${fmt.n(tpB)} for bare socket.io (${fmt.ratio(tpC / tpB)}).`,
    ],
    goals,
    tables: [
      { title: `Request/ack latency, ${p.ratePerSec} requests/s spread over the sockets (medians of ${p.repeats} runs)`, columns: ['sockets', 'bare p50', 'bare p99', 'CloudClinic p50', 'CloudClinic p99', 'p50 ratio', 'p99 ratio'], rows },
      {
        title: `Sustained request rate, ${p.counts.at(-1)} sockets, closed loop (median of ${p.repeats})`,
        columns: ['server', 'requests/s', 'server CPU % (one core)', 'load generators CPU %', 'ratio'],
        rows: [
          ['bare socket.io echo', fmt.n(tpB), srvCpuB.toFixed(0), loadB.toFixed(0), '1.00×'],
          ['CloudClinic', fmt.n(tpC), srvCpuC.toFixed(0), loadC.toFixed(0), fmt.ratio(tpC / tpB)],
        ],
      },
    ],
    notes,
    data: { bare, cloudclinic: cc },
  };
});
