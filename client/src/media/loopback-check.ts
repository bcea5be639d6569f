import type { MediaCheckMethod, MediaCheckResponse } from '@cloudclinic/shared';
import { Device, type types } from 'mediasoup-client';
import { consumerRtpParameters, routerCapabilities, transportOptions } from './wire';

/** What the device check needs of the realtime connection (the kiosk's one socket). */
export type MediaCheckCall = <M extends MediaCheckMethod>(method: M, data: Record<string, unknown>) => Promise<MediaCheckResponse<M>>;

export type LoopbackResult =
  | { ok: true; rttMs: number | null; lossPct: number; kbps: number }
  | { ok: false; reason: 'no_media' | 'error'; message?: string };

export interface LoopbackOptions {
  /** Nothing came back within this: the media path is blocked. */
  startTimeoutMs?: number;
  /** How long the returning stream is measured once it flows. */
  measureMs?: number;
}

interface Counters {
  bytes: number;
  packets: number;
  lost: number;
  rttMs: number | null;
}

async function counters(send: types.Transport, recv: types.Transport): Promise<Counters> {
  const c: Counters = { bytes: 0, packets: 0, lost: 0, rttMs: null };
  (await recv.getStats()).forEach((s: Record<string, unknown>) => {
    if (s['type'] !== 'inbound-rtp') return;
    c.bytes += Number(s['bytesReceived'] ?? 0);
    c.packets += Number(s['packetsReceived'] ?? 0);
    c.lost += Math.max(0, Number(s['packetsLost'] ?? 0));
  });
  (await send.getStats()).forEach((s: Record<string, unknown>) => {
    if (s['type'] === 'candidate-pair' && (s['nominated'] === true || s['selected'] === true) && typeof s['currentRoundTripTime'] === 'number') {
      c.rttMs = Math.round(s['currentRoundTripTime'] * 1000);
    }
  });
  return c;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Sends `track` to the SFU and receives it back over the same path a consultation uses (server,
 * announced addresses, TURN if configured), then reports round-trip time, loss and bitrate.
 * Everything it opened is closed before it resolves; the caller's track is never stopped.
 */
export async function runLoopbackCheck(call: MediaCheckCall, track: MediaStreamTrack, opts: LoopbackOptions = {}): Promise<LoopbackResult> {
  const startTimeoutMs = opts.startTimeoutMs ?? 8000;
  const measureMs = opts.measureMs ?? 2000;
  const transports: types.Transport[] = [];
  const copy = track.clone();
  try {
    const opened = await call('mediaCheck.open', {});
    const device = await Device.factory();
    await device.load({ routerRtpCapabilities: routerCapabilities(opened.routerRtpCapabilities) });
    const ice = { iceServers: opened.iceServers, iceTransportPolicy: opened.iceTransportPolicy };
    const send = device.createSendTransport({ ...transportOptions(opened.send), ...ice });
    const recv = device.createRecvTransport({ ...transportOptions(opened.recv), ...ice });
    transports.push(send, recv);
    for (const t of transports) {
      t.on('connect', ({ dtlsParameters }, ok, fail) => void call('mediaCheck.connect', { transportId: t.id, dtlsParameters }).then(() => ok(), fail));
    }
    send.on('produce', ({ kind, rtpParameters }, ok, fail) => void call('mediaCheck.produce', { kind, rtpParameters }).then(ok, fail));
    const producer = await send.produce({ track: copy });
    const back = await call('mediaCheck.consume', { producerId: producer.id, rtpCapabilities: device.recvRtpCapabilities });
    await recv.consume({ id: back.id, producerId: back.producerId, kind: back.kind, rtpParameters: consumerRtpParameters(back) });

    const deadline = Date.now() + startTimeoutMs;
    let first = await counters(send, recv);
    while (first.bytes === 0) {
      if (Date.now() > deadline) return { ok: false, reason: 'no_media' };
      await sleep(250);
      first = await counters(send, recv);
    }
    const startedAt = performance.now();
    await sleep(measureMs);
    const last = await counters(send, recv);
    const seconds = (performance.now() - startedAt) / 1000;
    const packets = last.packets - first.packets;
    const lost = last.lost - first.lost;
    return {
      ok: true,
      rttMs: last.rttMs,
      lossPct: packets + lost > 0 ? Math.round((1000 * lost) / (packets + lost)) / 10 : 0,
      kbps: Math.round(((last.bytes - first.bytes) * 8) / 1000 / seconds),
    };
  } catch (err) {
    return { ok: false, reason: 'error', message: err instanceof Error ? err.message : String(err) };
  } finally {
    for (const t of transports) t.close();
    copy.stop();
    await call('mediaCheck.close', {}).catch(() => undefined);
  }
}
