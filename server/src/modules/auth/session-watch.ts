import type { AccessClaims } from '@cloudclinic/shared';
import { AppError } from '../../lib/errors';
import type { AccessSessions, VerifiedAccess } from './access-sessions';

export type SessionEnd = 'token_expired' | 'unauthorized';

export interface SessionWatch {
  stop(): void;
}

/**
 * For a long-lived connection (a socket) opened with an access token: calls `end` once, when the
 * token expires or when a periodic re-check finds the session revoked (logout, refresh-token reuse) or
 * the user disabled; `onUpdate` gets the user as the database has it now (a changed role).
 * The caller disconnects in `end` and calls `stop()` when the connection closes.
 */
export function watchSession(
  sessions: AccessSessions,
  access: VerifiedAccess,
  end: (reason: SessionEnd) => void,
  opts: { recheckMs: number; onUpdate?: (auth: AccessClaims) => void },
): SessionWatch {
  let ended = false;
  const finish = (reason: SessionEnd) => {
    if (ended) return;
    ended = true;
    clearTimeout(expiry);
    clearInterval(recheck);
    end(reason);
  };
  const expiry = setTimeout(() => finish('token_expired'), Math.max(0, access.expiresAt.getTime() - Date.now()));
  const recheck = setInterval(() => {
    sessions.recheck(access).then(
      (v) => opts.onUpdate?.(v.auth),
      (err: unknown) => finish(err instanceof AppError && err.code === 'token_expired' ? 'token_expired' : 'unauthorized'),
    );
  }, Math.max(opts.recheckMs, 250));
  expiry.unref();
  recheck.unref();
  return {
    stop() {
      ended = true;
      clearTimeout(expiry);
      clearInterval(recheck);
    },
  };
}
