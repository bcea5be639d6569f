import { apiClient } from '../../api/api-request';
import { ClinicChannel } from '../../media/clinic-channel';
import { sessionStore } from '../../state/session-store';

/**
 * One clinic socket per tab, shared by every screen that watches something; opened by the first
 * user, closed a moment after the last one leaves (so StrictMode's remount or a route change
 * doesn't reconnect).
 */
let shared: { channel: ClinicChannel; users: number; closeTimer: ReturnType<typeof setTimeout> | null } | null = null;

const CLOSE_GRACE_MS = 2000;

export function acquireClinicChannel(): ClinicChannel {
  if (!shared || shared.channel.state === 'closed' || shared.channel.state === 'failed') {
    shared?.channel.close();
    const channel = new ClinicChannel({
      tokens: { getAccessToken: () => sessionStore.getAccessToken(), refresh: () => apiClient.refreshSession() },
    });
    shared = { channel, users: 0, closeTimer: null };
    channel.connect();
  }
  if (shared.closeTimer) clearTimeout(shared.closeTimer);
  shared.closeTimer = null;
  shared.users += 1;
  return shared.channel;
}

export function releaseClinicChannel(channel: ClinicChannel): void {
  const current = shared;
  if (!current || current.channel !== channel) return;
  current.users -= 1;
  if (current.users > 0) return;
  current.closeTimer = setTimeout(() => {
    if (shared !== current || current.users > 0) return;
    current.channel.close();
    shared = null;
  }, CLOSE_GRACE_MS);
}
