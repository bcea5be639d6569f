import { EventEmitter } from 'node:events';
import type { types as ms } from 'mediasoup';
import { MEDIA_SOURCES, type MediaSource, type PeerDevices, type PeerInfo, type ProducerInfo, type RoomNotificationMethod, type RoomNotification } from '@cloudclinic/shared';
import { AppError } from '../lib/errors';

export type PeerIdentity = Omit<PeerInfo, 'producers' | 'devices'>;

/** How a Peer reaches its client (the socket), kept abstract so media/ knows nothing of socket.io. */
export type Notify = <M extends RoomNotificationMethod>(method: M, data: RoomNotification<M>) => void;

export interface ProducerAppData extends ms.AppData {
  source: MediaSource;
  peerId: string;
}

interface PeerEvents {
  closed: [];
}

/** What one peer may hold at once: one send and one receive transport, one producer per source. */
export const PEER_LIMITS = { producers: MEDIA_SOURCES.length, dataProducers: 4 } as const;

type Claim = { kind: 'transport'; direction: 'send' | 'recv' } | { kind: 'producer'; source: MediaSource } | { kind: 'dataProducer' };

/**
 * One participant's media in a room: its transports and what flows over them. Owned by its Room;
 * `close()` is idempotent and cascades (closing a transport closes its producers and consumers).
 */
export class Peer extends EventEmitter<PeerEvents> {
  readonly transports = new Map<string, ms.WebRtcTransport>();
  readonly producers = new Map<string, ms.Producer<ProducerAppData>>();
  readonly consumers = new Map<string, ms.Consumer>();
  readonly dataProducers = new Map<string, ms.DataProducer>();
  readonly dataConsumers = new Map<string, ms.DataConsumer>();
  rtpCapabilities: ms.RtpCapabilities | undefined;
  /** The camera and microphone state its browser last reported (see `Room.setDevices`). */
  devices: PeerDevices | undefined;
  sctpCapabilities: ms.SctpCapabilities | undefined;
  /** Producers (and data producers) this peer consumes or is setting up a consumer for. */
  readonly consumedProducers = new Set<string>();
  private readonly pending = new Set<Claim>();
  private closedFlag = false;

  constructor(
    readonly identity: PeerIdentity,
    readonly notify: Notify,
  ) {
    super();
  }

  get id(): string {
    return this.identity.peerId;
  }

  get closed(): boolean {
    return this.closedFlag;
  }

  get ready(): boolean {
    return this.rtpCapabilities !== undefined;
  }

  info(): PeerInfo {
    const producers: ProducerInfo[] = [...this.producers.values()].map((p) => ({
      id: p.id,
      kind: p.kind,
      source: p.appData.source,
      paused: p.paused,
    }));
    return { ...this.identity, ...(this.devices ? { devices: this.devices } : {}), producers };
  }

  transport(id: string): ms.WebRtcTransport {
    const t = this.transports.get(id);
    if (!t) throw new AppError('not_found', 'Transport not found');
    return t;
  }

  /** The transport this peer receives on (the one created with direction `recv`). */
  recvTransport(): ms.WebRtcTransport | undefined {
    for (const t of this.transports.values()) if (t.appData['direction'] === 'recv') return t;
    return undefined;
  }

  producer(id: string): ms.Producer<ProducerAppData> {
    const p = this.producers.get(id);
    if (!p) throw new AppError('not_found', 'Producer not found');
    return p;
  }

  consumer(id: string): ms.Consumer {
    const c = this.consumers.get(id);
    if (!c) throw new AppError('not_found', 'Consumer not found');
    return c;
  }

  /**
   * Holds a place for a transport, producer or data producer being created, so that parallel
   * requests cannot pass the caps together; throws `conflict` past them. Call the returned
   * function when the creation ended (either way).
   */
  claim(claim: Claim): () => void {
    const pending = [...this.pending];
    if (claim.kind === 'transport') {
      const live = [...this.transports.values()].some((t) => t.appData['direction'] === claim.direction);
      if (live || pending.some((c) => c.kind === 'transport' && c.direction === claim.direction)) {
        throw new AppError('conflict', `This peer already has a ${claim.direction} transport`);
      }
    } else if (claim.kind === 'producer') {
      const live = [...this.producers.values()].some((p) => p.appData.source === claim.source);
      if (live || pending.some((c) => c.kind === 'producer' && c.source === claim.source)) throw new AppError('conflict', `Already sending ${claim.source}`);
      if (this.producers.size + pending.filter((c) => c.kind === 'producer').length >= PEER_LIMITS.producers) {
        throw new AppError('conflict', `At most ${PEER_LIMITS.producers} producers per peer`);
      }
    } else if (this.dataProducers.size + pending.filter((c) => c.kind === 'dataProducer').length >= PEER_LIMITS.dataProducers) {
      throw new AppError('conflict', `At most ${PEER_LIMITS.dataProducers} data producers per peer`);
    }
    this.pending.add(claim);
    return () => this.pending.delete(claim);
  }

  close(): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    for (const t of this.transports.values()) t.close();
    this.transports.clear();
    this.producers.clear();
    this.consumers.clear();
    this.dataProducers.clear();
    this.dataConsumers.clear();
    this.consumedProducers.clear();
    this.emit('closed');
  }
}
