import { apiClient } from '../../api/api-request';
import { sessionStore } from '../../state/session-store';
import { ImagingChannel } from './imaging-channel';
import { SharedViewingClient } from './shared-viewing-client';

interface Entry {
  client: SharedViewingClient;
  refs: number;
  closeTimer: ReturnType<typeof setTimeout> | null;
}

const entries = new Map<string, Entry>();
/** A released client lingers this long, so a quick remount (or React's strict-mode replay) reuses it. */
const GRACE_MS = 2000;

/**
 * One shared-viewing connection per consultation and tab, whoever needs it: the imaging
 * viewers of the same consultation in one tab share it (one socket, one membership).
 */
export function sharedViewingFor(consultationId: string): SharedViewingClient {
  let entry = entries.get(consultationId);
  if (!entry) {
    const channel = new ImagingChannel(consultationId, { getAccessToken: () => sessionStore.getAccessToken(), refresh: () => apiClient.refreshSession() });
    entry = { client: new SharedViewingClient(consultationId, channel), refs: 0, closeTimer: null };
    entries.set(consultationId, entry);
  }
  return entry.client;
}

/** Marks the client in use (starting it the first time); returns the matching release. */
export function retainSharedViewing(consultationId: string, client: SharedViewingClient): () => void {
  const entry = entries.get(consultationId);
  if (!entry || entry.client !== client) return () => undefined;
  if (entry.closeTimer) clearTimeout(entry.closeTimer);
  entry.closeTimer = null;
  if (entry.refs++ === 0) client.start();
  return () => {
    entry.refs -= 1;
    if (entry.refs > 0) return;
    entry.closeTimer = setTimeout(() => {
      if (entry.refs > 0) return;
      entries.delete(consultationId);
      client.close();
    }, GRACE_MS);
  };
}
