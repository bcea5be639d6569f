import type { MediaSource, RoomNotification } from '@cloudclinic/shared';
import type { types } from 'mediasoup-client';
import type { RoomEvents } from './room-events';
import type { SignalingChannel } from './signaling-channel';
import { consumerRtpParameters } from './wire';

type Emit = <K extends keyof RoomEvents>(type: K, payload: RoomEvents[K]) => void;

interface Entry {
  consumer: types.Consumer;
  peerId: string;
  source: MediaSource;
  preferredLayer: number | null;
  /** Paused by its sender (muted microphone, camera off). */
  producerPaused: boolean;
}

/**
 * The consumers of one media session (everything received from the others). Consumers start
 * paused on the server; each is resumed once set up here — except video in audio-only mode.
 */
export class ConsumerSet {
  private readonly entries = new Map<string, Entry>();
  private videoPaused: boolean;
  private closed = false;

  constructor(
    private readonly signaling: Pick<SignalingChannel, 'request'>,
    private readonly transport: types.Transport,
    private readonly emit: Emit,
    audioOnly: boolean,
  ) {
    this.videoPaused = audioOnly;
  }

  async add(data: RoomNotification<'consumer.new'>): Promise<void> {
    const consumer = await this.transport.consume({
      id: data.id,
      producerId: data.producerId,
      kind: data.kind,
      rtpParameters: consumerRtpParameters(data),
      appData: { peerId: data.peerId, source: data.source },
    });
    if (this.closed) return consumer.close();
    this.entries.set(consumer.id, { consumer, peerId: data.peerId, source: data.source, preferredLayer: null, producerPaused: data.producerPaused });
    this.emit('trackAdded', {
      consumerId: consumer.id,
      peerId: data.peerId,
      source: data.source,
      kind: data.kind,
      track: consumer.track,
      producerPaused: data.producerPaused,
    });
    if (data.kind === 'video' && this.videoPaused) {
      consumer.pause();
      return;
    }
    await this.signaling.request('consumer.resume', { consumerId: consumer.id });
  }

  remove(consumerId: string): void {
    const entry = this.entries.get(consumerId);
    if (!entry) return;
    this.entries.delete(consumerId);
    entry.consumer.close();
    this.emit('trackRemoved', { consumerId });
  }

  removePeer(peerId: string): void {
    for (const [id, entry] of [...this.entries]) if (entry.peerId === peerId) this.remove(id);
  }

  setProducerPaused(consumerId: string, paused: boolean): void {
    const entry = this.entries.get(consumerId);
    if (entry) entry.producerPaused = paused;
  }

  /** Each consumer's track id and whether its media should be arriving now. */
  expectations(): { consumerId: string; trackId: string; expected: boolean }[] {
    return [...this.entries.values()].map(({ consumer, producerPaused }) => ({
      consumerId: consumer.id,
      trackId: consumer.track.id,
      expected: !producerPaused && !consumer.paused,
    }));
  }

  /** Audio-only mode: stop (or restart) receiving every video stream. */
  async setVideoPaused(paused: boolean): Promise<void> {
    this.videoPaused = paused;
    const videos = [...this.entries.values()].filter((e) => e.consumer.kind === 'video');
    await Promise.all(
      videos.map(async ({ consumer }) => {
        if (paused) consumer.pause();
        else consumer.resume();
        await this.signaling.request(paused ? 'consumer.pause' : 'consumer.resume', { consumerId: consumer.id }).catch(() => undefined);
      }),
    );
  }

  /** Asks the SFU for the simulcast layer that fits the rendered tile; repeated values are not sent. */
  setPreferredLayer(consumerId: string, spatialLayer: number): void {
    const entry = this.entries.get(consumerId);
    if (!entry || entry.consumer.kind !== 'video' || entry.preferredLayer === spatialLayer) return;
    entry.preferredLayer = spatialLayer;
    this.signaling.request('consumer.setPreferredLayers', { consumerId, spatialLayer }).catch(() => {
      if (entry.preferredLayer === spatialLayer) entry.preferredLayer = null; // try again next time
    });
  }

  close(): void {
    this.closed = true;
    for (const { consumer } of this.entries.values()) consumer.close();
    this.entries.clear();
  }
}
