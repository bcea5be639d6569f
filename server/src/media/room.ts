import { EventEmitter } from 'node:events';
import type { types as ms } from 'mediasoup';
import type { PeerDevices, PeerInfo, PeerLeftReason } from '@cloudclinic/shared';
import type { Logger } from '../lib/logger';
import { AppError } from '../lib/errors';
import { ROUTER_CODECS, TRANSPORT_DEFAULTS } from './media-config';
import type { LinkEvent, RemotePeer } from './link-messages';
import type { Peer, ProducerAppData } from './peer';
import type { RoomLink } from './room-link';
import type { PooledWorker } from './worker-pool';

export type RoomCloseReason = 'empty' | 'media_restart' | 'consultation_ended' | 'shutdown';

/** What the room's links forward to the other nodes: a producer to pipe, or a peer's news. */
export type RoomChange = { type: 'producer'; producer: ms.Producer<ProducerAppData> } | Extract<LinkEvent, { type: 'peer.joined' | 'peer.left' | 'peer.devices' }>;

interface RoomEvents {
  closed: [reason: RoomCloseReason];
  /** `from`: the link it came over (none: a peer of this node). */
  change: [change: RoomChange, from?: RoomLink];
}

/**
 * One consultation's SFU room: a Router on one worker, its peers, and the wiring between them
 * (every producer is consumed by every other ready peer). Closes itself when the last peer leaves,
 * and when its worker dies (peers are told to rejoin; the registry re-creates the room elsewhere).
 * A room that spans nodes also holds links (`RoomLink`) to the same room on other nodes: their peers
 * and producers are shown and consumed here like local ones. The home room stays open while a link
 * holds it; a satellite room closes with its last local peer, or when its link to the home drops.
 */
export class Room extends EventEmitter<RoomEvents> {
  readonly peers = new Map<string, Peer>();
  readonly links = new Map<string, RoomLink>();
  private closedFlag = false;

  private constructor(
    readonly id: string,
    readonly router: ms.Router,
    readonly worker: PooledWorker,
    private readonly speakers: ms.ActiveSpeakerObserver,
    private readonly log: Logger,
  ) {
    super();
    worker.load += 1;
    router.on('workerclose', () => this.close('media_restart'));
    speakers.on('dominantspeaker', ({ producer }) => {
      const peerId = (producer.appData as ProducerAppData).peerId;
      for (const p of this.peers.values()) p.notify('room.activeSpeaker', { peerId });
    });
  }

  static async create(id: string, worker: PooledWorker, log: Logger): Promise<Room> {
    const router = await worker.worker.createRouter({ mediaCodecs: ROUTER_CODECS, appData: { consultationId: id } });
    const speakers = await router.createActiveSpeakerObserver({ interval: 300 });
    return new Room(id, router, worker, speakers, log.child({ roomId: id, worker: worker.index }));
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** Add a peer; a previous peer of the same user (an old socket after a reconnect) is replaced. */
  join(peer: Peer): void {
    if (this.closedFlag) throw new AppError('unavailable', 'Room is closing; retry');
    for (const old of this.peers.values()) {
      if (old.identity.userId === peer.identity.userId) {
        old.notify('room.closed', { reason: 'replaced', rejoin: false });
        this.leave(old);
      }
    }
    this.peers.set(peer.id, peer);
    peer.once('closed', () => this.leave(peer));
    for (const other of this.peers.values()) {
      if (other !== peer) other.notify('peer.joined', peer.identity);
    }
    this.emit('change', { type: 'peer.joined', peer: peer.identity });
    this.log.info({ peerId: peer.id, userId: peer.identity.userId, peers: this.peers.size }, 'peer joined');
  }

  /** `left`: the user chose to leave; `dropped` (default): the connection went (the others keep a "reconnecting" tile). */
  leave(peer: Peer, reason: PeerLeftReason = 'dropped'): void {
    if (this.peers.get(peer.id) !== peer) return;
    this.peers.delete(peer.id);
    peer.close();
    for (const other of this.peers.values()) other.notify('peer.left', { peerId: peer.id, reason });
    this.emit('change', { type: 'peer.left', peerId: peer.id, reason });
    this.log.info({ peerId: peer.id, peers: this.peers.size }, 'peer left');
    this.closeIfIdle();
  }

  /** Empty: no local peer, and no satellite's link holds this (home) room open. */
  private closeIfIdle(): void {
    const held = [...this.links.values()].some((l) => l.side === 'home');
    if (this.peers.size === 0 && !held) this.close('empty');
  }

  /** Every peer in the room, on this node and on the linked ones (but `except`). */
  peerInfos(except?: Peer): PeerInfo[] {
    const local = [...this.peers.values()].filter((p) => p !== except).map((p) => p.info());
    return [...local, ...[...this.links.values()].flatMap((l) => l.peerInfos())];
  }

  /** The peers a newly linked node is told of: this node's and those of the other links. */
  remotePeersFor(link: RoomLink): RemotePeer[] {
    const others = [...this.links.values()].filter((l) => l !== link).flatMap((l) => l.peerInfos());
    return [...[...this.peers.values()].map((p) => p.info()), ...others].map(({ producers: _, ...peer }) => peer);
  }

  /** The producers to send over `link`: every one here that did not come over it. */
  producersFor(link: RoomLink): ms.Producer<ProducerAppData>[] {
    const local = [...this.peers.values()].flatMap((p) => [...p.producers.values()]);
    const relayed = [...this.links.values()].filter((l) => l !== link).flatMap((l) => [...l.producers.values()]);
    return [...local, ...relayed];
  }

  /** Takes a link to the same room on another node; it is dropped (and a satellite room closed) when it closes. */
  attach(link: RoomLink): void {
    if (this.closedFlag) {
      link.close('shutdown');
      throw new AppError('unavailable', 'Room is closing; retry');
    }
    this.links.set(link.id, link);
    link.once('closed', (reason) => {
      this.links.delete(link.id);
      if (this.closedFlag) return;
      if (link.side === 'satellite') this.close(reason === 'consultation_ended' ? 'consultation_ended' : 'media_restart');
      else this.closeIfIdle();
    });
  }

  /** A producer of a peer on another node arrived over `from`: local peers receive it, other links get it too. */
  async addRemoteProducer(producer: ms.Producer<ProducerAppData>, from: RoomLink): Promise<void> {
    if (producer.kind === 'audio') await this.speakers.addProducer({ producerId: producer.id }).catch(() => undefined);
    for (const peer of this.peers.values()) {
      if (peer.ready) await this.consume(peer, producer.appData.peerId, producer);
    }
    this.emit('change', { type: 'producer', producer }, from);
  }

  /** News of a peer on another node: this node's peers are told, and so are the other links. */
  relay(change: Extract<RoomChange, { type: 'peer.joined' | 'peer.left' | 'peer.devices' }>, from: RoomLink): void {
    for (const peer of this.peers.values()) {
      if (change.type === 'peer.joined') peer.notify('peer.joined', change.peer);
      else if (change.type === 'peer.left') peer.notify('peer.left', { peerId: change.peerId, reason: change.reason });
      else peer.notify('peer.devices', { peerId: change.peerId, ...change.devices });
    }
    this.emit('change', change, from);
  }

  /** Records what a peer's browser says of its camera and microphone and tells the others. */
  setDevices(peer: Peer, devices: PeerDevices): void {
    peer.devices = devices;
    for (const other of this.peers.values()) {
      if (other !== peer) other.notify('peer.devices', { peerId: peer.id, ...devices });
    }
    this.emit('change', { type: 'peer.devices', peerId: peer.id, devices });
  }

  /** One send and one receive transport per peer: a second of a direction is refused (`conflict`). */
  async createTransport(peer: Peer, direction: 'send' | 'recv', sctp: ms.SctpCapabilities | undefined, forceTcp = false): Promise<ms.WebRtcTransport> {
    const release = peer.claim({ kind: 'transport', direction });
    try {
      return await this.newTransport(peer, direction, sctp, forceTcp);
    } finally {
      release();
    }
  }

  private async newTransport(peer: Peer, direction: 'send' | 'recv', sctp: ms.SctpCapabilities | undefined, forceTcp: boolean): Promise<ms.WebRtcTransport> {
    const transport = await this.router.createWebRtcTransport({
      webRtcServer: this.worker.webRtcServer,
      enableUdp: !forceTcp,
      enableTcp: true,
      preferUdp: !forceTcp,
      initialAvailableOutgoingBitrate: TRANSPORT_DEFAULTS.initialAvailableOutgoingBitrate,
      enableSctp: Boolean(sctp),
      numSctpStreams: sctp?.numStreams ?? TRANSPORT_DEFAULTS.numSctpStreams,
      maxSctpMessageSize: TRANSPORT_DEFAULTS.maxSctpMessageSize,
      appData: { peerId: peer.id, direction },
    });
    if (peer.closed) {
      transport.close();
      throw new AppError('unavailable', 'Peer left');
    }
    if (direction === 'send') await transport.setMaxIncomingBitrate(TRANSPORT_DEFAULTS.maxIncomingBitrate).catch(() => undefined);
    peer.transports.set(transport.id, transport);
    transport.observer.once('close', () => peer.transports.delete(transport.id));
    transport.on('dtlsstatechange', (state) => {
      if (state === 'failed' || state === 'closed') this.log.warn({ peerId: peer.id, transportId: transport.id, state }, 'transport DTLS state');
    });
    return transport;
  }

  /**
   * Peer announced its capabilities: it now receives everything already being sent. Once only: a
   * second `ready` of the same peer changes nothing (and consumes nothing twice).
   */
  async setReady(peer: Peer, rtpCapabilities: ms.RtpCapabilities, sctpCapabilities: ms.SctpCapabilities | undefined): Promise<void> {
    if (peer.ready) return;
    peer.rtpCapabilities = rtpCapabilities;
    peer.sctpCapabilities = sctpCapabilities;
    for (const other of this.peers.values()) {
      if (other === peer) continue;
      for (const producer of other.producers.values()) await this.consume(peer, other.id, producer);
      for (const dp of other.dataProducers.values()) await this.consumeData(peer, other, dp);
    }
    for (const link of this.links.values()) {
      for (const producer of link.producers.values()) await this.consume(peer, producer.appData.peerId, producer);
    }
  }

  async produce(peer: Peer, transportId: string, kind: ms.MediaKind, rtpParameters: ms.RtpParameters, source: ProducerAppData['source'], paused: boolean) {
    const transport = peer.transport(transportId);
    const release = peer.claim({ kind: 'producer', source });
    let producer: ms.Producer<ProducerAppData>;
    try {
      producer = await transport.produce<ProducerAppData>({ kind, rtpParameters, paused, appData: { source, peerId: peer.id } });
    } finally {
      release();
    }
    if (peer.closed) {
      producer.close();
      throw new AppError('unavailable', 'Peer left');
    }
    peer.producers.set(producer.id, producer);
    producer.observer.once('close', () => peer.producers.delete(producer.id));
    if (kind === 'audio') await this.speakers.addProducer({ producerId: producer.id }).catch(() => undefined);
    for (const other of this.peers.values()) {
      if (other !== peer && other.ready) await this.consume(other, peer.id, producer);
    }
    this.emit('change', { type: 'producer', producer });
    return producer;
  }

  async produceData(peer: Peer, transportId: string, params: { sctpStreamParameters: ms.SctpStreamParameters; label: string; protocol?: string | undefined }) {
    const transport = peer.transport(transportId);
    const release = peer.claim({ kind: 'dataProducer' });
    let dp: ms.DataProducer;
    try {
      dp = await transport.produceData({ sctpStreamParameters: params.sctpStreamParameters, label: params.label, protocol: params.protocol ?? '', appData: { peerId: peer.id } });
    } finally {
      release();
    }
    if (peer.closed) {
      dp.close();
      throw new AppError('unavailable', 'Peer left');
    }
    peer.dataProducers.set(dp.id, dp);
    dp.observer.once('close', () => peer.dataProducers.delete(dp.id));
    for (const other of this.peers.values()) {
      if (other !== peer && other.ready) await this.consumeData(other, peer, dp);
    }
    return dp;
  }

  /** Consumers start paused; the client resumes each one once it has set it up. */
  private async consume(consumerPeer: Peer, producerPeerId: string, producer: ms.Producer<ProducerAppData>): Promise<void> {
    const caps = consumerPeer.rtpCapabilities;
    const transport = consumerPeer.recvTransport();
    // Each producer is consumed once per peer, however `ready` and `produce` interleave.
    if (consumerPeer.consumedProducers.has(producer.id)) return;
    if (!caps || !transport || !this.router.canConsume({ producerId: producer.id, rtpCapabilities: caps })) return;
    consumerPeer.consumedProducers.add(producer.id);
    let consumer: ms.Consumer;
    try {
      consumer = await transport.consume({ producerId: producer.id, rtpCapabilities: caps, paused: true, appData: { peerId: producerPeerId } });
    } catch (err) {
      consumerPeer.consumedProducers.delete(producer.id);
      this.log.warn({ err, producerId: producer.id, peerId: consumerPeer.id }, 'consume failed');
      return;
    }
    consumerPeer.consumers.set(consumer.id, consumer);
    const notify = consumerPeer.notify;
    consumer.observer.once('close', () => {
      consumerPeer.consumers.delete(consumer.id);
      consumerPeer.consumedProducers.delete(producer.id);
    });
    consumer.on('transportclose', () => consumerPeer.consumers.delete(consumer.id));
    consumer.on('producerclose', () => {
      consumerPeer.consumers.delete(consumer.id);
      notify('consumer.closed', { consumerId: consumer.id });
    });
    consumer.on('producerpause', () => notify('consumer.paused', { consumerId: consumer.id }));
    consumer.on('producerresume', () => notify('consumer.resumed', { consumerId: consumer.id }));
    consumer.on('layerschange', (layers) =>
      notify('consumer.layers', { consumerId: consumer.id, spatialLayer: layers?.spatialLayer ?? null, temporalLayer: layers?.temporalLayer ?? null }),
    );
    notify('consumer.new', {
      id: consumer.id,
      producerId: producer.id,
      peerId: producerPeerId,
      kind: consumer.kind,
      source: producer.appData.source,
      rtpParameters: { ...consumer.rtpParameters },
      type: consumer.type,
      producerPaused: consumer.producerPaused,
    });
  }

  private async consumeData(consumerPeer: Peer, producerPeer: Peer, dp: ms.DataProducer): Promise<void> {
    const transport = consumerPeer.recvTransport();
    if (consumerPeer.consumedProducers.has(dp.id)) return;
    if (!consumerPeer.sctpCapabilities || !transport || !transport.sctpParameters) return;
    consumerPeer.consumedProducers.add(dp.id);
    let dc: ms.DataConsumer;
    try {
      dc = await transport.consumeData({ dataProducerId: dp.id });
    } catch (err) {
      consumerPeer.consumedProducers.delete(dp.id);
      this.log.warn({ err, dataProducerId: dp.id }, 'consumeData failed');
      return;
    }
    consumerPeer.dataConsumers.set(dc.id, dc);
    dc.observer.once('close', () => {
      consumerPeer.dataConsumers.delete(dc.id);
      consumerPeer.consumedProducers.delete(dp.id);
    });
    dc.on('dataproducerclose', () => {
      consumerPeer.dataConsumers.delete(dc.id);
      consumerPeer.notify('dataConsumer.closed', { dataConsumerId: dc.id });
    });
    consumerPeer.notify('dataConsumer.new', {
      id: dc.id,
      dataProducerId: dp.id,
      peerId: producerPeer.id,
      sctpStreamParameters: { ...(dc.sctpStreamParameters ?? {}) },
      label: dc.label,
      protocol: dc.protocol,
    });
  }

  close(reason: RoomCloseReason): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    const rejoin = reason === 'media_restart';
    for (const peer of [...this.peers.values()]) {
      if (reason === 'media_restart' || reason === 'consultation_ended') {
        peer.notify('room.closed', { reason, rejoin });
      }
      peer.close();
    }
    this.peers.clear();
    for (const link of [...this.links.values()]) link.close(reason);
    this.router.close();
    this.worker.load = Math.max(0, this.worker.load - 1);
    this.log.info({ reason }, 'room closed');
    this.emit('closed', reason);
  }
}
