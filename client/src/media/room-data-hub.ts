import type { DataChannelOptions, DataSender, SendOptions } from './data-channels';
import { Emitter } from './emitter';
import type { RoomEvents } from './room-events';

/** What the hub needs of a `RoomClient`. */
export interface DataHubClient {
  produceData(label: string, opts: DataChannelOptions): DataSender;
  transportStats(): Promise<RTCStatsReport[]>;
  events: { on(type: 'dataMessage', listener: (m: RoomEvents['dataMessage']) => void): () => void };
}

interface Wanted {
  opts: DataChannelOptions;
  sender: DataSender | null;
}

/**
 * A room's data channels and stats for components, stable for the component tree's life while the
 * `RoomClient` underneath may not exist yet (children's effects run before their parent's) or be
 * replaced. Senders registered before the client exists open as soon as it is attached.
 */
export class RoomDataHub {
  private client: DataHubClient | null = null;
  private detachListener: (() => void) | null = null;
  private readonly wanted = new Map<string, Wanted>();
  private readonly messages = new Emitter<{ message: RoomEvents['dataMessage'] }>();

  attach(client: DataHubClient): void {
    this.detach();
    this.client = client;
    this.detachListener = client.events.on('dataMessage', (m) => this.messages.emit('message', m));
    for (const [label, w] of this.wanted) w.sender = client.produceData(label, w.opts);
  }

  detach(): void {
    this.detachListener?.();
    this.detachListener = null;
    this.client = null;
    for (const w of this.wanted.values()) w.sender = null;
  }

  /** A sender for `label` (the same for repeated calls); messages sent before the channel opens are dropped. */
  sender(label: string, opts: DataChannelOptions): DataSender {
    let w = this.wanted.get(label);
    if (!w) {
      w = { opts, sender: this.client?.produceData(label, opts) ?? null };
      this.wanted.set(label, w);
    }
    const entry = w;
    return {
      label,
      get open() {
        return entry.sender?.open ?? false;
      },
      send: (data: string | ArrayBuffer, sendOpts?: SendOptions) => entry.sender?.send(data, sendOpts) ?? false,
      close: () => {
        entry.sender?.close();
        this.wanted.delete(label);
      },
    };
  }

  /** Every data message received from the other participants. Returns the unsubscribe function. */
  onMessage(listener: (m: RoomEvents['dataMessage']) => void): () => void {
    return this.messages.on('message', listener);
  }

  stats(): Promise<RTCStatsReport[]> {
    return this.client?.transportStats() ?? Promise.resolve([]);
  }
}
