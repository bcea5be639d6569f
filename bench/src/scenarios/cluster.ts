import { fmt, type Goal, type Table } from '../lib/result';
import { runScenario, type ScenarioContext } from '../lib/scenario';
import { SignalingSocket } from '../lib/signaling';
import { summarize, type Summary } from '../lib/stats';
import { startBenchCluster } from '../server/cluster-nodes';
import type { ServerApi } from '../server/server-api';
import type { RpcChild } from '../lib/rpc';
import { login, startAppServer, startCountyHisProcess } from '../server/server-process';
import { queueFanout, type FanoutResult } from './queue/fanout';

/**
 * Figure 9 — the cluster mode against the embedded mode at the same load: the queue fan-out to
 * hundreds of screens and room joins, on one embedded node (PGlite, in process) and on 1, 2 and 3
 * nodes (PostgreSQL, Redis, HAProxy), all on this machine.
 */
const FULL = { modes: [0, 1, 2, 3], watchers: 500, checkIns: 20, rooms: 40 };
const SMOKE = { modes: [0, 2], watchers: 10, checkIns: 2, rooms: 2 };

interface ModeResult {
  label: string;
  fanout: FanoutResult;
  join: Summary;
  joinFailures: number;
}

/** Each room joined by its expert then its kiosk, each socket sent through `url` with `?consultation=`. */
async function roomJoins(ctx: ScenarioContext, url: string, rpc: RpcChild<ServerApi>, rooms: number): Promise<{ join: Summary; failures: number }> {
  const expert = (await login(url, 'dr.chen')).accessToken;
  const kiosk = (await login(url, 'kiosk.shengsi')).accessToken;
  const sockets: SignalingSocket[] = [];
  ctx.defer(() => sockets.forEach((s) => s.close()));
  const samples: number[] = [];
  let failures = 0;
  for (let i = 0; i < rooms; i++) {
    const { id } = await rpc.call('createConsultation', { participants: [{ username: 'dr.chen', role: 'expert' }, { username: 'kiosk.shengsi', role: 'patient_kiosk' }] });
    for (const token of [expert, kiosk]) {
      const s = await SignalingSocket.connect(url, token, 15_000, { consultation: id });
      sockets.push(s);
      const t0 = performance.now();
      try {
        await s.request('room.join', { consultationId: id });
        samples.push(performance.now() - t0);
      } catch (err) {
        failures++;
        ctx.log(`room.join failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
  for (const s of sockets.splice(0)) s.close();
  return { join: summarize(samples), failures };
}

async function measure(ctx: ScenarioContext, nodes: number, hisUrl: string, p: typeof FULL): Promise<ModeResult> {
  const label = nodes === 0 ? 'embedded (1 node, PGlite)' : `cluster, ${nodes} node${nodes > 1 ? 's' : ''} (PostgreSQL + Redis + HAProxy)`;
  ctx.log(`${label}: starting`);
  const target =
    nodes === 0
      ? await startAppServer({ workers: 1, serveClient: false, hisUrl }).then((srv) => ({ url: srv.url, rpc: srv.rpc, stop: () => srv.stop() }))
      : await startBenchCluster(nodes, hisUrl).then((c) => ({ url: c.url, rpc: c.holder.rpc, stop: () => c.stop() }));
  try {
    const fanout = await queueFanout(ctx, target.url, p, hisUrl);
    const { join, failures } = await roomJoins(ctx, target.url, target.rpc, p.rooms);
    ctx.log(`${label}: last of ${fanout.watchers} screens p95 ${fmt.ms(fanout.lastSocket.p95)}, room.join p50 ${fmt.ms(join.p50)} p95 ${fmt.ms(join.p95)}${failures ? `, ${failures} joins failed` : ''}`);
    return { label, fanout, join, joinFailures: failures };
  } finally {
    await target.stop();
  }
}

await runScenario('cluster', '9. Cluster mode against embedded mode', async (ctx) => {
  const p = ctx.smoke ? SMOKE : FULL;
  const his = await startCountyHisProcess();
  ctx.defer(() => his.stop());
  const results: ModeResult[] = [];
  for (const nodes of p.modes) results.push(await measure(ctx, nodes, his.url, p));
  const base = results[0];
  if (!base) throw new Error('no mode measured');
  const ratio = (v: number, b: number) => fmt.ratio(v / b);
  const rows: Table['rows'] = results.map((r) => [
    r.label,
    fmt.ms(r.fanout.perSocket.p50),
    fmt.ms(r.fanout.lastSocket.p50),
    fmt.ms(r.fanout.lastSocket.p95),
    ratio(r.fanout.lastSocket.p95, base.fanout.lastSocket.p95),
    fmt.ms(r.fanout.checkIn.p95),
    String(r.fanout.missed),
    fmt.ms(r.join.p50),
    fmt.ms(r.join.p95),
    ratio(r.join.p95, base.join.p95),
    String(r.joinFailures),
  ]);
  const clustered = results.slice(1);
  const goals: Goal[] = clustered.map((r) => ({
    goal: `${r.label}: the last of ${p.watchers} screens p95 ≤ 100 ms, every push and join delivered`,
    measured: `${fmt.ms(r.fanout.lastSocket.p95)} (${ratio(r.fanout.lastSocket.p95, base.fanout.lastSocket.p95)} embedded), ${r.fanout.missed} pushes missing, ${r.joinFailures} joins failed`,
    met: p.watchers >= 500 ? r.fanout.lastSocket.p95 <= 100 && r.fanout.missed === 0 && r.joinFailures === 0 : null,
  }));
  return {
    status: 'ok',
    method: [
      `Each mode in turn, on the same machine, with the county HIS simulator as HIS_FHIR_BASE_URL: the embedded mode (one app process, PGlite inside it — the baseline, measured in this run) and the cluster mode with ${p.modes.filter(Boolean).join(', ')} node(s), each node its own process with one mediasoup worker, on one scratch database of this machine's PostgreSQL server and a private redis-server, behind Debian's HAProxy (round robin; room sockets hashed on \`?consultation=\`). Every client goes through the balancer; a separate process migrates and seeds the database and creates fixtures.`,
      `Queue fan-out: ${p.watchers} socket.io screens (9 of 10 the expert's, 1 of 10 a county doctor's; the balancer spreads them over the nodes) watch one session's queue; a kiosk checks ${p.checkIns} booked patients in one by one through the balancer; time from sending the check-in to each screen's \`queue.changed\`.`,
      `Room joins: ${p.rooms} consultations, each joined by its expert then its kiosk, each socket opened through the balancer with \`?consultation=<id>\`; time of the \`room.join\` request/ack (room placement through Redis in the cluster mode).`,
      'All processes — nodes, PostgreSQL, Redis, HAProxy and the load generator — share this machine\'s 2 cores: more nodes here add processes, not cores. The figure shows the cost of the cluster\'s shared engines at the same load, not the capacity of more machines.',
    ],
    headline: results.map((r) => `${r.label}: last of ${r.fanout.watchers} screens p50 ${fmt.ms(r.fanout.lastSocket.p50)} / p95 ${fmt.ms(r.fanout.lastSocket.p95)}; room.join p50 ${fmt.ms(r.join.p50)} / p95 ${fmt.ms(r.join.p95)}.`),
    goals,
    tables: [
      {
        title: `Embedded and cluster modes at the same load (${p.watchers} screens, ${p.checkIns} check-ins, ${p.rooms} rooms × 2 joins)`,
        columns: ['mode', 'each screen p50', 'last screen p50', 'last screen p95', 'last p95 / embedded', 'check-in p95', 'pushes missing', 'room.join p50', 'room.join p95', 'join p95 / embedded', 'joins failed'],
        rows,
      },
    ],
    notes: [],
    data: { results },
  };
});
