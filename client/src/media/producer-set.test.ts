import type { types } from 'mediasoup-client';
import { describe, expect, it, vi } from 'vitest';
import type { LocalSource, Publication } from './local-media';
import { ProducerSet } from './producer-set';

/** Tracks, producers, a send transport and a device, as far as ProducerSet uses them. */
const track = (kind: 'audio' | 'video', id: string) => ({ kind, id, readyState: 'live' }) as unknown as MediaStreamTrack;

class FakeProducer {
  closed = false;
  paused = false;
  readonly observer = { once: vi.fn() };
  constructor(
    readonly id: string,
    public track: MediaStreamTrack,
    readonly appData: Record<string, unknown>,
  ) {}
  close() {
    this.closed = true;
  }
  pause() {
    this.paused = true;
  }
  resume() {
    this.paused = false;
  }
  async replaceTrack({ track: next }: { track: MediaStreamTrack }) {
    this.track = next;
  }
}

function setup(gate: Promise<void> = Promise.resolve()) {
  const produced: FakeProducer[] = [];
  const transport = {
    produce: vi.fn(async (opts: { track: MediaStreamTrack; appData: Record<string, unknown>; stopTracks?: boolean; encodings?: unknown[] }) => {
      await gate;
      const p = new FakeProducer(`prod-${produced.length + 1}`, opts.track, opts.appData);
      produced.push(p);
      return p;
    }),
  };
  const device = { canProduce: () => true, sendRtpCapabilities: { codecs: [{ kind: 'video', mimeType: 'video/VP8', clockRate: 90000, preferredPayloadType: 96 }] } };
  const requests: { method: string; data: unknown }[] = [];
  const signaling = {
    request: vi.fn(async (method: string, data: unknown) => {
      requests.push({ method, data });
      return {};
    }),
  };
  const set = new ProducerSet(signaling as never, transport as unknown as types.Transport, device as unknown as types.Device);
  let desired = new Map<LocalSource, Publication>();
  const want = (entries: [LocalSource, Publication][]) => {
    desired = new Map(entries);
    return set.reconcile(() => desired);
  };
  return { set, transport, produced, requests, want };
}

describe('ProducerSet.reconcile', () => {
  it('publishes each wanted track once, the camera as three simulcast layers, without stopping tracks', async () => {
    const { transport, produced, want } = setup();
    const mic = track('audio', 'mic');
    const cam = track('video', 'cam');
    await want([
      ['microphone', { track: mic, paused: false }],
      ['camera', { track: cam, paused: false }],
    ]);
    await want([
      ['microphone', { track: mic, paused: false }],
      ['camera', { track: cam, paused: false }],
    ]);
    expect(produced.map((p) => p.appData['source'])).toEqual(['microphone', 'camera']);
    const cameraCall = transport.produce.mock.calls[1]?.[0];
    expect(cameraCall?.encodings).toHaveLength(3);
    expect(cameraCall?.stopTracks).toBe(false);
  });

  it('a muted microphone is created paused and later resumed through the server', async () => {
    const { produced, requests, want } = setup();
    const mic = track('audio', 'mic');
    await want([['microphone', { track: mic, paused: true }]]);
    expect(produced[0]?.appData).toMatchObject({ source: 'microphone', paused: true });
    expect(produced[0]?.paused).toBe(true);
    await want([['microphone', { track: mic, paused: false }]]);
    expect(produced[0]?.paused).toBe(false);
    expect(requests).toEqual([{ method: 'producer.resume', data: { producerId: 'prod-1' } }]);
  });

  it('switching device replaces the track in the same producer; turning the camera off closes it', async () => {
    const { produced, requests, want } = setup();
    await want([['camera', { track: track('video', 'cam-1'), paused: false }]]);
    const next = track('video', 'cam-2');
    await want([['camera', { track: next, paused: false }]]);
    expect(produced).toHaveLength(1);
    expect(produced[0]?.track).toBe(next);
    await want([]);
    expect(produced[0]?.closed).toBe(true);
    expect(requests).toEqual([{ method: 'producer.close', data: { producerId: 'prod-1' } }]);
  });

  it('collapses reconciles queued while one runs into one that reads the latest wish', async () => {
    let release = () => undefined as void;
    const { transport, produced, want } = setup(new Promise<void>((resolve) => (release = resolve)));
    const cam = track('video', 'cam');
    const first = want([['camera', { track: cam, paused: false }]]);
    await vi.waitFor(() => expect(transport.produce).toHaveBeenCalledTimes(1)); // in flight
    const second = want([['camera', { track: cam, paused: false }]]);
    const third = want([]); // the camera is turned off before the queued run starts
    expect(third).toBe(second);
    release();
    await Promise.all([first, second, third]);
    expect(produced).toHaveLength(1);
    expect(produced[0]?.closed).toBe(true);
  });
});
