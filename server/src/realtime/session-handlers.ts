import { sessionRequests } from '@cloudclinic/shared';
import { AppError } from '../lib/errors';
import type { AccessSessions } from '../modules/auth/access-sessions';
import type { SocketContext } from './socket-types';

/** `session.renew`: a fresh access token for the same user keeps the socket open past the old one's expiry. */
export function registerSessionHandlers(ctx: SocketContext, sessions: AccessSessions): void {
  const { socket } = ctx;
  ctx.dispatcher.register(sessionRequests, {
    'session.renew': async ({ token }) => {
      const renewed = await sessions.verify(token);
      if (renewed.auth.sub !== socket.data.auth.sub) throw new AppError('forbidden', 'A socket cannot change its user');
      socket.data.access = renewed;
      socket.data.auth = renewed.auth;
      ctx.sessionRenewed();
      return { expiresAt: renewed.expiresAt.toISOString() };
    },
  });
}
