import dgram from 'node:dgram';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { serveRpc, type Handlers } from '../lib/rpc';
import type { ReceiverApi, ReceiverSnapshot, SsrcRow } from './load-api';
import { isRtcp } from './rtp';

/**
 * Counts what the SFU's consumers send (own process): per SSRC packets, bytes, expected packets
 * from the sequence numbers, and for video the frames (marker bit) and freezes, defined as in
 * WebRTC's stats: a frame interval ≥ max(3 × average interval, average + 150 ms).
 */
interface SsrcState {
  packets: number;
  bytes: number;
  baseSeq: number;
  maxExt: number;
  frames: number;
  lastFrameAt: number;
  avgInterval: number;
  freezes: number;
  freezeMs: number;
  maxGapMs: number;
}

const state = new Map<number, SsrcState>();
const sockets: dgram.Socket[] = [];
let rtcpPackets = 0;
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

function onPacket(msg: Buffer): void {
  if (msg.length < 12) return;
  if (isRtcp(msg)) {
    rtcpPackets++;
    return;
  }
  const ssrc = msg.readUInt32BE(8);
  const seq = msg.readUInt16BE(2);
  let s = state.get(ssrc);
  if (!s) {
    s = { packets: 0, bytes: 0, baseSeq: seq, maxExt: seq, frames: 0, lastFrameAt: 0, avgInterval: 0, freezes: 0, freezeMs: 0, maxGapMs: 0 };
    state.set(ssrc, s);
  }
  s.packets++;
  s.bytes += msg.length;
  // Extend the 16-bit sequence number around the highest one seen (reordering tolerated).
  const cycle = s.maxExt - (s.maxExt & 0xffff);
  let ext = cycle + seq;
  if (ext < s.maxExt - 0x8000) ext += 0x10000;
  else if (ext > s.maxExt + 0x8000) ext -= 0x10000;
  if (ext > s.maxExt) s.maxExt = ext;
  const marker = ((msg[1] ?? 0) & 0x80) !== 0;
  // Only video sets the marker bit here (the generator's audio never starts a talkspurt).
  if (marker) {
    const now = performance.now();
    if (s.frames > 0) {
      const gap = now - s.lastFrameAt;
      if (s.frames > 5 && gap >= Math.max(3 * s.avgInterval, s.avgInterval + 150)) {
        s.freezes++;
        s.freezeMs += gap;
      } else {
        s.avgInterval = s.frames === 1 ? gap : 0.95 * s.avgInterval + 0.05 * gap;
      }
      if (s.frames > 5 && gap > s.maxGapMs) s.maxGapMs = gap;
    }
    s.lastFrameAt = now;
    s.frames++;
  }
}

const handlers: Handlers<ReceiverApi> = {
  async open({ sockets: n }) {
    const ports: number[] = [];
    for (let i = 0; i < n; i++) {
      // 4 MiB: the kernel's rmem_max here; bursts of key frames to hundreds of consumers need it.
      const sock = dgram.createSocket({ type: 'udp4', recvBufferSize: 4 << 20 });
      sock.on('message', onPacket);
      await new Promise<void>((resolve) => sock.bind(0, '127.0.0.1', () => resolve()));
      sockets.push(sock);
      ports.push(sock.address().port);
    }
    return { ports };
  },
  snapshot(): ReceiverSnapshot {
    const rows: SsrcRow[] = [];
    for (const [ssrc, s] of state) {
      rows.push([ssrc, s.packets, s.bytes, s.maxExt - s.baseSeq + 1, s.frames, s.freezes, Math.round(s.freezeMs), Math.round(s.maxGapMs)]);
      s.maxGapMs = 0; // the largest frame gap is per snapshot window; the other columns are cumulative
    }
    const snap = { at: performance.timeOrigin + performance.now(), rows, rtcpPackets, loopDelayMs: { p99: loop.percentile(99) / 1e6, max: loop.max / 1e6 } };
    loop.reset();
    return snap;
  },
};

serveRpc<ReceiverApi>(handlers, () => {
  for (const s of sockets) s.close();
});
