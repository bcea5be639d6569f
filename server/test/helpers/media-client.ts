import wrtc from '@roamhq/wrtc';
import { Device } from 'mediasoup-client';
import type { types as mc } from 'mediasoup-client';
import { NOTIFICATION_EVENT, NotificationEnvelopeSchema, roomNotifications } from '@cloudclinic/shared';
import { SignalingClient } from './signaling-client';

// mediasoup-client drives the WebRTC stack it finds on the global object, as in a browser; here that
// is libwebrtc's Node build.
Object.assign(globalThis, {
  RTCPeerConnection: wrtc.RTCPeerConnection,
  RTCSessionDescription: wrtc.RTCSessionDescription,
  RTCIceCandidate: wrtc.RTCIceCandidate,
  MediaStream: wrtc.MediaStream,
  MediaStreamTrack: wrtc.MediaStreamTrack,
});

/**
 * A participant with real media for integration tests: libwebrtc (Node) under mediasoup-client,
 * over the app's own signaling. It joins, sends a microphone that plays a tone, and receives
 * (and resumes) whatever the server offers it.
 */
export class MediaClient {
  readonly consumers = new Map<string, mc.Consumer>();
  /** Offers this client could not take up (while it was open). */
  readonly errors: unknown[] = [];
  private closed = false;
  private recv!: mc.Transport;
  private send!: mc.Transport;
  private tone: ReturnType<typeof setInterval> | undefined;
  private pending: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly signaling: SignalingClient,
    readonly device: Device,
  ) {}

  /** Joins `consultationId` through `url` (a node, or the balancer with `query`), transports and all. */
  static async join(url: string, token: string, consultationId: string, query?: Record<string, string>): Promise<{ client: MediaClient; joined: Record<string, unknown> }> {
    const signaling = await SignalingClient.connect(url, token, query);
    const client = new MediaClient(signaling, new Device({ handlerName: 'Chrome74' }));
    signaling.socket.on(NOTIFICATION_EVENT, (raw: unknown) => {
      const n = NotificationEnvelopeSchema.parse(raw);
      if (n.method === 'consumer.new') {
        client.pending = client.pending
          .then(() => client.consume(roomNotifications['consumer.new'].parse(n.data)))
          .catch((err: unknown) => (client.closed ? undefined : client.errors.push(err)));
      }
    });
    const joined = await signaling.ok('room.join', { consultationId, transports: {} });
    const transports = joined['transports'] as { send: mc.TransportOptions; recv: mc.TransportOptions };
    await client.device.load({ routerRtpCapabilities: joined['routerRtpCapabilities'] as mc.RtpCapabilities });
    client.send = client.device.createSendTransport(transports.send);
    client.recv = client.device.createRecvTransport(transports.recv);
    for (const t of [client.send, client.recv]) {
      t.on('connect', ({ dtlsParameters }, ok, fail) => {
        signaling.ok('transport.connect', { transportId: t.id, dtlsParameters }).then(() => ok(), fail);
      });
    }
    client.send.on('produce', ({ kind, rtpParameters }, ok, fail) => {
      signaling.ok('producer.create', { transportId: client.send.id, kind, rtpParameters, source: 'microphone' }).then((r) => ok({ id: String(r['id']) }), fail);
    });
    await signaling.ok('room.ready', { rtpCapabilities: client.device.rtpCapabilities });
    return { client, joined };
  }

  /** Sends a microphone playing a 440 Hz tone (never silence, so the encoder never stops sending). */
  async sendTone(): Promise<mc.Producer> {
    const source = new wrtc.nonstandard.RTCAudioSource();
    let t = 0;
    this.tone = setInterval(() => {
      const samples = new Int16Array(480);
      for (let i = 0; i < samples.length; i++, t++) samples[i] = Math.round(8000 * Math.sin((2 * Math.PI * 440 * t) / 48_000));
      source.onData({ samples, sampleRate: 48_000, bitsPerSample: 16, channelCount: 1, numberOfFrames: 480 });
    }, 10);
    return this.send.produce({ track: source.createTrack() });
  }

  private async consume(n: { id: string; producerId: string; kind: 'audio' | 'video'; rtpParameters: Record<string, unknown> }): Promise<void> {
    const consumer = await this.recv.consume({ id: n.id, producerId: n.producerId, kind: n.kind, rtpParameters: n.rtpParameters as unknown as mc.RtpParameters });
    this.consumers.set(consumer.id, consumer);
    await this.signaling.ok('consumer.resume', { consumerId: consumer.id });
  }

  /** RTP bytes received so far on the consumer of `producerId` (0 if none yet). */
  async bytesReceived(producerId: string): Promise<number> {
    const consumer = [...this.consumers.values()].find((c) => c.producerId === producerId && !c.closed);
    if (!consumer) return 0;
    // The receiver's own stats are not implemented in libwebrtc's Node build: the transport's are, by SSRC.
    const ssrc = consumer.rtpParameters.encodings?.[0]?.ssrc;
    let bytes = 0;
    (await this.recv.getStats()).forEach((s: { type?: string; ssrc?: number; bytesReceived?: number }) => {
      if (s.type === 'inbound-rtp' && s.ssrc === ssrc) bytes += s.bytesReceived ?? 0;
    });
    return bytes;
  }

  close(): void {
    this.closed = true;
    clearInterval(this.tone);
    for (const t of [this.send, this.recv]) t?.close();
    this.signaling.close();
  }
}
