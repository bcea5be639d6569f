import dgram from 'node:dgram';
import type { types as ms } from 'mediasoup';
import type { MediaSelfTest, MediaSelfTestCheck } from '@cloudclinic/shared';
import { isWildcard, type ListenAddress } from './listen-plan';
import { bindingRequest, isBindingSuccess } from './stun';
import type { PooledWorker } from './worker-pool';

/** How long one worker may take to answer a connectivity check. */
export const CHECK_TIMEOUT_MS = 2000;

/**
 * The media plane checked as a browser meets it: for each worker, a WebRTC transport is opened on its
 * WebRtcServer and an ICE connectivity check (STUN Binding, signed with the transport's ICE password)
 * is sent to each UDP candidate it announces. A worker that is stopped, a port that is not bound, or
 * an ICE stack that does not answer fails the check.
 */
export async function runMediaSelfTest(workers: readonly PooledWorker[], addresses: readonly ListenAddress[], timeoutMs = CHECK_TIMEOUT_MS): Promise<MediaSelfTest> {
  const started = Date.now();
  const checks = (await Promise.all(workers.map((w) => checkWorker(w, addresses, timeoutMs)))).flat();
  return { ok: checks.length > 0 && checks.every((c) => c.ok), at: new Date(started).toISOString(), checks };
}

async function checkWorker(w: PooledWorker, addresses: readonly ListenAddress[], timeoutMs: number): Promise<MediaSelfTestCheck[]> {
  let router: ms.Router | undefined;
  const opened = (async () => {
    router = await w.worker.createRouter({ mediaCodecs: [] });
    return router.createWebRtcTransport({ webRtcServer: w.webRtcServer, enableUdp: true, enableTcp: false });
  })();
  try {
    const transport = await withTimeout(opened, timeoutMs, 'worker did not answer');
    const udp = transport.iceCandidates.filter((c) => c.protocol === 'udp');
    return await Promise.all(
      udp.map((candidate, j) => {
        const listen = addresses[j]?.ip ?? candidate.ip;
        const target = isWildcard(listen) ? (listen.includes(':') ? '::1' : '127.0.0.1') : listen;
        return checkCandidate(w.index, candidate.ip, target, candidate.port, transport.iceParameters, timeoutMs);
      }),
    );
  } catch (err) {
    return [{ worker: w.index, address: null, port: null, ok: false, rttMs: null, error: err instanceof Error ? err.message : String(err) }];
  } finally {
    // A stopped worker answers later, if ever: close what it then creates.
    void opened.then(
      () => router?.close(),
      () => undefined,
    );
  }
}

async function checkCandidate(worker: number, announced: string, target: string, port: number, ice: ms.IceParameters, timeoutMs: number): Promise<MediaSelfTestCheck> {
  const socket = dgram.createSocket(target.includes(':') ? 'udp6' : 'udp4');
  const base = { worker, address: announced, port };
  try {
    const { packet, transactionId } = bindingRequest({ remoteUfrag: ice.usernameFragment, localUfrag: 'selftest', remotePassword: ice.password });
    const sentAt = performance.now();
    const answered = new Promise<number>((resolve) => {
      socket.on('message', (msg) => {
        if (isBindingSuccess(msg, transactionId)) resolve(performance.now() - sentAt);
      });
    });
    await new Promise<void>((resolve, reject) => socket.send(packet, port, target, (err) => (err ? reject(err) : resolve())));
    const rtt = await withTimeout(answered, timeoutMs, 'no answer to the ICE connectivity check');
    return { ...base, ok: true, rttMs: Math.round(rtt * 10) / 10 };
  } catch (err) {
    return { ...base, ok: false, rttMs: null, error: err instanceof Error ? err.message : String(err) };
  } finally {
    socket.close();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
