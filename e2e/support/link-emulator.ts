import dgram from 'node:dgram';
import type { BrowserContext } from '@playwright/test';

/**
 * A bad network for WebRTC, in user space, on loopback only. Chromium's network emulation does not
 * touch WebRTC's UDP, and this machine's kernel has no `netem` qdisc (tc answers "Specified qdisc
 * kind is unknown"), so the field doctor's media goes through this UDP relay instead: the page's
 * remote ICE candidates (the SFU's) are rewritten to point at the relay, which forwards every
 * datagram — STUN, DTLS, SRTP/SRTCP, SCTP — both ways with delay, jitter, random loss and a rate
 * limit with a bounded queue (tail drop), like `tc netem … rate`. Only 127.0.0.1 is involved.
 */
export interface LinkConditions {
  /** One-way delay (ms): RTT grows by twice this. */
  delayMs: number;
  /** Extra random delay 0..jitterMs per packet (reorders packets, as real links do). */
  jitterMs: number;
  /** Probability that a packet is lost, each direction. */
  loss: number;
  /** Bottleneck rate per direction (kbps); null: unlimited. */
  rateKbps: number | null;
  /** Longest queue at the bottleneck (ms) before packets are dropped. */
  queueMs: number;
}

export const CLEAN: LinkConditions = { delayMs: 0, jitterMs: 0, loss: 0, rateKbps: null, queueMs: 200 };

class Direction {
  private nextFree = 0;
  dropped = 0;
  passed = 0;

  constructor(private readonly link: { conditions: LinkConditions }) {}

  schedule(size: number, deliver: () => void): void {
    const c = this.link.conditions;
    if (c.loss > 0 && Math.random() < c.loss) {
      this.dropped += 1;
      return;
    }
    const now = performance.now();
    let departure = now;
    if (c.rateKbps !== null) {
      const start = Math.max(now, this.nextFree);
      if (start - now > c.queueMs) {
        this.dropped += 1; // the bottleneck queue is full
        return;
      }
      this.nextFree = start + (size * 8) / c.rateKbps; // kbps = bits per ms
      departure = this.nextFree;
    }
    const at = departure + c.delayMs + (c.jitterMs > 0 ? Math.random() * c.jitterMs : 0);
    this.passed += 1;
    const wait = at - now;
    if (wait < 0.5) deliver();
    else setTimeout(deliver, wait);
  }
}

interface Relay {
  front: dgram.Socket;
  port: number;
}

export class LinkEmulator {
  conditions: LinkConditions = { ...CLEAN };
  readonly up = new Direction(this);
  readonly down = new Direction(this);
  private readonly relays = new Map<string, Promise<Relay>>();
  private readonly sockets: dgram.Socket[] = [];

  set(conditions: Partial<LinkConditions>): void {
    this.conditions = { ...CLEAN, ...conditions };
  }

  /** The relay port standing in for `host:port` (one per SFU address; created on first use). */
  portFor(host: string, port: number): Promise<number> {
    if (!/^127\.\d+\.\d+\.\d+$/.test(host) && host !== 'localhost') throw new Error(`refusing to relay to ${host}: loopback only`);
    const key = `${host}:${port}`;
    let relay = this.relays.get(key);
    if (!relay) {
      relay = this.open(host, port);
      this.relays.set(key, relay);
    }
    return relay.then((r) => r.port);
  }

  /** Rewrites the remote candidates of `context`'s peer connections to go through this relay (UDP only). */
  async attach(context: BrowserContext): Promise<void> {
    await context.exposeBinding('__linkRelay', (_source, host: string, port: number) => this.portFor(host, port));
    await context.addInitScript(() => {
      const w = window as unknown as { __linkRelay(host: string, port: number): Promise<number> };
      const original = RTCPeerConnection.prototype.setRemoteDescription as (this: RTCPeerConnection, desc: RTCSessionDescriptionInit) => Promise<void>;
      RTCPeerConnection.prototype.setRemoteDescription = async function (this: RTCPeerConnection, desc?: RTCSessionDescriptionInit): Promise<void> {
        if (desc?.sdp) {
          const out: string[] = [];
          for (const line of desc.sdp.split('\r\n')) {
            const m = /^a=candidate:(\S+) (\d+) (udp|tcp) (\d+) (\S+) (\d+) typ (.*)$/i.exec(line);
            if (!m) {
              out.push(line);
              continue;
            }
            if ((m[3] ?? '').toLowerCase() !== 'udp') continue; // no TCP way around the bad link
            // The SFU also announces its LAN addresses; only the loopback one goes through the relay,
            // so the others are dropped (no way around the bad link).
            if (!/^127\.\d+\.\d+\.\d+$/.test(m[5] ?? '')) continue;
            const port = await w.__linkRelay(m[5] ?? '', Number(m[6]));
            out.push(`a=candidate:${m[1]} ${m[2]} ${m[3]} ${m[4]} 127.0.0.1 ${port} typ ${m[7]}`);
          }
          desc = { type: desc.type, sdp: out.join('\r\n') };
        }
        if (!desc) throw new TypeError('setRemoteDescription needs a description');
        return original.call(this, desc);
      } as typeof RTCPeerConnection.prototype.setRemoteDescription;
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.sockets.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
    this.sockets.length = 0;
    this.relays.clear();
  }

  private async open(host: string, port: number): Promise<Relay> {
    const front = dgram.createSocket('udp4');
    this.sockets.push(front);
    const backs = new Map<string, dgram.Socket>();
    front.on('message', (msg, from) => {
      const key = `${from.address}:${from.port}`;
      let back = backs.get(key);
      if (!back) {
        const b = dgram.createSocket('udp4');
        this.sockets.push(b);
        b.bind(0, '127.0.0.1');
        b.on('message', (reply) => this.down.schedule(reply.length, () => safeSend(front, reply, from.port, from.address)));
        b.on('error', () => undefined);
        backs.set(key, b);
        back = b;
      }
      const out = back;
      this.up.schedule(msg.length, () => safeSend(out, msg, port, host));
    });
    front.on('error', () => undefined);
    await new Promise<void>((resolve) => front.bind(0, '127.0.0.1', () => resolve()));
    return { front, port: front.address().port };
  }
}

/** A packet due after the relay closed is simply lost. */
function safeSend(socket: dgram.Socket, msg: Buffer, port: number, host: string): void {
  try {
    socket.send(msg, port, host);
  } catch {
    // closed
  }
}
