import type http from 'node:http';
import { Server } from 'socket.io';
import { AppError } from '../lib/errors';
import { watchSession } from '../modules/auth/session-watch';
import type { Services } from '../services';
import { Dispatcher } from './dispatcher';
import { DEFAULT_FLOOD_LIMITS, FloodGuard, type FloodLimits } from './flood-guard';
import { socketHandlers, socketPushes } from './handlers';
import type { AppIo, SocketContext } from './socket-types';

export interface SocketLimits extends FloodLimits {
  /** Per-socket request budget: generous for signaling bursts (join ≈ 10 requests), tight for floods. */
  socketRatePerSecond: number;
  socketBurst: number;
  /** A joined peer that never sends `room.ready` is removed after this long. */
  readyTimeoutMs: number;
}

export const DEFAULT_SOCKET_LIMITS: SocketLimits = { ...DEFAULT_FLOOD_LIMITS, socketRatePerSecond: 20, socketBurst: 60, readyTimeoutMs: 30_000 };

/** How often an open socket's session and user are looked up again (disablement, logout, role change). */
const SESSION_RECHECK_MS = 30_000;

/** socket.io on the same HTTP server; the access token is verified in the handshake. */
export function createSocketServer(httpServer: http.Server, s: Services, limits: SocketLimits = DEFAULT_SOCKET_LIMITS): AppIo {
  const guard = new FloodGuard(limits);
  const handlers = socketHandlers(s);
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
    s.sessions.verify(token).then(
      (v) => {
        socket.data.auth = v.auth;
        socket.data.access = v;
        const refused = guard.admit(v.auth.sub, socket.id);
        if (refused) {
          s.log.warn({ userId: v.auth.sub, sockets: guard.openSockets(v.auth.sub) }, 'socket refused: connection cap');
          return next(handshakeError(refused));
        }
        next();
      },
      (err: unknown) => next(handshakeError(err instanceof AppError ? err : new AppError('unauthorized', 'Invalid access token'))),
    );
  });
  io.on('connection', (socket) => {
    const userId = socket.data.auth.sub;
    const log = s.log.child({ socketId: socket.id, userId });
    // Token expiry, logout, a disabled account: the socket ends, and the client re-authenticates.
    const watchCurrent = () =>
      watchSession(s.sessions, socket.data.access, () => socket.disconnect(true), {
        recheckMs: SESSION_RECHECK_MS,
        onUpdate: (auth) => {
          socket.data.auth = auth;
        },
      });
    let watch = watchCurrent();
    socket.on('disconnect', () => {
      watch.stop();
      guard.release(userId, socket.id);
    });
    const dispatcher = new Dispatcher(socket, log, {
      ratePerSecond: limits.socketRatePerSecond,
      burst: limits.socketBurst,
      admitPacket: () => guard.packet(userId, socket.id),
    });
    const ctx: SocketContext = {
      socket,
      dispatcher,
      log,
      readyTimeoutMs: limits.readyTimeoutMs,
      sessionRenewed: () => {
        watch.stop();
        watch = watchCurrent();
      },
    };
    for (const register of handlers) register(ctx);
  });
  socketPushes(io, s);
  return io;
}

function handshakeError(err: AppError): Error {
  const e = new Error(err.message) as Error & { data: unknown };
  e.data = err.toBody();
  return e;
}
