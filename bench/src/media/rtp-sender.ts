import dgram from 'node:dgram';
import { serveRpc, type Handlers } from '../lib/rpc';
import { percentile } from '../lib/stats';
import type { SenderApi, SenderSnapshot, StreamSpec } from './load-api';
import { loadClip } from './media-clip';
import { isRtcp, keyFrameRequests, packetizeOpus, packetizeVp8, type RtpState } from './rtp';

/**
 * RTP load generator (own process, so the measuring process is not the bottleneck). Each stream
 * replays the cached clip at its real rate, frames sent when due; streams to the same transport
 * share one UDP socket (one 5-tuple, as a browser's send transport); a PLI/FIR from the SFU makes
 * the stream it names send its key frame next, as a browser's encoder would.
 */
const clip = loadClip();
const VIDEO_TICKS = 90000 / clip.video.fps;
const AUDIO_TICKS = 48 * clip.audio.frameMs;

interface Stream {
  spec: StreamSpec;
  socket: dgram.Socket;
  rtp: RtpState;
  timestamp: number;
  index: number;
  periodMs: number;
  due: number;
  keyRequested: boolean;
  packets: number;
  bytes: number;
  frames: number;
  keyFrameRequests: number;
  closed: boolean;
}

const streams = new Map<string, Stream>();
const bySsrc = new Map<number, Stream>();
/** One socket per destination (the producer transport's port), shared by the streams sent there. */
const sockets = new Map<string, { socket: dgram.Socket; users: number }>();

function socketFor(host: string, port: number): dgram.Socket {
  const key = `${host}:${port}`;
  let entry = sockets.get(key);
  if (!entry) {
    const socket = dgram.createSocket({ type: 'udp4', sendBufferSize: 1 << 20 });
    socket.bind(0, '127.0.0.1');
    socket.on('message', (msg) => {
      if (!isRtcp(msg)) return;
      for (const ssrc of keyFrameRequests(msg)) {
        const s = bySsrc.get(ssrc);
        if (s && s.spec.kind === 'video') {
          s.keyRequested = true;
          s.keyFrameRequests++;
        }
      }
    });
    socket.on('error', () => undefined);
    entry = { socket, users: 0 };
    sockets.set(key, entry);
  }
  entry.users++;
  return entry.socket;
}

function releaseSocket(host: string, port: number): void {
  const key = `${host}:${port}`;
  const entry = sockets.get(key);
  if (!entry || --entry.users > 0) return;
  entry.socket.close();
  sockets.delete(key);
}
let lateness: number[] = [];
let heap: Stream[] = [];
let paused = false;

// Min-heap on `due`.
function push(s: Stream): void {
  heap.push(s);
  for (let i = heap.length - 1; i > 0; ) {
    const p = (i - 1) >> 1;
    if ((heap[p]?.due ?? 0) <= s.due) break;
    [heap[p], heap[i]] = [heap[i] as Stream, heap[p] as Stream];
    i = p;
  }
}
function pop(): Stream | undefined {
  const top = heap[0];
  const last = heap.pop();
  if (heap.length && last) {
    heap[0] = last;
    for (let i = 0; ; ) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && (heap[l]?.due ?? 0) < (heap[m]?.due ?? 0)) m = l;
      if (r < heap.length && (heap[r]?.due ?? 0) < (heap[m]?.due ?? 0)) m = r;
      if (m === i) break;
      [heap[m], heap[i]] = [heap[i] as Stream, heap[m] as Stream];
      i = m;
    }
  }
  return top;
}

function sendFrame(s: Stream): void {
  const packets: Buffer[] = [];
  if (s.spec.kind === 'video') {
    if (s.keyRequested) {
      s.index = 0; // the clip's key frame
      s.keyRequested = false;
    }
    packets.push(...packetizeVp8(clip.video.frames[s.index] ?? Buffer.alloc(100), s.rtp, s.timestamp));
    s.timestamp = (s.timestamp + VIDEO_TICKS) >>> 0;
    // Loop over the delta frames only: key frames come at the start and on request, as in WebRTC.
    s.index = s.index + 1 >= clip.video.frames.length ? 1 : s.index + 1;
  } else {
    const frame = clip.audio.frames[s.index] ?? Buffer.alloc(80);
    const level = Math.max(0, Math.min(127, 127 - Math.round(frame.length / 2)));
    packets.push(packetizeOpus(frame, s.rtp, s.timestamp, level));
    s.timestamp = (s.timestamp + AUDIO_TICKS) >>> 0;
    s.index = (s.index + 1) % clip.audio.frames.length;
  }
  for (const p of packets) {
    s.socket.send(p, s.spec.port, s.spec.host);
    s.packets++;
    s.bytes += p.length;
  }
  s.frames++;
}

function tick(): void {
  const now = performance.now();
  for (let s = heap[0]; s && s.due <= now; s = heap[0]) {
    pop();
    if (s.closed) continue;
    if (!paused) {
      lateness.push(now - s.due);
      sendFrame(s);
    }
    s.due += s.periodMs;
    // A stalled process does not try to catch up with a burst (a browser would skip frames too).
    if (s.due < now - 200) s.due = now + s.periodMs;
    push(s);
  }
}
setInterval(tick, 2);

const handlers: Handlers<SenderApi> = {
  addStreams({ streams: specs }) {
    const now = performance.now();
    for (const spec of specs) {
      const socket = socketFor(spec.host, spec.port);
      const periodMs = spec.kind === 'video' ? 1000 / clip.video.fps : clip.audio.frameMs;
      const s: Stream = {
        spec,
        socket,
        rtp: { ssrc: spec.ssrc, seq: Math.floor(Math.random() * 65535), pictureId: Math.floor(Math.random() * 32767) },
        timestamp: Math.floor(Math.random() * 2 ** 31),
        index: spec.kind === 'video' ? 0 : Math.floor(Math.random() * clip.audio.frames.length),
        periodMs,
        due: now + Math.random() * periodMs, // spread the streams' frame times
        keyRequested: false,
        packets: 0,
        bytes: 0,
        frames: 0,
        keyFrameRequests: 0,
        closed: false,
      };
      streams.set(spec.id, s);
      bySsrc.set(spec.ssrc, s);
      push(s);
    }
  },
  removeStreams({ ids }) {
    for (const id of ids) {
      const s = streams.get(id);
      if (!s) continue;
      s.closed = true;
      releaseSocket(s.spec.host, s.spec.port);
      streams.delete(id);
      bySsrc.delete(s.spec.ssrc);
    }
    heap = heap.filter((s) => !s.closed);
    heap.sort((a, b) => a.due - b.due);
  },
  setPaused({ paused: p }) {
    paused = p;
  },
  snapshot(): SenderSnapshot {
    const l = lateness;
    lateness = [];
    return {
      at: performance.timeOrigin + performance.now(),
      streams: [...streams.values()].map((s) => ({ id: s.spec.id, packets: s.packets, bytes: s.bytes, frames: s.frames, keyFrameRequests: s.keyFrameRequests })),
      latenessMs: { p99: percentile(l, 99), max: l.reduce((a, b) => Math.max(a, b), 0), samples: l.length },
    };
  },
};

serveRpc<SenderApi>(handlers, () => {
  for (const { socket } of sockets.values()) socket.close();
});
