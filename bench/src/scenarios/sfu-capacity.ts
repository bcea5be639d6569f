import { fmt, type Goal, type Table } from '../lib/result';
import { runScenario, type ScenarioContext } from '../lib/scenario';
import { linearFit, median, sleep } from '../lib/stats';
import { measureWindow, startRtpLoad, waitFlowing, type RtpLoad } from '../media/load';
import { loadClip } from '../media/media-clip';
import { createFanout, type Kind, type Variant } from '../media/sfu-setup';

/**
 * Figure 1 — SFU forwarding capacity of one mediasoup worker: one producer fanned out to N
 * consumers, N ramped until the worker passes 85 % of a core or the server adds > 1 % loss; bare
 * mediasoup against the same graph built through CloudClinic's Room/Peer layer.
 */
const CPU_LIMIT = 85;
const LOSS_LIMIT = 1;
const GOAL_CONSUMERS = 400;
const GOAL_LAYER_COST = 5;

const FULL = {
  steps: { video: [100, 200, 300, 400, 500, 600, 800, 1000, 1200, 1500, 1800], audio: [200, 400, 800, 1200, 1600, 2000, 2500, 3000] } as Record<Kind, number[]>,
  windowMs: 3000,
  settleMs: 1500,
  ratioN: 400,
  ratioRepeats: 3,
  ratioWindowMs: 5000,
};
const SMOKE = { steps: { video: [5], audio: [5] } as Record<Kind, number[]>, windowMs: 800, settleMs: 300, ratioN: 5, ratioRepeats: 1, ratioWindowMs: 800 };

interface Step {
  n: number;
  workerCpu: number;
  benchCpu: number;
  lossPct: number;
  sentPps: number;
  recvPps: number;
  mbpsOut: number;
  kernelDrops: number;
  /** Packets dropped at the bench receiver's own sockets, % of expected: a limit of the bench, not the server. */
  receiverDropPct: number;
  /** The whole machine, % of its 2 cores (our processes and everyone else's). */
  machineBusyPct: number;
  generatorLateP99: number;
  receiverLoopP99: number;
  notFlowing: number;
  pass: boolean;
}

async function measureStep(load: RtpLoad, fanout: Awaited<ReturnType<typeof createFanout>>, streamId: string, windowMs: number, notFlowing: number): Promise<Step> {
  const w = await measureWindow(load, windowMs, [fanout.workerPid], true);
  const sent = w.sent.get(streamId)?.packets ?? 0;
  let recv = 0;
  let bytes = 0;
  for (const ssrc of fanout.consumerSsrcs) {
    const r = w.received.get(ssrc);
    recv += r?.packets ?? 0;
    bytes += r?.bytes ?? 0;
  }
  const n = fanout.consumerSsrcs.length;
  const expected = sent * n;
  // Drops at our own receiver's sockets are not the server's loss (RTCP shares those sockets: an upper bound).
  const receiverDrops = Math.min(w.receiverDrops, Math.max(0, expected - recv));
  const lossPct = expected > 0 ? Math.max(0, 100 * (1 - (recv + receiverDrops) / expected)) : 100;
  const receiverDropPct = expected > 0 ? (100 * receiverDrops) / expected : 0;
  const workerCpu = w.cpu.get(fanout.workerPid) ?? Number.NaN;
  return {
    n,
    workerCpu,
    benchCpu: w.cpu.get(process.pid) ?? Number.NaN,
    lossPct,
    sentPps: sent / w.seconds,
    recvPps: recv / w.seconds,
    mbpsOut: (bytes * 8) / w.seconds / 1e6,
    kernelDrops: w.udpRcvbufErrors,
    receiverDropPct,
    machineBusyPct: w.machineBusyPct,
    generatorLateP99: w.senderLatenessMs.p99,
    receiverLoopP99: w.receiverLoopDelayMs.p99,
    notFlowing,
    pass: workerCpu <= CPU_LIMIT && lossPct <= LOSS_LIMIT && notFlowing === 0 && receiverDropPct <= LOSS_LIMIT,
  };
}

let streamSeq = 0;

/** Build the graph for `variant`, feed it, and grow the consumers step by step. */
async function ramp(ctx: ScenarioContext, load: RtpLoad, variant: Variant, kind: Kind, steps: number[], p: typeof FULL): Promise<Step[]> {
  const fanout = await createFanout(variant, kind);
  const streamId = `fanout-${++streamSeq}`;
  await load.sender.call('addStreams', { streams: [{ id: streamId, kind, ssrc: fanout.producerSsrc, host: '127.0.0.1', port: fanout.producerPort }] });
  const out: Step[] = [];
  try {
    for (const n of steps) {
      const before = new Set(fanout.consumerSsrcs);
      await fanout.addConsumers(n - fanout.consumerSsrcs.length, load.receiverPorts);
      const notFlowing = await waitFlowing(load, fanout.consumerSsrcs.filter((s) => !before.has(s)), 10_000);
      await sleep(p.settleMs);
      const step = await measureStep(load, fanout, streamId, p.windowMs, notFlowing);
      out.push(step);
      ctx.log(`${kind} ${variant} N=${n}: worker ${step.workerCpu.toFixed(1)} % of a core, loss ${step.lossPct.toFixed(2)} %, out ${step.recvPps.toFixed(0)} pkt/s`);
      // One step past the limit is enough to show it; stop before the machine drowns.
      if (!step.pass) break;
    }
  } finally {
    await load.sender.call('removeStreams', { ids: [streamId] });
    await fanout.close();
  }
  return out;
}

/** Same N, alternating bare/CloudClinic (ABBA…) so drift on the shared machine hits both alike. */
async function ratioRuns(ctx: ScenarioContext, load: RtpLoad, kind: Kind, p: typeof FULL) {
  const order: Variant[] = [];
  for (let i = 0; i < p.ratioRepeats; i++) order.push(...((i % 2 === 0 ? ['bare', 'cloudclinic'] : ['cloudclinic', 'bare']) as Variant[]));
  const runs: { variant: Variant; step: Step }[] = [];
  for (const variant of order) {
    const [step] = await ramp(ctx, load, variant, kind, [p.ratioN], { ...p, windowMs: p.ratioWindowMs });
    if (step) runs.push({ variant, step });
  }
  const cpu = (v: Variant) => median(runs.filter((r) => r.variant === v).map((r) => r.step.workerCpu));
  const node = (v: Variant) => median(runs.filter((r) => r.variant === v).map((r) => r.step.benchCpu));
  const loss = (v: Variant) => median(runs.filter((r) => r.variant === v).map((r) => r.step.lossPct));
  const range = (v: Variant) => {
    const xs = runs.filter((r) => r.variant === v).map((r) => r.step.workerCpu);
    return { min: Math.min(...xs), max: Math.max(...xs) };
  };
  return { runs, bareCpu: cpu('bare'), ccCpu: cpu('cloudclinic'), bareRange: range('bare'), ccRange: range('cloudclinic'), bareNode: node('bare'), ccNode: node('cloudclinic'), bareLoss: loss('bare'), ccLoss: loss('cloudclinic') };
}

function capacity(steps: Step[]): { passed: number; reachedLimit: boolean; limitBy: string; extrapolated: number } {
  const passing = steps.filter((s) => s.pass);
  const failing = steps.find((s) => !s.pass);
  const benchLimited = failing !== undefined && failing.receiverDropPct > LOSS_LIMIT && failing.workerCpu <= CPU_LIMIT && failing.lossPct <= LOSS_LIMIT;
  const fit = linearFit(passing.map((s) => ({ x: s.n, y: s.workerCpu })));
  const extrapolated = fit && fit.b > 0 ? (CPU_LIMIT - fit.a) / fit.b : Number.NaN;
  const limitBy = !failing
    ? `the limits were not reached up to N=${steps.at(-1)?.n ?? 0}, the largest step tried`
    : benchLimited
      ? `the bench's own receiver dropped ${failing.receiverDropPct.toFixed(1)} % at N=${failing.n} (worker at ${failing.workerCpu.toFixed(0)} %): a limit of the measurement on 2 cores, not of the server`
      : failing.notFlowing > 0
      ? `${failing.notFlowing} consumers never received media at N=${failing.n}`
      : failing.workerCpu > CPU_LIMIT
        ? `worker CPU ${failing.workerCpu.toFixed(0)} % at N=${failing.n} (machine ${failing.machineBusyPct.toFixed(0)} % busy)`
        : `loss ${failing.lossPct.toFixed(2)} % at N=${failing.n} with the worker at ${failing.workerCpu.toFixed(0)} % of a core and the machine ${failing.machineBusyPct.toFixed(0)} % busy${failing.kernelDrops > 0 ? ` (kernel UDP buffer drops: ${failing.kernelDrops})` : ''}`;
  return { passed: passing.at(-1)?.n ?? 0, reachedLimit: Boolean(failing) && !benchLimited, limitBy, extrapolated };
}

await runScenario('sfu-capacity', '1. SFU forwarding capacity (one worker)', async (ctx) => {
  const p = ctx.smoke ? { ...FULL, ...SMOKE } : FULL;
  const clip = loadClip();
  const load = await startRtpLoad({ receiverSockets: 4 });
  ctx.defer(() => load.stop());

  const goals: Goal[] = [];
  const tables: Table[] = [];
  const headline: string[] = [];
  const notes: string[] = [];
  const data: Record<string, unknown> = { clip: { origin: clip.origin, videoKbps: clip.video.kbps, audioKbps: clip.audio.kbps } };

  for (const kind of ['video', 'audio'] as const) {
    const bare = await ramp(ctx, load, 'bare', kind, p.steps[kind], p);
    const cc = await ramp(ctx, load, 'cloudclinic', kind, p.steps[kind], p);
    const ratio = await ratioRuns(ctx, load, kind, p);
    const capBare = capacity(bare);
    const capCc = capacity(cc);
    const layerCost = 100 * (ratio.ccCpu / ratio.bareCpu - 1);
    data[kind] = { bare, cloudclinic: cc, ratio, capacity: { bare: capBare, cloudclinic: capCc }, layerCostPct: layerCost };

    const rows = p.steps[kind].map((n) => {
      const b = bare.find((s) => s.n === n);
      const c = cc.find((s) => s.n === n);
      return [
        n,
        b ? b.workerCpu.toFixed(1) : '—',
        b ? b.lossPct.toFixed(2) : '—',
        c ? c.workerCpu.toFixed(1) : '—',
        c ? c.lossPct.toFixed(2) : '—',
        b && c ? fmt.ratio(c.workerCpu / b.workerCpu) : '—',
        (c ?? b) ? ((c ?? b) as Step).recvPps.toFixed(0) : '—',
        (c ?? b) ? ((c ?? b) as Step).mbpsOut.toFixed(1) : '—',
        [b, c].map((s) => (s ? s.receiverDropPct.toFixed(2) : '—')).join(' / '),
      ];
    }).filter((r) => r[1] !== '—' || r[3] !== '—');
    tables.push({
      title: `${kind === 'video' ? 'Video (VP8 ~500 kbps)' : 'Audio (Opus 20 ms)'}: one producer → N consumers, worker CPU (% of one core) and loss added by the server`,
      columns: ['N consumers', 'bare CPU %', 'bare loss %', 'CloudClinic CPU %', 'CloudClinic loss %', 'CloudClinic/bare CPU', 'packets out/s', 'Mbit/s out', 'bench receiver drops % (bare / CC)'],
      rows,
    });
    tables.push({
      title: `${kind}: layer cost at N=${p.ratioN}, ${p.ratioRepeats} alternating runs each (medians)`,
      columns: ['', 'bare mediasoup', 'CloudClinic Room/Peer', 'CloudClinic/bare'],
      rows: [
        ['worker CPU, % of one core (median)', ratio.bareCpu.toFixed(1), ratio.ccCpu.toFixed(1), fmt.ratio(ratio.ccCpu / ratio.bareCpu)],
        ['worker CPU, range over the runs', `${ratio.bareRange.min.toFixed(1)}–${ratio.bareRange.max.toFixed(1)}`, `${ratio.ccRange.min.toFixed(1)}–${ratio.ccRange.max.toFixed(1)}`, '—'],
        ['Node process CPU, % of one core', ratio.bareNode.toFixed(1), ratio.ccNode.toFixed(1), '—'],
        ['loss added by the server, %', ratio.bareLoss.toFixed(2), ratio.ccLoss.toFixed(2), '—'],
      ],
    });
    const capText = (c: ReturnType<typeof capacity>) =>
      c.reachedLimit
        ? `${c.passed} (limit: ${c.limitBy})`
        : `≥ ${c.passed} (${c.limitBy}${Number.isFinite(c.extrapolated) && c.extrapolated > c.passed ? `; the worker's CPU trend reaches 85 % near N≈${fmt.n(c.extrapolated)}` : ''})`;
    headline.push(`**${kind}**: capacity per worker — CloudClinic ${capText(capCc)}; bare ${capText(capBare)}. Layer cost at N=${p.ratioN}: CloudClinic/bare worker CPU = ${fmt.ratio(ratio.ccCpu / ratio.bareCpu)} (${layerCost >= 0 ? '+' : ''}${layerCost.toFixed(1)} %).`);
    goals.push({
      goal: `${kind} consumers per worker ≥ ${GOAL_CONSUMERS} (≤ 85 % of a core, ≤ 1 % loss), through CloudClinic`,
      measured: capText(capCc),
      // Below the goal only because the bench's receiver saturated: not measurable here, not a miss.
      met: ctx.smoke ? null : capCc.passed >= GOAL_CONSUMERS ? true : capCc.reachedLimit ? false : null,
    });
    if (!ctx.smoke && capCc.passed < GOAL_CONSUMERS && !capCc.reachedLimit) {
      notes.push(`${kind}: the goal could not be checked: ${capCc.limitBy}.`);
    } else if (!ctx.smoke && capCc.passed < GOAL_CONSUMERS) {
      notes.push(`${kind}: the goal of ${GOAL_CONSUMERS} consumers per worker is **missed**: ${capCc.passed} passed; the limit was ${capCc.limitBy} (bare mediasoup on the same load: ${capText(capBare)}).`);
    }
    if (!ctx.smoke && layerCost > GOAL_LAYER_COST) {
      notes.push(
        `${kind}: the layer-cost goal (≤ ${GOAL_LAYER_COST} %) is **missed**: the worker used ${ratio.ccCpu.toFixed(1)} % of a core through CloudClinic against ${ratio.bareCpu.toFixed(1)} % bare at N=${p.ratioN}.${kind === 'audio' ? ' The Room registers every audio producer with an ActiveSpeakerObserver, which reads the audio level of every packet; that is the one per-packet difference between the two graphs.' : ''} Runs: ${ratio.runs.map((r) => `${r.variant} ${r.step.workerCpu.toFixed(1)} %`).join(', ')}${ratio.ccRange.min <= ratio.bareRange.max ? ' — the ranges overlap, so the difference is within the run-to-run noise of this shared machine' : ''}.`,
      );
    }
    goals.push({
      goal: `${kind}: CloudClinic layer cost ≤ ${GOAL_LAYER_COST} % (worker CPU vs bare mediasoup, same load)`,
      measured: `${layerCost >= 0 ? '+' : ''}${layerCost.toFixed(1)} % (CloudClinic/bare ${fmt.ratio(ratio.ccCpu / ratio.bareCpu)})`,
      met: ctx.smoke ? null : layerCost <= GOAL_LAYER_COST,
    });
    const drops = [...bare, ...cc].reduce((s, x) => s + x.kernelDrops, 0);
    if (drops > 0) {
      notes.push(`${kind}: the kernel dropped ${drops} UDP datagrams for full receive buffers during the ramps. Drops at the bench receiver's own sockets (/proc/net/udp) are not counted as server loss; any others (e.g. at the worker's input socket) are.`);
    }
  }

  return {
    status: 'ok',
    method: [
      `One mediasoup worker (mediasoup 3.13.16, the project's patched worker binary — the same file for both variants). Load: ${clip.description}; the RTP generator (a separate Node process) packetizes it as a browser does (VP8 payload descriptor with PictureID, marker bit per frame; Opus with the ssrc-audio-level extension) and sends it at its real rate into a PlainTransport producer (comedia). PLI/FIR from the SFU makes the generator send its key frame, as an encoder would.`,
      `N consumers, each on its own PlainTransport, send to UDP sockets in a receiver process that counts packets and bytes per SSRC. Loss added by the server = 1 − received / (sent × N) over each measurement window (${p.windowMs / 1000} s after a ${p.settleMs / 1000} s settle, once every new consumer has delivered media; the generator holds for 150 ms at both ends of the window so that "sent" and "received" cover exactly the same packets). Worker CPU is utime+stime of the worker process from /proc/<pid>/stat over the window, in % of one core. N grows step by step until the worker passes ${CPU_LIMIT} % or loss passes ${LOSS_LIMIT} %; the capacity is the last step within both limits.`,
      `**Bare**: mediasoup API directly (worker → router with the project's codec list → transports → consume). **CloudClinic**: the project's WorkerPool → RoomRegistry → Room → Peer; each consumer is a Peer that joins the Room and gets its consumers from \`Room.setReady\` (created paused, then resumed as \`consumer.resume\` does); the producer goes through \`Room.produce\` (which also registers audio with the active-speaker observer). Transports are PlainTransports in both, so ICE/DTLS/SRTP (WebRtcTransport) cost is not part of these figures; SRTP encryption would add per-packet cost in production.`,
      `Layer cost: the same N (${p.ratioN}) measured ${p.ratioRepeats}× per variant in alternating order (bare, CloudClinic, CloudClinic, bare, …); the ratio is of the medians.`,
      `This machine has 2 cores: the generator, the receiver and the bench process run beside the worker, so the worker never has a core to itself; their CPU is recorded in bench/results/sfu-capacity.json.`,
    ],
    headline,
    goals,
    tables,
    notes,
    data,
  };
});
