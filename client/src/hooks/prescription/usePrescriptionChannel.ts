import { useEffect, useState } from 'react';
import { apiClient } from '../../api/api-request';
import { PrescriptionChannel } from '../../features/prescription/prescription-channel';
import { sessionStore } from '../../state/session-store';

let shared: { channel: PrescriptionChannel; users: number; timer: ReturnType<typeof setTimeout> | null } | null = null;
const CLOSE_GRACE_MS = 2000;

function acquire(): PrescriptionChannel {
  if (!shared) {
    const channel = new PrescriptionChannel({ getAccessToken: () => sessionStore.getAccessToken(), refresh: () => apiClient.refreshSession() });
    shared = { channel, users: 0, timer: null };
    channel.connect();
  }
  if (shared.timer) clearTimeout(shared.timer);
  shared.timer = null;
  shared.users += 1;
  return shared.channel;
}

function release(channel: PrescriptionChannel): void {
  const current = shared;
  if (!current || current.channel !== channel) return;
  current.users -= 1;
  if (current.users > 0) return;
  current.timer = setTimeout(() => {
    if (shared !== current || current.users > 0) return;
    current.channel.close();
    shared = null;
  }, CLOSE_GRACE_MS);
}

/** The tab's prescription socket while the calling component is mounted (null on the first render). */
export function usePrescriptionChannel(): PrescriptionChannel | null {
  const [channel, setChannel] = useState<PrescriptionChannel | null>(null);
  useEffect(() => {
    const c = acquire();
    setChannel(c);
    return () => release(c);
  }, []);
  return channel;
}
