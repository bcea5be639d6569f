import type { DefaultEventsMap, Server, Socket } from 'socket.io';
import type { AccessClaims } from '@cloudclinic/shared';
import type { Logger } from '../lib/logger';
import type { VerifiedAccess } from '../modules/auth/access-sessions';
import type { Dispatcher } from './dispatcher';

export interface SocketData {
  auth: AccessClaims;
  /** The verified token's session and expiry: the socket is closed when either ends. */
  access: VerifiedAccess;
}

export type AppSocket = Socket<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;
export type AppIo = Server<DefaultEventsMap, DefaultEventsMap, DefaultEventsMap, SocketData>;

/** What every message group's handlers get for one authenticated socket. */
export interface SocketContext {
  socket: AppSocket;
  dispatcher: Dispatcher;
  log: Logger;
  /** A joined peer that never sends `room.ready` is removed after this long. */
  readyTimeoutMs: number;
  /** The socket's session was renewed (`socket.data` updated): watch the new one from now on. */
  sessionRenewed(): void;
}

/** Registers one message group's handlers on a socket. */
export type SocketHandler = (ctx: SocketContext) => void;
