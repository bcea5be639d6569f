import { MediaSourceSchema, type IceServer, type RoomNotification, type TransportParams } from '@cloudclinic/shared';
import { Device, type types } from 'mediasoup-client';
import { ConsumerSet } from './consumer-set';
import type { DataChannelOptions } from './data-channels';
import type { StreamSample } from './media-flow';
import { watchIce } from './ice-watchdog';
import type { LocalSource, Publication } from './local-media';
import { ProducerSet } from './producer-set';
import type { RoomEvents } from './room-events';
import type { RoomNotificationEvent, SignalingChannel } from './signaling-channel';
import { iceParameters, routerCapabilities, SCTP_CAPABILITIES, sctpStreamParameters, transportOptions } from './wire';
import { joinFieldsOf, type RoomTarget } from './room-target';

type IceSettings = { iceServers: IceServer[]; iceTransportPolicy: 'all' | 'relay' };

export interface SessionCallbacks {
  emit<K extends keyof RoomEvents>(type: K, payload: RoomEvents[K]): void;
  /** The server closed the room (`rejoin`: its media process died — join again). */
  onRoomClosed(data: RoomNotification<'room.closed'>): void;
  onIceTrouble(transportId: string, trouble: boolean): void;
  /** ICE restarts did not bring the media back: this session is unusable. */
  onBroken(): void;
  audioOnly(): boolean;
  /** How the camera and microphone are encoded (default `standard`). */
  profile?(): 'standard' | 'field';
}

class SessionClosedError extends Error {
  override readonly name = 'SessionClosedError';
}

/**
 * One join of the room over one socket: room.join → device → send/recv transports → room.ready,
 * then the producers and consumers of that join. Everything is dropped by `close()`; a reconnect
 * makes a new session (the local tracks live on in `LocalMedia`).
 */
export class MediaSession {
  private readonly transports: types.Transport[] = [];
  private producers: ProducerSet | null = null;
  private consumers: ConsumerSet | null = null;
  private readonly dataConsumers = new Map<string, types.DataConsumer>();
  private readonly dataProducers = new Set<types.DataProducer>();
  private readonly cleanups: (() => void)[] = [];
  private accepting = false;
  private isReady = false;
  private closed = false;
  private joinRequest: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly signaling: SignalingChannel,
    private readonly target: RoomTarget,
    private readonly cb: SessionCallbacks,
  ) {
    this.cleanups.push(signaling.events.on('notification', (n) => this.onNotification(n)));
  }

  get ready(): boolean {
    return this.isReady && !this.closed;
  }

  /** Settles once the server has answered `room.join` (so a `room.leave` sent after it is not overtaken). */
  joinAnswered(): Promise<void> {
    return this.joinRequest.then(
      () => undefined,
      () => undefined,
    );
  }

  async join(): Promise<void> {
    // Both transports come with the join's answer (one round trip fewer than asking for them after).
    const request = this.signaling.request('room.join', { ...joinFieldsOf(this.target), transports: { sctpCapabilities: SCTP_CAPABILITIES } });
    this.joinRequest = request;
    // The browser's WebRTC handler is detected while the server answers.
    const factory = Device.factory();
    factory.catch(() => undefined); // awaited below; a join that fails first must not leave it unhandled
    const joined = await request;
    this.assertOpen();
    // From here on, notifications are about this join (earlier ones may concern a previous peer).
    this.accepting = true;
    this.cb.emit('joined', { selfPeerId: joined.peerId, peers: joined.peers.map(({ producers: _p, ...identity }) => identity) });
    const device = await factory;
    await device.load({ routerRtpCapabilities: routerCapabilities(joined.routerRtpCapabilities) });
    this.assertOpen();
    const ice = { iceServers: joined.iceServers, iceTransportPolicy: joined.iceTransportPolicy };
    const given = joined.transports;
    const [send, recv] = given
      ? [this.buildTransport(device, 'send', given.send, ice), this.buildTransport(device, 'recv', given.recv, ice)]
      : await Promise.all([this.createTransport(device, 'send', ice), this.createTransport(device, 'recv', ice)]);
    this.producers = new ProducerSet(this.signaling, send, device, this.cb.profile?.() ?? 'standard');
    this.consumers = new ConsumerSet(this.signaling, recv, this.cb.emit, this.cb.audioOnly());
    await this.signaling.request('room.ready', { rtpCapabilities: device.recvRtpCapabilities, sctpCapabilities: SCTP_CAPABILITIES });
    this.assertOpen();
    this.isReady = true;
  }

  /** Makes the producers match `desired` (publish, replace track, pause/resume, close). */
  reconcile(desired: () => ReadonlyMap<LocalSource, Publication>): Promise<void> {
    return this.producers && !this.closed ? this.producers.reconcile(desired) : Promise.resolve();
  }

  /** Opens a data channel to the SFU, which forwards it to every other participant. */
  async produceData(label: string, opts: DataChannelOptions): Promise<types.DataProducer> {
    const send = this.transports.find((t) => t.direction === 'send' && !t.closed);
    if (!send || !this.isReady || this.closed) throw new SessionClosedError('session not ready');
    const producer = await send.produceData({
      ordered: opts.ordered,
      label,
      ...(opts.maxRetransmits !== undefined ? { maxRetransmits: opts.maxRetransmits } : {}),
      ...(opts.maxPacketLifeTime !== undefined ? { maxPacketLifeTime: opts.maxPacketLifeTime } : {}),
    });
    if (this.closed) {
      producer.close();
      throw new SessionClosedError('session closed');
    }
    this.dataProducers.add(producer);
    producer.observer.once('close', () => this.dataProducers.delete(producer));
    return producer;
  }

  setVideoReceiving(receiving: boolean): Promise<void> {
    return this.consumers?.setVideoPaused(!receiving) ?? Promise.resolve();
  }

  setPreferredLayer(consumerId: string, spatialLayer: number): void {
    this.consumers?.setPreferredLayer(consumerId, spatialLayer);
  }

  /**
   * What is arriving: bytes received per consumer (inbound-rtp by track id) and whether it should be,
   * plus the send transport's state and whether anything is being sent.
   */
  async flowSample(): Promise<{ streams: Map<string, StreamSample>; sending: boolean; sendState: types.ConnectionState | null }> {
    const recv = this.transports.find((t) => t.direction === 'recv' && !t.closed);
    const send = this.transports.find((t) => t.direction === 'send' && !t.closed);
    const bytesByTrack = new Map<string, number>();
    (await recv?.getStats())?.forEach((s: Record<string, unknown>) => {
      if (s['type'] === 'inbound-rtp' && typeof s['trackIdentifier'] === 'string' && typeof s['bytesReceived'] === 'number') bytesByTrack.set(s['trackIdentifier'], s['bytesReceived']);
    });
    const streams = new Map<string, StreamSample>();
    for (const e of this.consumers?.expectations() ?? []) streams.set(e.consumerId, { bytes: bytesByTrack.get(e.trackId), expected: e.expected });
    return { streams, sending: this.producers?.sending ?? false, sendState: send?.connectionState ?? null };
  }

  async stats(): Promise<RTCStatsReport[]> {
    return Promise.all(this.transports.filter((t) => !t.closed).map((t) => t.getStats()));
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const cleanup of this.cleanups) cleanup();
    this.producers?.close();
    this.consumers?.close();
    for (const dc of this.dataConsumers.values()) dc.close();
    for (const dp of this.dataProducers) dp.close();
    for (const t of this.transports) t.close();
  }

  private assertOpen(): void {
    if (this.closed) throw new SessionClosedError('session closed');
  }

  /** A transport asked for on its own (a server that did not send them with the join). */
  private async createTransport(device: types.Device, direction: 'send' | 'recv', ice: IceSettings): Promise<types.Transport> {
    const created = await this.signaling.request('transport.create', { direction, sctpCapabilities: SCTP_CAPABILITIES });
    this.assertOpen();
    return this.buildTransport(device, direction, created, ice);
  }

  private buildTransport(device: types.Device, direction: 'send' | 'recv', params: TransportParams, ice: IceSettings): types.Transport {
    const options: types.TransportOptions = { ...transportOptions(params), ...ice };
    const transport = direction === 'send' ? device.createSendTransport(options) : device.createRecvTransport(options);
    this.transports.push(transport);
    transport.on('connect', ({ dtlsParameters }, ok, fail) => {
      this.signaling.request('transport.connect', { transportId: transport.id, dtlsParameters }).then(() => ok(), fail);
    });
    if (direction === 'send') {
      transport.on('produce', ({ kind, rtpParameters, appData }, ok, fail) => {
        const source = MediaSourceSchema.safeParse(appData['source']);
        if (!source.success) return fail(new TypeError('producer without a source'));
        const paused = appData['paused'] === true;
        this.signaling.request('producer.create', { transportId: transport.id, kind, rtpParameters, source: source.data, paused }).then(ok, fail);
      });
      transport.on('producedata', ({ sctpStreamParameters, label, protocol }, ok, fail) => {
        this.signaling
          .request('dataProducer.create', {
            transportId: transport.id,
            sctpStreamParameters: {
              streamId: sctpStreamParameters.streamId ?? 0,
              ...(sctpStreamParameters.ordered !== undefined ? { ordered: sctpStreamParameters.ordered } : {}),
              ...(sctpStreamParameters.maxRetransmits !== undefined ? { maxRetransmits: sctpStreamParameters.maxRetransmits } : {}),
              ...(sctpStreamParameters.maxPacketLifeTime !== undefined ? { maxPacketLifeTime: sctpStreamParameters.maxPacketLifeTime } : {}),
            },
            label: label ?? '',
            ...(protocol ? { protocol } : {}),
          })
          .then(ok, fail);
      });
    }
    this.cleanups.push(
      watchIce(transport, {
        restart: async () => {
          const res = await this.signaling.request('transport.restartIce', { transportId: transport.id });
          await transport.restartIce({ iceParameters: iceParameters(res) });
        },
        onTrouble: (trouble) => !this.closed && this.cb.onIceTrouble(transport.id, trouble),
        onGiveUp: () => !this.closed && this.cb.onBroken(),
      }),
    );
    return transport;
  }

  private onNotification(n: RoomNotificationEvent): void {
    if (!this.accepting || this.closed) return;
    switch (n.method) {
      case 'peer.joined':
        return this.cb.emit('peerJoined', n.data);
      case 'peer.devices':
        return this.cb.emit('peerDevices', n.data);
      case 'peer.left':
        this.consumers?.removePeer(n.data.peerId);
        return this.cb.emit('peerLeft', n.data);
      case 'consumer.new':
        this.consumers?.add(n.data).catch((err: unknown) => console.warn('[room] could not receive a track', err));
        return;
      case 'consumer.closed':
        return this.consumers?.remove(n.data.consumerId);
      case 'consumer.paused':
      case 'consumer.resumed':
        this.consumers?.setProducerPaused(n.data.consumerId, n.method === 'consumer.paused');
        return this.cb.emit('trackPaused', { consumerId: n.data.consumerId, paused: n.method === 'consumer.paused' });
      case 'consumer.layers':
        return this.cb.emit('trackLayers', { consumerId: n.data.consumerId, spatialLayer: n.data.spatialLayer });
      case 'dataConsumer.new':
        void this.addDataConsumer(n.data);
        return;
      case 'dataConsumer.closed':
        this.dataConsumers.get(n.data.dataConsumerId)?.close();
        this.dataConsumers.delete(n.data.dataConsumerId);
        return;
      case 'room.activeSpeaker':
        return this.cb.emit('activeSpeaker', { peerId: n.data.peerId });
      case 'room.closed':
        return this.cb.onRoomClosed(n.data);
    }
  }

  private async addDataConsumer(data: RoomNotification<'dataConsumer.new'>): Promise<void> {
    const recv = this.transports.find((t) => t.direction === 'recv');
    if (!recv) return;
    try {
      const dc = await recv.consumeData({
        id: data.id,
        dataProducerId: data.dataProducerId,
        sctpStreamParameters: sctpStreamParameters(data),
        label: data.label,
        protocol: data.protocol,
      });
      if (this.closed) return dc.close();
      this.dataConsumers.set(dc.id, dc);
      dc.on('message', (message: unknown) => {
        if (typeof message === 'string' || message instanceof ArrayBuffer) this.cb.emit('dataMessage', { peerId: data.peerId, label: data.label, data: message });
      });
    } catch (err) {
      console.warn('[room] could not open a data channel', err);
    }
  }
}
