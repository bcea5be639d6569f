import type { types as ms } from 'mediasoup';
import { mediaCheckRequests } from '@cloudclinic/shared';
import { AppError } from '../lib/errors';
import { iceServersFor, iceTransportPolicyFor, type TurnSettings } from '../media/ice-servers';
import { MediaLoopback } from '../media/loopback';
import type { WorkerPool } from '../media/worker-pool';
import type { Dispatcher } from './dispatcher';
import { rtpCapabilitiesOf, rtpParametersOf, withClientParams } from './media-params';
import type { AppSocket } from './socket-types';

export interface MediaCheckDeps {
  pool: WorkerPool;
  turn: TurnSettings | null;
}

const params = (t: ms.WebRtcTransport) => ({
  id: t.id,
  iceParameters: { ...t.iceParameters },
  iceCandidates: t.iceCandidates.map((c) => ({ ...c })),
  dtlsParameters: { ...t.dtlsParameters },
});

/**
 * The device check's media loopback (see `MediaLoopback`): at most one per socket, closed with the
 * socket, by `mediaCheck.close`, or by its own time limit. It touches no patient data, so any signed-in
 * user may run it.
 */
export function registerMediaCheckHandlers(socket: AppSocket, dispatcher: Dispatcher, deps: MediaCheckDeps): void {
  let loopback: MediaLoopback | null = null;
  const current = () => {
    if (!loopback || loopback.isClosed) throw new AppError('invalid_state', 'Open a media check first');
    return loopback;
  };
  const close = () => {
    loopback?.close();
    loopback = null;
  };
  socket.on('disconnect', close);

  dispatcher.register(mediaCheckRequests, {
    'mediaCheck.open': async () => {
      close();
      const opened = await MediaLoopback.open(deps.pool.pick());
      if (socket.disconnected) {
        opened.close();
        throw new AppError('invalid_state', 'Disconnected');
      }
      loopback = opened;
      return {
        routerRtpCapabilities: { ...opened.router.rtpCapabilities },
        iceServers: iceServersFor(socket.data.auth.sub, deps.turn),
        iceTransportPolicy: iceTransportPolicyFor(deps.turn),
        send: params(opened.send),
        recv: params(opened.recv),
      };
    },
    'mediaCheck.connect': async ({ transportId, dtlsParameters }) => {
      const transport = current().transport(transportId);
      await withClientParams('dtlsParameters', () => transport.connect({ dtlsParameters: dtlsParameters as ms.DtlsParameters }));
      return {};
    },
    'mediaCheck.produce': async ({ kind, rtpParameters }) => {
      const check = current();
      const params = rtpParametersOf(rtpParameters);
      const producer = await withClientParams('rtpParameters', () => check.produce(kind, params));
      return { id: producer.id };
    },
    'mediaCheck.consume': async ({ producerId, rtpCapabilities }) => {
      const check = current();
      const caps = rtpCapabilitiesOf(rtpCapabilities);
      const consumer = await withClientParams('rtpCapabilities', () => check.consume(producerId, caps));
      return { id: consumer.id, producerId, kind: consumer.kind, rtpParameters: { ...consumer.rtpParameters } };
    },
    'mediaCheck.close': () => {
      close();
      return {};
    },
  });
}
