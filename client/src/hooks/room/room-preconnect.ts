import { IdSchema } from '@cloudclinic/shared';
import { apiClient } from '../../api/api-request';
import { SignalingChannel, type TokenProvider } from '../../media/signaling-channel';
import { sessionStore } from '../../state/session-store';

/** The access token is read from the session at every (re)connect, and refreshed when it expired. */
export const sessionTokens: TokenProvider = {
  getAccessToken: () => sessionStore.getAccessToken(),
  refresh: () => apiClient.refreshSession(),
};

/** A socket opened before the room page was there to use it is closed after this long. */
const UNCLAIMED_MS = 15_000;

let early: { consultationId: string; channel: SignalingChannel; timer: ReturnType<typeof setTimeout> } | null = null;

/**
 * On a page load that lands on `/room/:id` with a session, opens the room's signaling socket at once,
 * while the room's code is still loading: the join then starts on a socket that is already up.
 */
export function preconnectRoom(pathname: string): void {
  const id = /^\/room\/([^/]+)\/?$/.exec(pathname)?.[1];
  if (!id || !IdSchema.safeParse(id).success || !sessionTokens.getAccessToken() || early) return;
  const channel = new SignalingChannel({ tokens: sessionTokens, consultationId: id });
  const timer = setTimeout(() => {
    if (early?.channel !== channel) return;
    early = null;
    channel.close();
  }, UNCLAIMED_MS);
  early = { consultationId: id, channel, timer };
  channel.connect();
}

/** The early socket for this consultation, if it is still usable (each is handed out once). */
export function claimPreconnected(consultationId: string): SignalingChannel | null {
  const e = early;
  if (!e) return null;
  early = null;
  clearTimeout(e.timer);
  if (e.consultationId === consultationId && e.channel.state !== 'failed' && e.channel.state !== 'closed') return e.channel;
  e.channel.close();
  return null;
}
