import crypto from 'node:crypto';
import { imagingRequests, NOTIFICATION_EVENT, type ImagingNotification, type ImagingNotificationMethod, type ImagingSession } from '@cloudclinic/shared';
import { AppError, invalidState } from '../lib/errors';
import type { ConsultationAccess } from '../modules/consultations/consultation-access';
import type { SharedViewing } from '../modules/imaging/shared-viewing';
import type { Dispatcher } from './dispatcher';
import type { AppSocket } from './socket-types';

/*
 * Why shared viewing travels over socket.io (relayed by this server) and not over mediasoup data
 * channels:
 *  - Authorisation: every member is checked with the consultation policy when it joins, and the
 *    server enforces that only the presenter changes the state. A data channel through the SFU
 *    would carry whatever a peer sends; the SFU cannot judge the payload.
 *  - Late joiners: the server must hold the last state anyway so that someone who opens the
 *    viewer later lands on the current slice. Here the state lives where it is relayed.
 *  - Independence from media: a participant can read images with no camera, with video paused
 *    on a poor satellite link, or while ICE restarts; the signaling socket is the one connection
 *    every participant always has, and it falls back to HTTP long-polling through proxies.
 *  - Latency: the updates are small (≈ 300 bytes), throttled by the presenter to ≤ 15 per second
 *    and idempotent ("latest state wins", numbered by `rev`), so TCP ordering costs nothing that a
 *    viewer would notice; on loopback a relay takes a few milliseconds, well inside 200 ms. Both
 *    paths go through the same server, so a data channel would not be shorter either.
 */

export interface ImagingHandlerDeps {
  access: ConsultationAccess;
  viewing: SharedViewing;
}

const roomOf = (consultationId: string) => `imaging:${consultationId}`;

/*
 * Every imaging push goes to the socket.io room `imaging:<consultation>` with `socket.to(…)`: with
 * several nodes the Redis adapter carries it to the members on the other nodes, once each (the
 * sender excluded). No domain event is involved, so nothing else delivers it a second time.
 */
export function registerImagingHandlers(socket: AppSocket, dispatcher: Dispatcher, deps: ImagingHandlerDeps): void {
  const user = socket.data.auth;
  /** consultationId → this socket's member id in that viewing. */
  const joined = new Map<string, string>();

  const notifyOthers = <M extends ImagingNotificationMethod>(consultationId: string, method: M, data: ImagingNotification<M>) => {
    socket.to(roomOf(consultationId)).emit(NOTIFICATION_EVENT, { method, data });
  };
  const announce = (consultationId: string, session: ImagingSession) => notifyOthers(consultationId, 'imaging.session', { consultationId, ...session });

  /** Runs a step as this socket's member; a viewing that no longer knows the member forgets it here too. */
  const asMember = async <T>(consultationId: string, step: (memberId: string) => Promise<T>): Promise<T> => {
    const id = joined.get(consultationId);
    if (!id) throw invalidState('Join the shared viewing first');
    try {
      return await step(id);
    } catch (err) {
      if (err instanceof AppError && err.code === 'invalid_state') joined.delete(consultationId);
      throw err;
    }
  };

  const leave = async (consultationId: string) => {
    const id = joined.get(consultationId);
    if (!id) return;
    joined.delete(consultationId);
    await socket.leave(roomOf(consultationId));
    const session = await deps.viewing.leave(consultationId, id);
    if (session) announce(consultationId, session);
  };
  socket.on('disconnect', () => {
    for (const consultationId of [...joined.keys()]) leave(consultationId).catch(() => undefined); // the viewing drops it with its node otherwise
  });

  dispatcher.register(imagingRequests, {
    'imaging.join': async ({ consultationId }) => {
      const grant = await deps.access.grant(user, consultationId);
      await leave(consultationId);
      const id = crypto.randomUUID();
      const { session, state } = await deps.viewing.join(consultationId, { memberId: id, userId: user.sub, displayName: grant.displayName, participantRole: grant.participantRole });
      joined.set(consultationId, id);
      await socket.join(roomOf(consultationId));
      announce(consultationId, session);
      return { memberId: id, session, state };
    },
    'imaging.leave': async ({ consultationId }) => {
      await leave(consultationId);
      return {};
    },
    'imaging.present': async ({ consultationId }) => {
      const session = await asMember(consultationId, async (id) => {
        await deps.access.grant(user, consultationId); // the consultation may have ended meanwhile
        return deps.viewing.present(consultationId, id);
      });
      announce(consultationId, session);
      return session;
    },
    'imaging.handOver': async ({ consultationId, toMemberId }) => {
      const session = await asMember(consultationId, (id) => deps.viewing.handOver(consultationId, id, toMemberId));
      announce(consultationId, session);
      return session;
    },
    'imaging.release': async ({ consultationId }) => {
      const session = await asMember(consultationId, (id) => deps.viewing.release(consultationId, id));
      announce(consultationId, session);
      return session;
    },
    'imaging.update': async ({ consultationId, view, measurements, pointer }) => {
      const id = joined.get(consultationId) ?? '';
      // One step checks membership and role and applies the change (an empty change only checks).
      const state = await asMember(consultationId, (member) => deps.viewing.update(consultationId, member, { view, measurements }));
      if (view !== undefined || measurements !== undefined) notifyOthers(consultationId, 'imaging.state', { consultationId, from: id, ...state });
      // The pointer is relayed, never kept. Not sent volatile: socket.io drops volatile packets
      // whenever the transport is busy, i.e. right after each state update it travels with.
      if (pointer !== undefined) notifyOthers(consultationId, 'imaging.pointer', { consultationId, from: id, point: pointer });
      return { rev: state.rev };
    },
  });
}
