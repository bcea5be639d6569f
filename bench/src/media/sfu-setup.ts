import crypto from 'node:crypto';
import * as mediasoup from 'mediasoup';
import type { types as ms } from 'mediasoup';
import { createLogger } from '@cloudclinic/server/src/lib/logger';
import { ROUTER_CODECS } from '@cloudclinic/server/src/media/media-config';
import { Peer } from '@cloudclinic/server/src/media/peer';
import type { Room } from '@cloudclinic/server/src/media/room';
import { RoomRegistry } from '@cloudclinic/server/src/media/room-registry';
import { WorkerPool } from '@cloudclinic/server/src/media/worker-pool';
import { rtpAudioParameters, rtpVideoParameters } from './rtp';

/**
 * The two ways the SFU benchmarks build the same media graph on a mediasoup worker:
 *  - `bare`: mediasoup's API directly (worker → router → transports → producer/consumers);
 *  - `cloudclinic`: the project's WorkerPool → RoomRegistry → Room → Peer, with consumers created by
 *    `Room.setReady` (paused, as for a browser) and resumed as the client's `consumer.resume` does.
 * Media enters and leaves through PlainTransports (RTP over UDP without ICE/DTLS) so the bench can
 * inject and count real packets; Peer keeps them where it keeps WebRtcTransports (same Transport API).
 */

export type Variant = 'bare' | 'cloudclinic';
export type Kind = 'audio' | 'video';

const LOOPBACK = '127.0.0.1';
const RTC_MIN_PORT = 41000;
const RTC_MAX_PORT = 49999;
const silentLog = createLogger('warn');

export const randomSsrc = () => crypto.randomInt(1, 2 ** 31);

const producerParams = (kind: Kind, ssrc: number): ms.RtpParameters =>
  (kind === 'video' ? rtpVideoParameters(ssrc) : rtpAudioParameters(ssrc)) as ms.RtpParameters;

async function plainIn(router: ms.Router): Promise<ms.PlainTransport> {
  return router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: LOOPBACK }, rtcpMux: true, comedia: true });
}

async function plainOut(router: ms.Router, port: number): Promise<ms.PlainTransport> {
  const t = await router.createPlainTransport({ listenInfo: { protocol: 'udp', ip: LOOPBACK }, rtcpMux: true, comedia: false });
  await t.connect({ ip: LOOPBACK, port });
  return t;
}

/** Put a PlainTransport where Room/Peer look for a peer's transports. */
function attach(peer: Peer, t: ms.PlainTransport, direction: 'send' | 'recv'): void {
  t.appData['direction'] = direction;
  // Peer types its map for WebRtcTransports; produce/consume are the common Transport API.
  peer.transports.set(t.id, t as unknown as ms.WebRtcTransport);
  t.observer.once('close', () => peer.transports.delete(t.id));
}

let peerSeq = 0;
function newPeer(role: 'expert' | 'patient_kiosk' = 'patient_kiosk', notify: Peer['notify'] = () => undefined): Peer {
  const n = ++peerSeq;
  return new Peer(
    { peerId: crypto.randomUUID(), userId: `bench-user-${n}`, displayName: `bench ${n}`, userRole: role === 'expert' ? 'expert' : 'kiosk', participantRole: role, institutionName: 'bench' },
    notify,
  );
}

// ------------------------------------------------------------------------------------------------
// Fan-out: one producer, N consumers (figure 1)

export interface Fanout {
  variant: Variant;
  kind: Kind;
  workerPid: number;
  /** Where the generator sends the producer's RTP. */
  producerPort: number;
  producerSsrc: number;
  consumerSsrcs: number[];
  addConsumers(n: number, receiverPorts: number[]): Promise<void>;
  close(): Promise<void>;
}

export async function createFanout(variant: Variant, kind: Kind): Promise<Fanout> {
  return variant === 'bare' ? bareFanout(kind) : cloudclinicFanout(kind);
}

async function bareFanout(kind: Kind): Promise<Fanout> {
  const worker = await mediasoup.createWorker({ logLevel: 'warn', rtcMinPort: RTC_MIN_PORT, rtcMaxPort: RTC_MAX_PORT });
  const router = await worker.createRouter({ mediaCodecs: ROUTER_CODECS });
  const input = await plainIn(router);
  const producerSsrc = randomSsrc();
  const producer = await input.produce({ kind, rtpParameters: producerParams(kind, producerSsrc) });
  const consumerSsrcs: number[] = [];
  let next = 0;
  return {
    variant: 'bare',
    kind,
    workerPid: worker.pid,
    producerPort: input.tuple.localPort,
    producerSsrc,
    consumerSsrcs,
    async addConsumers(n, ports) {
      await inBatches(n, async () => {
        const port = ports[next++ % ports.length] ?? 0;
        const t = await plainOut(router, port);
        const c = await t.consume({ producerId: producer.id, rtpCapabilities: router.rtpCapabilities });
        consumerSsrcs.push(c.rtpParameters.encodings?.[0]?.ssrc ?? 0);
      });
    },
    async close() {
      router.close();
      const exited = new Promise<void>((resolve) => worker.once('subprocessclose', () => resolve()));
      worker.close();
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    },
  };
}

async function cloudclinicFanout(kind: Kind): Promise<Fanout> {
  const pool = new WorkerPool(
    { count: 1, logLevel: 'warn', addresses: [{ ip: LOOPBACK }], basePort: 0, rtcMinPort: RTC_MIN_PORT, rtcMaxPort: RTC_MAX_PORT },
    silentLog,
  );
  await pool.start();
  const rooms = new RoomRegistry(pool, silentLog);
  const room = await rooms.getOrCreate(crypto.randomUUID());
  const sender = newPeer('expert');
  room.join(sender);
  const input = await plainIn(room.router);
  attach(sender, input, 'send');
  const producerSsrc = randomSsrc();
  await room.produce(sender, input.id, kind, producerParams(kind, producerSsrc), kind === 'video' ? 'camera' : 'microphone', false);
  const consumerSsrcs: number[] = [];
  let next = 0;
  const worker = pool.workers()[0];
  if (!worker) throw new Error('WorkerPool started no worker');
  return {
    variant: 'cloudclinic',
    kind,
    workerPid: worker.worker.pid,
    producerPort: input.tuple.localPort,
    producerSsrc,
    consumerSsrcs,
    async addConsumers(n, ports) {
      await inBatches(n, async () => {
        const port = ports[next++ % ports.length] ?? 0;
        const { consumers } = await joinReceiver(room, port);
        for (const c of consumers) {
          consumerSsrcs.push(c.rtpParameters.encodings?.[0]?.ssrc ?? 0);
        }
      });
    },
    async close() {
      rooms.close();
      await pool.close();
    },
  };
}

/** A receiving participant as the signaling handlers build it: join, recv transport, ready, resume. */
async function joinReceiver(room: Room, port: number) {
  const peer = newPeer();
  room.join(peer);
  const t = await plainOut(room.router, port);
  attach(peer, t, 'recv');
  await room.setReady(peer, room.router.rtpCapabilities, undefined);
  const consumers = [...peer.consumers.values()];
  await Promise.all(consumers.map((c) => c.resume()));
  return { peer, consumers };
}

async function inBatches(n: number, fn: () => Promise<void>, batch = 25): Promise<void> {
  for (let done = 0; done < n; done += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, n - done) }, fn));
  }
}

// ------------------------------------------------------------------------------------------------
// Consultations: rooms of two peers, each sending audio + video and receiving the other's (figure 3)

export interface ConsultationMedia {
  /** Generator streams feeding this consultation's producers. */
  streams: { id: string; kind: Kind; ssrc: number; port: number }[];
  /** Consumers: their SSRC at the receiver and the stream they carry. */
  consumers: { ssrc: number; kind: Kind; streamId: string }[];
  room: Room;
}

export class ConsultationFarm {
  private constructor(
    readonly pool: WorkerPool,
    readonly rooms: RoomRegistry,
  ) {}

  static async start(workers: number): Promise<ConsultationFarm> {
    const pool = new WorkerPool({ count: workers, logLevel: 'warn', addresses: [{ ip: LOOPBACK }], basePort: 0, rtcMinPort: RTC_MIN_PORT, rtcMaxPort: RTC_MAX_PORT }, silentLog);
    await pool.start();
    return new ConsultationFarm(pool, new RoomRegistry(pool, silentLog));
  }

  workerPids(): number[] {
    return this.pool.workers().map((w) => w.worker.pid);
  }

  /** Expert and kiosk join; each sends camera + microphone; each receives the other's two. */
  async add(receiverPort: () => number): Promise<ConsultationMedia> {
    const room = await this.rooms.getOrCreate(crypto.randomUUID());
    const streams: ConsultationMedia['streams'] = [];
    const peers = [newPeer('expert'), newPeer('patient_kiosk')];
    const byProducer = new Map<string, string>();
    for (const peer of peers) {
      room.join(peer);
      const input = await plainIn(room.router);
      attach(peer, input, 'send');
      for (const kind of ['audio', 'video'] as const) {
        const ssrc = randomSsrc();
        const p = await room.produce(peer, input.id, kind, producerParams(kind, ssrc), kind === 'video' ? 'camera' : 'microphone', false);
        const id = `${room.id}:${peer.id}:${kind}`;
        byProducer.set(p.id, id);
        streams.push({ id, kind, ssrc, port: input.tuple.localPort });
      }
    }
    const consumers: ConsultationMedia['consumers'] = [];
    for (const peer of peers) {
      const { consumers: cs } = await joinReceiverExisting(room, peer, receiverPort());
      for (const c of cs) consumers.push({ ssrc: c.rtpParameters.encodings?.[0]?.ssrc ?? 0, kind: c.kind, streamId: byProducer.get(c.producerId) ?? '' });
    }
    return { streams, consumers, room };
  }

  async close(): Promise<void> {
    this.rooms.close();
    await this.pool.close();
  }
}

async function joinReceiverExisting(room: Room, peer: Peer, port: number) {
  const t = await plainOut(room.router, port);
  attach(peer, t, 'recv');
  await room.setReady(peer, room.router.rtpCapabilities, undefined);
  const consumers = [...peer.consumers.values()];
  await Promise.all(consumers.map((c) => c.resume()));
  return { consumers };
}
