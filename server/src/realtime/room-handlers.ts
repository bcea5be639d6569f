import crypto from 'node:crypto';
import type { types as ms } from 'mediasoup';
import { NOTIFICATION_EVENT, roomRequests, type AccessClaims, type ParticipantRole, type TransportParams, type PeerLeftReason, type RoomNotification, type RoomNotificationMethod } from '@cloudclinic/shared';
import { AppError } from '../lib/errors';
import type { Logger } from '../lib/logger';
import { iceServersFor, iceTransportPolicyFor, type TurnSettings } from '../media/ice-servers';
import { Peer } from '../media/peer';
import type { Room } from '../media/room';
import type { RoomRegistry } from '../media/room-registry';
import type { AuditLog } from '../modules/audit/audit-log';
import type { ConsultationAccess } from '../modules/consultations/consultation-access';
import { assertMayProduceData } from '../modules/field/data-channel-policy';
import type { MdtMeetings } from '../modules/mdt/mdt-meetings';
import type { EventBus } from '../modules/events/event-bus';
import type { AppSocket } from './socket-types';
import type { Dispatcher } from './dispatcher';
import { rtpCapabilitiesOf, rtpParametersOf, sctpStreamParametersOf, withClientParams } from './media-params';

/** The room a socket joins: a consultation's, or an MDT sitting's that persists while its cases change. */
type RoomTarget = { kind: 'consultation' | 'mdt'; id: string };
/** What a join needs to know of the person entering, whichever the room. */
type RoomGrant = { participantRole: ParticipantRole; displayName: string; institutionName: string; hisPatientId?: string };

export interface RoomHandlerDeps {
  rooms: RoomRegistry;
  access: ConsultationAccess;
  /** Who enters an MDT sitting's room (`MdtPolicy`). */
  meetings: Pick<MdtMeetings, 'roomGrant'>;
  audit: AuditLog;
  events: EventBus;
  turn: TurnSettings | null;
  log: Logger;
  /** A peer that has not sent `room.ready` this long after joining is removed (told to rejoin). */
  readyTimeoutMs: number;
}

/**
 * For a mediasoup request whose object closed while it was in flight (the peer left, the room
 * closed): that is the client's race, answered `unavailable`, not a server error.
 */
const closedMeanwhile =
  (closed: () => boolean) =>
  (err: unknown): never => {
    if (!(err instanceof AppError) && closed()) throw new AppError('unavailable', 'Closed while the request was in flight');
    throw err;
  };

/** A transport's parameters as the browser needs them (plain copies of mediasoup's objects). */
function transportParams(t: ms.WebRtcTransport): TransportParams {
  return {
    id: t.id,
    iceParameters: { ...t.iceParameters },
    iceCandidates: t.iceCandidates.map((c) => ({ ...c })),
    dtlsParameters: { ...t.dtlsParameters },
    ...(t.sctpParameters ? { sctpParameters: { ...t.sctpParameters } } : {}),
  };
}

/**
 * The consultation-room requests of one socket. The socket holds at most one peer at a time;
 * joining checks the consultation policy on the server (never the client's idea of its role).
 */
export function registerRoomHandlers(socket: AppSocket, dispatcher: Dispatcher, deps: RoomHandlerDeps): void {
  const user: AccessClaims = socket.data.auth;
  let current: { room: Room; peer: Peer } | null = null;

  const notify = <M extends RoomNotificationMethod>(method: M, data: RoomNotification<M>) => {
    socket.emit(NOTIFICATION_EVENT as never, { method, data } as never);
  };

  const joined = () => {
    if (!current || current.peer.closed) throw new AppError('invalid_state', 'Join a room first');
    return current;
  };

  const leave = (reason: PeerLeftReason = 'dropped') => {
    if (current) current.room.leave(current.peer, reason);
    current = null;
  };
  socket.on('disconnect', () => leave('dropped'));

  dispatcher.register(roomRequests, {
    'room.join': async ({ consultationId, mdtMeetingId, transports: wanted }) => {
      // A consultation's room, or an MDT sitting's (one room for the slot; its id is the sitting's).
      const target: RoomTarget = consultationId !== undefined ? { kind: 'consultation', id: consultationId } : { kind: 'mdt', id: mdtMeetingId ?? '' };
      const about = target.kind === 'consultation' ? { consultationId: target.id } : { entityType: 'MdtMeeting', entityId: target.id };
      let grant: RoomGrant;
      try {
        grant = target.kind === 'consultation' ? await deps.access.grant(user, target.id) : await deps.meetings.roomGrant(user, target.id);
      } catch (err) {
        const outcome = err instanceof AppError ? err.code : 'error';
        deps.log.warn({ userId: user.sub, roomId: target.id, outcome }, 'room join refused');
        await deps.audit.record({ action: 'room.join', outcome, actorId: user.sub, actorRole: user.role, institutionId: user.inst, ...about });
        throw err;
      }
      leave();
      const room = await deps.rooms.getOrCreate(target.id);
      // The socket may have gone while we awaited: joining now would leave a ghost peer behind
      // (and could replace this user's live peer from a newer socket).
      if (socket.disconnected) {
        if (room.peers.size === 0) room.close('empty');
        throw new AppError('unavailable', 'Connection closed during join');
      }
      const peer = new Peer(
        {
          peerId: crypto.randomUUID(),
          userId: user.sub,
          displayName: grant.displayName,
          userRole: user.role,
          participantRole: grant.participantRole,
          institutionName: grant.institutionName,
        },
        notify,
      );
      room.join(peer);
      current = { room, peer };
      const readyTimer = setTimeout(() => {
        if (peer.ready || peer.closed) return;
        deps.log.warn({ peerId: peer.id, roomId: target.id }, 'peer never became ready: removed');
        notify('room.closed', { reason: 'ready_timeout', rejoin: true });
        room.leave(peer);
      }, deps.readyTimeoutMs);
      readyTimer.unref();
      peer.once('closed', () => {
        clearTimeout(readyTimer);
        if (current?.peer === peer) current = null;
      });
      const createBoth = async () => {
        const closed = closedMeanwhile(() => peer.closed || room.closed);
        const sctp = wanted?.sctpCapabilities;
        const [send, recv] = await Promise.all([room.createTransport(peer, 'send', sctp).catch(closed), room.createTransport(peer, 'recv', sctp).catch(closed)]);
        return { send: transportParams(send), recv: transportParams(recv) };
      };
      // The audit write and, when asked for, both transports at once: the join's answer waits for both.
      const [, transports] = await Promise.all([
        deps.audit.record({
          action: 'room.join',
          outcome: 'ok',
          actorId: user.sub,
          actorRole: user.role,
          institutionId: user.inst,
          ...about,
          ...(grant.hisPatientId ? { hisPatientId: grant.hisPatientId } : {}),
        }),
        wanted ? createBoth() : undefined,
      ]);
      if (target.kind === 'consultation') deps.events.publish('room.peerJoined', { consultationId: target.id, userId: user.sub, participantRole: grant.participantRole });
      return {
        peerId: peer.id,
        routerRtpCapabilities: { ...room.router.rtpCapabilities },
        iceServers: iceServersFor(user.sub, deps.turn),
        iceTransportPolicy: iceTransportPolicyFor(deps.turn),
        peers: room.peerInfos(peer),
        ...(transports ? { transports } : {}),
      };
    },
    'room.ready': async ({ rtpCapabilities, sctpCapabilities }) => {
      const { room, peer } = joined();
      await room.setReady(peer, rtpCapabilitiesOf(rtpCapabilities), sctpCapabilities);
      return {};
    },
    'peer.devices': (devices) => {
      const { room, peer } = joined();
      room.setDevices(peer, devices);
      return {};
    },
    'room.leave': () => {
      leave('left');
      return {};
    },
    'transport.create': async ({ direction, sctpCapabilities, forceTcp }) => {
      const { room, peer } = joined();
      const t = await room.createTransport(peer, direction, sctpCapabilities, forceTcp).catch(closedMeanwhile(() => peer.closed || room.closed));
      return transportParams(t);
    },
    'transport.connect': async ({ transportId, dtlsParameters }) => {
      const transport = joined().peer.transport(transportId);
      await withClientParams('dtlsParameters', () => transport.connect({ dtlsParameters: dtlsParameters as ms.DtlsParameters }));
      return {};
    },
    'transport.restartIce': async ({ transportId }) => {
      const iceParameters = await joined().peer.transport(transportId).restartIce();
      return { iceParameters: { ...iceParameters } };
    },
    'producer.create': async ({ transportId, kind, rtpParameters, source, paused }) => {
      const { room, peer } = joined();
      const params = rtpParametersOf(rtpParameters);
      const producer = await withClientParams('rtpParameters', () => room.produce(peer, transportId, kind, params, source, paused ?? false));
      return { id: producer.id };
    },
    'producer.pause': async ({ producerId }) => {
      await joined().peer.producer(producerId).pause();
      return {};
    },
    'producer.resume': async ({ producerId }) => {
      await joined().peer.producer(producerId).resume();
      return {};
    },
    'producer.close': ({ producerId }) => {
      joined().peer.producer(producerId).close();
      return {};
    },
    'consumer.resume': async ({ consumerId }) => {
      const consumer = joined().peer.consumer(consumerId);
      await consumer.resume().catch(closedMeanwhile(() => consumer.closed));
      return {};
    },
    'consumer.pause': async ({ consumerId }) => {
      const consumer = joined().peer.consumer(consumerId);
      await consumer.pause().catch(closedMeanwhile(() => consumer.closed));
      return {};
    },
    'consumer.setPreferredLayers': async ({ consumerId, spatialLayer, temporalLayer }) => {
      const consumer = joined().peer.consumer(consumerId);
      if (consumer.type === 'simulcast' || consumer.type === 'svc') {
        await withClientParams('layers', () => consumer.setPreferredLayers({ spatialLayer, ...(temporalLayer !== undefined ? { temporalLayer } : {}) }));
      }
      return {};
    },
    'dataProducer.create': async ({ transportId, sctpStreamParameters, label, protocol }) => {
      const { room, peer } = joined();
      assertMayProduceData(peer.identity.participantRole, label);
      const params = sctpStreamParametersOf(sctpStreamParameters);
      const dp = await withClientParams('sctpStreamParameters', () => room.produceData(peer, transportId, { sctpStreamParameters: params, label, protocol }));
      return { id: dp.id };
    },
  });
}
