import type { MediaSource } from '@cloudclinic/shared';
import type { types } from 'mediasoup-client';
import { produceSettings } from './encodings';
import type { LocalSource, Publication } from './local-media';
import type { SignalingChannel } from './signaling-channel';

/**
 * The producers of one media session, kept in line with what the user wants sent
 * (`reconcile`). Operations run one at a time; reconciles queued meanwhile collapse into one that
 * reads the latest wish when it runs.
 */
export class ProducerSet {
  private readonly producers = new Map<MediaSource, types.Producer>();
  private chain: Promise<void> = Promise.resolve();
  private queued: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly signaling: Pick<SignalingChannel, 'request'>,
    private readonly transport: types.Transport,
    private readonly device: types.Device,
    private readonly profile: 'standard' | 'field' = 'standard',
  ) {}

  /** Something is being sent (a producer exists). */
  get sending(): boolean {
    return this.producers.size > 0;
  }

  reconcile(desired: () => ReadonlyMap<LocalSource, Publication>): Promise<void> {
    if (this.queued) return this.queued;
    const run = this.chain.then(async () => {
      this.queued = null;
      await this.apply(desired());
    });
    this.queued = run;
    this.chain = run.catch(() => undefined);
    return run;
  }

  close(): void {
    this.closed = true;
    for (const producer of this.producers.values()) producer.close();
    this.producers.clear();
  }

  private async apply(desired: ReadonlyMap<LocalSource, Publication>): Promise<void> {
    for (const [source, producer] of [...this.producers]) {
      if (!desired.has(source as LocalSource)) await this.unpublish(source, producer);
    }
    for (const [source, want] of desired) {
      if (this.closed) return;
      const producer = this.producers.get(source);
      if (!producer || producer.closed) await this.publish(source, want);
      else {
        if (producer.track !== want.track) await producer.replaceTrack({ track: want.track });
        if (producer.paused !== want.paused) await this.setPaused(producer, want.paused);
      }
    }
  }

  private async publish(source: LocalSource, want: Publication): Promise<void> {
    if (!this.device.canProduce(want.track.kind === 'audio' ? 'audio' : 'video')) return;
    const producer = await this.transport.produce({
      track: want.track,
      stopTracks: false, // LocalMedia owns the tracks: they survive a reconnect and are sent again
      appData: { source, paused: want.paused },
      ...produceSettings(source, this.device.sendRtpCapabilities.codecs ?? [], this.profile),
    });
    if (this.closed) return producer.close();
    if (want.paused) producer.pause(); // the server created it paused already
    this.producers.set(source, producer);
    producer.observer.once('close', () => {
      if (this.producers.get(source) === producer) this.producers.delete(source);
    });
  }

  private async unpublish(source: MediaSource, producer: types.Producer): Promise<void> {
    this.producers.delete(source);
    producer.close();
    await this.signaling.request('producer.close', { producerId: producer.id }).catch(() => undefined);
  }

  private async setPaused(producer: types.Producer, paused: boolean): Promise<void> {
    if (paused) producer.pause();
    else producer.resume();
    await this.signaling.request(paused ? 'producer.pause' : 'producer.resume', { producerId: producer.id });
  }
}
