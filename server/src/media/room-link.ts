import { EventEmitter } from 'node:events';
import type { types as ms } from 'mediasoup';
import * as ortc from 'mediasoup/node/lib/ortc';
import type { PeerInfo } from '@cloudclinic/shared';
import type { Logger } from '../lib/logger';
import type { LinkEvent, PipeEndpoint, RemotePeer } from './link-messages';
import type { ProducerAppData } from './peer';
import type { Room, RoomChange, RoomCloseReason } from './room';

/** `home`: this node holds the room's lease and the link keeps the room open; `satellite`: the other end. */
export type LinkSide = 'home' | 'satellite';

interface LinkEvents {
  closed: [reason: RoomCloseReason];
}

/** Where a PipeTransport can be reached from another node, and its SRTP keys. */
export function endpointOf(pipe: ms.PipeTransport): PipeEndpoint {
  const srtp = pipe.srtpParameters;
  if (!srtp) throw new Error('pipe transport without SRTP');
  return { ip: pipe.tuple.localIp, port: pipe.tuple.localPort, srtpParameters: { ...srtp } };
}

/**
 * One room's media link to the same room on another node: a PipeTransport on each router, connected
 * to each other across hosts. Every producer of this side is sent over it (pipe consumer here →
 * pipe producer there, same id), and the other side's arrive as pipe producers that local peers
 * consume as usual. Peer joins, leaves and device changes travel beside the media as link events.
 * Owned by its Room; `close()` is idempotent and closes the pipe with all its producers and consumers.
 */
export class RoomLink extends EventEmitter<LinkEvents> {
  /** The other node's peers (as its clients described them), by peer id. */
  private readonly peers = new Map<string, RemotePeer>();
  /** The other node's producers, here, by id. */
  readonly producers = new Map<string, ms.Producer<ProducerAppData>>();
  /** This side's producers sent to the other node, by producer id. */
  private readonly sent = new Map<string, ms.Consumer>();
  private chain: Promise<void>;
  private closedFlag = false;
  private readonly onChange = (change: RoomChange, from?: RoomLink) => {
    if (from !== this) this.forward(change);
  };

  constructor(
    readonly id: string,
    readonly remoteNode: string,
    readonly side: LinkSide,
    private readonly room: Room,
    readonly pipe: ms.PipeTransport,
    private readonly send: (event: LinkEvent) => void,
    private readonly log: Logger,
    /** Events that arrive before this resolves (the link is still being connected) wait for it. */
    opened: Promise<void> = Promise.resolve(),
  ) {
    super();
    this.chain = opened.catch(() => undefined);
    pipe.observer.once('close', () => this.close('media_restart'));
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  /** The other node's peers, with the producers of theirs that reached this node. */
  peerInfos(): PeerInfo[] {
    const all = [...this.producers.values()];
    return [...this.peers.values()].map((p) => ({
      ...p,
      producers: all.filter((pr) => pr.appData.peerId === p.peerId).map((pr) => ({ id: pr.id, kind: pr.kind, source: pr.appData.source, paused: pr.paused })),
    }));
  }

  /** Peers the other node already had when the link opened. */
  addPeers(peers: RemotePeer[]): void {
    for (const p of peers) this.peers.set(p.peerId, p);
  }

  /** Starts forwarding: what the room holds now, then every change. */
  start(): void {
    if (this.closedFlag) return;
    this.room.on('change', this.onChange);
    for (const producer of this.room.producersFor(this)) this.forward({ type: 'producer', producer });
  }

  /** An event from the other node; applied in arrival order. */
  receive(event: LinkEvent): void {
    this.chain = this.chain.then(() => this.apply(event)).catch((err: unknown) => this.log.warn({ err, linkId: this.id, type: event.type }, 'link event not applied'));
  }

  private forward(change: RoomChange): void {
    if (this.closedFlag) return;
    if (change.type === 'producer') {
      this.sendProducer(change.producer).catch((err: unknown) => this.log.warn({ err, linkId: this.id, producerId: change.producer.id }, 'producer not piped'));
    } else this.send(change);
  }

  private async sendProducer(producer: ms.Producer<ProducerAppData>): Promise<void> {
    if (this.sent.has(producer.id) || producer.closed) return;
    const consumer = await this.pipe.consume({ producerId: producer.id });
    if (this.closedFlag || producer.closed) {
      consumer.close();
      return;
    }
    this.sent.set(producer.id, consumer);
    consumer.observer.once('close', () => this.sent.delete(producer.id));
    consumer.on('producerclose', () => {
      this.sent.delete(producer.id);
      if (!this.closedFlag) this.send({ type: 'producer.closed', producerId: producer.id });
    });
    consumer.on('producerpause', () => this.send({ type: 'producer.paused', producerId: producer.id, paused: true }));
    consumer.on('producerresume', () => this.send({ type: 'producer.paused', producerId: producer.id, paused: false }));
    const { peerId, source } = producer.appData;
    this.send({ type: 'producer.new', producerId: producer.id, peerId, kind: consumer.kind, source, rtpParameters: { ...consumer.rtpParameters }, paused: consumer.producerPaused });
  }

  private async apply(event: LinkEvent): Promise<void> {
    if (this.closedFlag) return;
    switch (event.type) {
      case 'producer.new': {
        const rtpParameters = structuredClone(event.rtpParameters) as ms.RtpParameters;
        ortc.validateRtpParameters(rtpParameters);
        const producer = await this.pipe.produce<ProducerAppData>({
          id: event.producerId,
          kind: event.kind,
          rtpParameters,
          paused: event.paused,
          appData: { peerId: event.peerId, source: event.source },
        });
        this.producers.set(producer.id, producer);
        producer.observer.once('close', () => this.producers.delete(producer.id));
        await this.room.addRemoteProducer(producer, this);
        return;
      }
      case 'producer.closed':
        this.producers.get(event.producerId)?.close();
        return;
      case 'producer.paused': {
        const producer = this.producers.get(event.producerId);
        if (producer) await (event.paused ? producer.pause() : producer.resume());
        return;
      }
      case 'peer.joined':
        this.peers.set(event.peer.peerId, event.peer);
        this.room.relay(event, this);
        return;
      case 'peer.left':
        if (this.peers.delete(event.peerId)) this.room.relay(event, this);
        return;
      case 'peer.devices': {
        const peer = this.peers.get(event.peerId);
        if (peer) this.peers.set(event.peerId, { ...peer, devices: event.devices });
        this.room.relay(event, this);
        return;
      }
      case 'link.closed':
        this.close(event.reason, false);
    }
  }

  /** Closes the pipe (its producers and consumers with it); tells the other node unless it told us. */
  close(reason: RoomCloseReason, tell = true): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    this.room.off('change', this.onChange);
    if (tell) this.send({ type: 'link.closed', reason });
    this.pipe.close();
    for (const peerId of this.peers.keys()) this.room.relay({ type: 'peer.left', peerId, reason: 'dropped' }, this);
    this.peers.clear();
    this.log.info({ linkId: this.id, remoteNode: this.remoteNode, side: this.side, reason }, 'room link closed');
    this.emit('closed', reason);
  }
}
