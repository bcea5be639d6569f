import { Device, type types } from 'mediasoup-client';
import { io, type Socket } from 'socket.io-client';

/**
 * Browser side (bundled by esbuild, served by the bench): the fallback join client — mediasoup-client
 * and socket.io-client speaking CloudClinic's signaling directly — and the peer-to-peer baseline.
 * Parameters come in the URL fragment: mode (sender | joiner | p2p), url, token, cid.
 */
const params = new URLSearchParams(location.hash.slice(1));
const mode = params.get('mode') ?? 'joiner';
const status = document.getElementById('status') as HTMLElement;
const setStatus = (s: string) => {
  status.textContent = s;
  document.body.dataset['status'] = s;
};

interface Ack {
  ok: boolean;
  data?: Record<string, unknown>;
  error?: { code: string; message: string };
}

function connect(): Promise<Socket> {
  const socket = io(params.get('url') ?? '', { path: '/socket.io', transports: ['websocket'], auth: { token: params.get('token') }, reconnection: false });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function request(socket: Socket, method: string, data: unknown = {}): Promise<Record<string, unknown>> {
  const ack = (await socket.emitWithAck('request', { method, data })) as Ack;
  if (!ack.ok) throw new Error(`${method}: ${ack.error?.code} ${ack.error?.message}`);
  return ack.data ?? {};
}

async function transport(socket: Socket, device: Device, direction: 'send' | 'recv', iceServers: RTCIceServer[]) {
  const t = await request(socket, 'transport.create', { direction });
  const opts = {
    id: String(t['id']),
    iceParameters: t['iceParameters'] as types.IceParameters,
    iceCandidates: t['iceCandidates'] as types.IceCandidate[],
    dtlsParameters: t['dtlsParameters'] as types.DtlsParameters,
    iceServers,
  };
  const tr = direction === 'send' ? device.createSendTransport(opts) : device.createRecvTransport(opts);
  tr.on('connect', ({ dtlsParameters }, ok, fail) => {
    request(socket, 'transport.connect', { transportId: tr.id, dtlsParameters }).then(() => ok(), fail);
  });
  if (direction === 'send') {
    tr.on('produce', ({ kind, rtpParameters }, ok, fail) => {
      request(socket, 'producer.create', { transportId: tr.id, kind, rtpParameters, source: kind === 'audio' ? 'microphone' : 'camera' }).then((r) => ok({ id: String(r['id']) }), fail);
    });
  }
  return tr;
}

async function joinRoom(socket: Socket, local: MediaStream, receive: boolean): Promise<void> {
  const j = await request(socket, 'room.join', { consultationId: params.get('cid') });
  const device = new Device();
  await device.load({ routerRtpCapabilities: j['routerRtpCapabilities'] as types.RtpCapabilities });
  const iceServers = (j['iceServers'] as RTCIceServer[] | undefined) ?? [];
  const publish = (async () => {
    const send = await transport(socket, device, 'send', iceServers);
    for (const track of local.getTracks()) await send.produce({ track });
  })();
  if (receive) {
    const recv = await transport(socket, device, 'recv', iceServers);
    socket.on('notification', (n: { method: string; data: Record<string, unknown> }) => {
      if (n.method !== 'consumer.new') return;
      const d = n.data;
      void (async () => {
        const consumer = await recv.consume({ id: String(d['id']), producerId: String(d['producerId']), kind: d['kind'] as 'audio' | 'video', rtpParameters: d['rtpParameters'] as types.RtpParameters });
        await request(socket, 'consumer.resume', { consumerId: consumer.id });
        if (consumer.kind !== 'video') return;
        const v = document.createElement('video');
        Object.assign(v, { autoplay: true, muted: true, playsInline: true, srcObject: new MediaStream([consumer.track]) });
        v.dataset['testid'] = 'remote-video';
        v.dataset['consumerId'] = consumer.id;
        document.body.append(v);
      })();
    });
    await request(socket, 'room.ready', { rtpCapabilities: device.rtpCapabilities });
  }
  await publish;
}

/** Baseline: two RTCPeerConnections in this page, offer → answer → first decoded frame; no server at all. */
async function p2p(local: MediaStream): Promise<number> {
  const t0 = performance.now();
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();
  a.onicecandidate = (e) => e.candidate && void b.addIceCandidate(e.candidate);
  b.onicecandidate = (e) => e.candidate && void a.addIceCandidate(e.candidate);
  const firstFrame = new Promise<number>((resolve) => {
    b.ontrack = (e) => {
      const v = document.createElement('video');
      Object.assign(v, { autoplay: true, muted: true, playsInline: true, srcObject: new MediaStream([e.track]) });
      document.body.append(v);
      const onFrame = (now: number) => (v.videoWidth > 0 ? resolve(now) : v.requestVideoFrameCallback(onFrame));
      v.requestVideoFrameCallback(onFrame);
    };
  });
  for (const track of local.getVideoTracks()) a.addTrack(track, local);
  await a.setLocalDescription(await a.createOffer());
  await b.setRemoteDescription(a.localDescription as RTCSessionDescriptionInit);
  await b.setLocalDescription(await b.createAnswer());
  await a.setRemoteDescription(b.localDescription as RTCSessionDescriptionInit);
  const t1 = await firstFrame;
  a.close();
  b.close();
  document.querySelectorAll('video').forEach((v) => v.remove());
  return t1 - t0;
}

declare global {
  interface Window {
    __p2p?: () => Promise<number>;
  }
}

async function main(): Promise<void> {
  // The lobby: camera and microphone open before the user clicks "join" (device preview).
  const local = await navigator.mediaDevices.getUserMedia({ audio: true, video: { width: 640, height: 480 } });
  if (mode === 'p2p') {
    window.__p2p = () => p2p(local);
    setStatus('ready');
    return;
  }
  const socket = await connect();
  if (mode === 'sender') {
    await joinRoom(socket, local, false);
    setStatus('sending');
    return;
  }
  const button = document.getElementById('join') as HTMLButtonElement;
  button.disabled = false;
  button.addEventListener('click', () => {
    window.__bench.t0 = performance.now();
    button.disabled = true;
    joinRoom(socket, local, true).then(
      () => setStatus('joined'),
      (err: unknown) => setStatus(`error: ${String(err)}`),
    );
  });
  setStatus('ready');
}

main().catch((err: unknown) => setStatus(`error: ${String(err)}`));
