import { EventEmitter } from 'node:events';
import type { types as ms } from 'mediasoup';
import type { MediaSource, PeerInfo, ProducerInfo, RoomNotificationMethod, RoomNotification } from '@cloudclinic/shared';
import { AppError } from '../lib/errors';

export type PeerIdentity = Omit<PeerInfo, 'producers'>;

/** How a Peer reaches its client (the socket), kept abstract so media/ knows nothing of socket.io. */
export type Notify = <M extends RoomNotificationMethod>(method: M, data: RoomNotification<M>) => void;

export interface ProducerAppData extends ms.AppData {
  source: MediaSource;
  peerId: string;
}

interface PeerEvents {
  closed: [];
}

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
  sctpCapabilities: ms.SctpCapabilities | undefined;
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
    return { ...this.identity, producers };
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

  close(): void {
    if (this.closedFlag) return;
    this.closedFlag = true;
    for (const t of this.transports.values()) t.close();
    this.transports.clear();
    this.producers.clear();
    this.consumers.clear();
    this.dataProducers.clear();
    this.dataConsumers.clear();
    this.emit('closed');
  }
}
