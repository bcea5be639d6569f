import { z } from 'zod';

/**
 * A socket lives longer than its access token: before the token expires the client hands a fresh one
 * over the open socket, so a consultation is not torn down every 15 minutes. The server closes a
 * socket whose token expired without renewal, whose session was revoked, or whose user was disabled.
 */
export const sessionRequests = {
  'session.renew': { req: z.object({ token: z.string().min(1).max(4096) }), res: z.object({ expiresAt: z.string() }) },
} as const;

export type SessionRequests = typeof sessionRequests;

/** Clients renew this often; access tokens live 15 minutes by default. */
export const SESSION_RENEW_INTERVAL_MS = 5 * 60_000;
