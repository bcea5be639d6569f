import type { types } from 'mediasoup-client';

/** How a data channel delivers: reliable ordered, or partially reliable (old messages dropped, not delayed). */
export interface DataChannelOptions {
  ordered: boolean;
  maxRetransmits?: number;
  maxPacketLifeTime?: number;
}

export interface SendOptions {
  /** Drop the message instead of queueing it when this many bytes already wait in the send buffer. */
  dropIfBufferedAbove?: number;
}

/** A data channel this client sends on. Survives reconnects: each new media session opens it again. */
export interface DataSender {
  readonly label: string;
  /** Whether a message sent now can go out (the channel of the current media session is open). */
  readonly open: boolean;
  /** Sends now, or drops (returns false) when the channel is not open or the buffer is too full. */
  send(data: string | ArrayBuffer, opts?: SendOptions): boolean;
  /** Stops sending on this label (closes the current channel; later sessions do not reopen it). */
  close(): void;
}

/** Opens one data producer on the current media session (mediasoup-client `transport.produceData`). */
export type OpenDataProducer = (label: string, opts: DataChannelOptions) => Promise<types.DataProducer>;

interface Entry {
  label: string;
  opts: DataChannelOptions;
  producer: types.DataProducer | null;
  sender: DataSender;
}

/**
 * The data channels a `RoomClient` sends on, by label, independent of media sessions: `attach`
 * opens them all on a new session, `detach` forgets the old session's producers.
 */
export class DataChannelSet {
  private readonly entries = new Map<string, Entry>();
  private open: OpenDataProducer | null = null;
  private generation = 0;

  /** Registers `label` (once; a second call returns the same sender) and opens it if a session is up. */
  sender(label: string, opts: DataChannelOptions): DataSender {
    const existing = this.entries.get(label);
    if (existing) return existing.sender;
    const entry: Entry = {
      label,
      opts,
      producer: null,
      sender: {
        label,
        get open() {
          return entry.producer !== null && !entry.producer.closed && entry.producer.readyState === 'open';
        },
        send(data, sendOpts = {}) {
          const p = entry.producer;
          if (!p || p.closed || p.readyState !== 'open') return false;
          if (sendOpts.dropIfBufferedAbove !== undefined && p.bufferedAmount > sendOpts.dropIfBufferedAbove) return false;
          try {
            p.send(data);
            return true;
          } catch {
            return false; // closing underneath us: the next session opens a new channel
          }
        },
        close: () => {
          this.entries.delete(label);
          entry.producer?.close();
          entry.producer = null;
        },
      },
    };
    this.entries.set(label, entry);
    if (this.open) void this.openOne(entry, this.open, this.generation);
    return entry.sender;
  }

  /** A media session is ready: open every registered channel on it. */
  attach(open: OpenDataProducer): void {
    this.open = open;
    const generation = ++this.generation;
    for (const entry of this.entries.values()) void this.openOne(entry, open, generation);
  }

  /** The session went away (its transports close its producers). */
  detach(): void {
    this.open = null;
    this.generation += 1;
    for (const entry of this.entries.values()) entry.producer = null;
  }

  close(): void {
    for (const entry of [...this.entries.values()]) entry.sender.close();
    this.detach();
  }

  private async openOne(entry: Entry, open: OpenDataProducer, generation: number): Promise<void> {
    try {
      const producer = await open(entry.label, entry.opts);
      if (generation !== this.generation || this.entries.get(entry.label) !== entry) return producer.close();
      entry.producer = producer;
    } catch (err) {
      console.warn('[room] could not open data channel', entry.label, err);
    }
  }
}
