import type http from 'node:http';
import { Server, type Socket } from 'socket.io';
import type { AccessClaims } from '@cloudclinic/shared';
import { AppError } from '../lib/errors';
import type { Services } from '../services';

export interface SocketData {
  auth: AccessClaims;
}

export type AppSocket = Socket<Record<string, never>, Record<string, never>, Record<string, never>, SocketData>;

/** socket.io on the same HTTP server; the access token is verified in the handshake. */
export function createSocketServer(httpServer: http.Server, s: Services): Server {
  const io = new Server(httpServer, {
    path: '/socket.io',
    serveClient: false,
    maxHttpBufferSize: 256 * 1024,
    pingInterval: 10_000,
    pingTimeout: 8_000,
    connectionStateRecovery: undefined,
  });
  io.use((socket, next) => {
    const token: unknown = socket.handshake.auth?.['token'];
    if (typeof token !== 'string') return next(handshakeError(new AppError('unauthorized', 'Authentication required')));
    try {
      (socket.data as SocketData).auth = s.signer.verifyAccess(token);
      next();
    } catch (err) {
      next(handshakeError(err instanceof AppError ? err : new AppError('unauthorized', 'Invalid access token')));
    }
  });
  return io;
}

function handshakeError(err: AppError): Error {
  const e = new Error(err.message) as Error & { data: unknown };
  e.data = err.toBody();
  return e;
}
