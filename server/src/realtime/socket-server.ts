import type http from 'node:http';
import { Server, type DefaultEventsMap, type Socket } from 'socket.io';
import type { AccessClaims } from '@cloudclinic/shared';
import { AppError } from '../lib/errors';
import type { Services } from '../services';
import { Dispatcher } from './dispatcher';
import { forwardClinicEvents } from './clinic-handlers';
import { registerRoomHandlers } from './room-handlers';

export interface SocketData {
  auth: AccessClaims;
}

export type AppSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;
export type AppIo = Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

/** Per-socket request budget: generous for signaling bursts (join ≈ 10 requests), tight for floods. */
const RATE = { ratePerSecond: 20, burst: 60 };

/** socket.io on the same HTTP server; the access token is verified in the handshake. */
export function createSocketServer(httpServer: http.Server, s: Services): AppIo {
  const io: AppIo = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 256 * 1024,
    pingInterval: 5_000,
    pingTimeout: 5_000,
  });
  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.['token'];
    if (typeof token !== 'string') return next(handshakeError(new AppError('unauthorized', 'Authentication required')));
    try {
      socket.data.auth = s.signer.verifyAccess(token);
      next();
    } catch (err) {
      next(handshakeError(err instanceof AppError ? err : new AppError('unauthorized', 'Invalid access token')));
    }
  });
  io.on('connection', (socket) => {
    const log = s.log.child({ socketId: socket.id, userId: socket.data.auth.sub });
    const dispatcher = new Dispatcher(socket, log, RATE);
    registerRoomHandlers(socket, dispatcher, { rooms: s.rooms, access: s.access, audit: s.audit, events: s.events, turn: s.turn, log });
    for (const register of s.socketHandlers) register(socket, dispatcher);
  });
  forwardClinicEvents(io, s.events, s.queue, s.log.child({ module: 'clinic-push' }));
  return io;
}

function handshakeError(err: AppError): Error {
  const e = new Error(err.message) as Error & { data: unknown };
  e.data = err.toBody();
  return e;
}
