import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CpuWindow, udpCounters, udpDropsOnPorts } from '../lib/proc';
import { RpcChild } from '../lib/rpc';
import { sleep } from '../lib/stats';
import type { ReceiverApi, SenderApi, SenderSnapshot, ReceiverSnapshot } from './load-api';

const here = path.dirname(fileURLToPath(import.meta.url));

export interface RtpLoad {
  sender: RpcChild<SenderApi>;
  receiver: RpcChild<ReceiverApi>;
  receiverPorts: number[];
  stop(): Promise<void>;
}

/** Start the generator and the receiver, each in its own process. */
export async function startRtpLoad(opts: { receiverSockets: number }): Promise<RtpLoad> {
  const [sender, receiver] = await Promise.all([
    RpcChild.start<SenderApi>(path.join(here, 'rtp-sender.ts'), { name: 'rtp-sender' }),
    RpcChild.start<ReceiverApi>(path.join(here, 'rtp-receiver.ts'), { name: 'rtp-receiver' }),
  ]);
  const { ports } = await receiver.call('open', { sockets: opts.receiverSockets });
  return {
    sender,
    receiver,
    receiverPorts: ports,
    stop: async () => {
      await Promise.all([sender.stop(), receiver.stop()]);
    },
  };
}

export interface SsrcDelta {
  packets: number;
  bytes: number;
  expected: number;
  frames: number;
  freezes: number;
  freezeMs: number;
  maxGapMs: number;
}

export interface LoadWindow {
  seconds: number;
  sent: Map<string, { packets: number; bytes: number; frames: number }>;
  received: Map<number, SsrcDelta>;
  /** CPU, % of one core, per pid (SFU workers, generator, receiver, this process). */
  cpu: Map<number, number>;
  machineBusyPct: number;
  senderLatenessMs: SenderSnapshot['latenessMs'];
  receiverLoopDelayMs: ReceiverSnapshot['loopDelayMs'];
  /** Datagrams the kernel dropped because a receive buffer was full (ours or the SFU's), whole namespace. */
  udpRcvbufErrors: number;
  /** Of those, dropped at the bench receiver's own sockets (not the server's doing). */
  receiverDrops: number;
  /** RTCP packets the receiver got (RTCP shares the sockets; drops hit it in proportion). */
  rtcpPackets: number;
}

const DRAIN_MS = 150;

/**
 * Counters at a window boundary. `exact`: hold the generator and let in-flight packets arrive first,
 * so sent and received cover exactly the same packets (a 150 ms gap in the streams). Otherwise sender
 * then receiver, at both ends, so packets in flight roughly cancel out (fine over many streams).
 */
async function snap(load: RtpLoad, exact: boolean) {
  if (exact) {
    await load.sender.call('setPaused', { paused: true });
    await sleep(DRAIN_MS);
  }
  const s = await load.sender.call('snapshot', null);
  const r = await load.receiver.call('snapshot', null);
  if (exact) await load.sender.call('setPaused', { paused: false });
  return { s, r };
}

/** Counters over a window of `ms` of steady load. */
export async function measureWindow(load: RtpLoad, ms: number, pids: number[], exact = false): Promise<LoadWindow> {
  const a = await snap(load, exact);
  const udp0 = udpCounters();
  const drops0 = udpDropsOnPorts(load.receiverPorts);
  const cpu = new CpuWindow([...pids, load.sender.pid, load.receiver.pid, process.pid]).start();
  await sleep(ms);
  const c = cpu.stop();
  const udp1 = udpCounters();
  const drops1 = udpDropsOnPorts(load.receiverPorts);
  const b = await snap(load, exact);
  const sent = new Map<string, { packets: number; bytes: number; frames: number }>();
  const before = new Map(a.s.streams.map((x) => [x.id, x]));
  for (const x of b.s.streams) {
    const y = before.get(x.id);
    sent.set(x.id, { packets: x.packets - (y?.packets ?? 0), bytes: x.bytes - (y?.bytes ?? 0), frames: x.frames - (y?.frames ?? 0) });
  }
  const received = new Map<number, SsrcDelta>();
  const rBefore = new Map(a.r.rows.map((row) => [row[0], row]));
  for (const row of b.r.rows) {
    const o = rBefore.get(row[0]);
    received.set(row[0], {
      packets: row[1] - (o?.[1] ?? 0),
      bytes: row[2] - (o?.[2] ?? 0),
      expected: row[3] - (o?.[3] ?? 0),
      frames: row[4] - (o?.[4] ?? 0),
      freezes: row[5] - (o?.[5] ?? 0),
      freezeMs: row[6] - (o?.[6] ?? 0),
      maxGapMs: row[7],
    });
  }
  return {
    seconds: c.seconds,
    sent,
    received,
    cpu: c.perPid,
    machineBusyPct: c.machineBusyPct,
    senderLatenessMs: b.s.latenessMs,
    receiverLoopDelayMs: b.r.loopDelayMs,
    udpRcvbufErrors: udp1.rcvbufErrors - udp0.rcvbufErrors,
    receiverDrops: drops1 - drops0,
    rtcpPackets: b.r.rtcpPackets - a.r.rtcpPackets,
  };
}

/** Wait until every SSRC in `ssrcs` has delivered packets (video consumers wait for a key frame). */
export async function waitFlowing(load: RtpLoad, ssrcs: Iterable<number>, timeoutMs: number): Promise<number> {
  const want = new Set(ssrcs);
  const deadline = Date.now() + timeoutMs;
  let missing = want.size;
  while (Date.now() < deadline) {
    const { rows } = await load.receiver.call('snapshot', null);
    const seen = new Set(rows.filter((r) => r[1] > 0).map((r) => r[0]));
    missing = [...want].filter((s) => !seen.has(s)).length;
    if (missing === 0) return 0;
    await sleep(200);
  }
  return missing;
}
