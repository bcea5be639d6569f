import type http from 'node:http';
import { Server } from 'socket.io';
import { AppError, toAppError } from '../lib/errors';
import { watchSession } from '../modules/auth/session-watch';
import type { Services } from '../services';
import { Dispatcher } from './dispatcher';
import type { ClusterRealtime } from './cluster-realtime';
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

/**
 * socket.io on the same HTTP server; the access token is verified in the handshake. With several
 * nodes (`cluster`), rooms span the nodes and the user's socket cap and packet budget hold across
 * them; one node keeps all of it in process.
 */
export function createSocketServer(httpServer: http.Server, s: Services, limits: SocketLimits = DEFAULT_SOCKET_LIMITS, cluster: ClusterRealtime | null = null): AppIo {
  const guard = new FloodGuard(limits, Date.now, cluster?.budget ?? null);
  const admitAcrossNodes = admission(guard, cluster, s);
  const handlers = socketHandlers(s);
  const io: AppIo = new Server(httpServer, {
    ...(cluster ? { adapter: cluster.adapter } : {}),
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
      async (v) => {
        socket.data.auth = v.auth;
        socket.data.access = v;
        const refused = await admitAcrossNodes(v.auth.sub, socket.id);
        if (refused) {
          s.log.warn({ userId: v.auth.sub, sockets: guard.openSockets(v.auth.sub) }, 'socket refused: connection cap');
          return next(handshakeError(refused));
        }
        next();
      },
      (err: unknown) => next(handshakeError(err instanceof AppError ? err : new AppError('unauthorized', 'Invalid access token'))),
    ).catch((err: unknown) => next(handshakeError(toAppError(err))));
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
      cluster?.sockets.release(userId, guard.openSockets(userId)).catch(() => undefined); // healed at the user's next change here
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

/** This node's limits first, then (several nodes) the user's sockets on all of them; Redis away: this node's alone. */
function admission(guard: FloodGuard, cluster: ClusterRealtime | null, s: Services) {
  return async (userId: string, socketId: string): Promise<AppError | null> => {
    const refused = guard.admit(userId, socketId);
    if (refused || !cluster) return refused;
    const max = guard.limits.maxSocketsPerUser;
    const verdict = await cluster.sockets.admit(userId, guard.openSockets(userId), max).catch((err: unknown) => {
      s.log.warn({ err: err instanceof Error ? err.message : String(err), userId }, 'socket cap checked on this node only (Redis unavailable)');
      return 'ok' as const;
    });
    if (verdict === 'ok') return null;
    guard.release(userId, socketId);
    return verdict === 'blocked'
      ? new AppError('rate_limited', 'Too many messages from this account; wait a few seconds before reconnecting')
      : new AppError('rate_limited', `Too many open connections for this account (at most ${max}); close another tab or device`);
  };
}

function handshakeError(err: AppError): Error {
  const e = new Error(err.message) as Error & { data: unknown };
  e.data = err.toBody();
  return e;
}
