import type { UserProfile } from '@cloudclinic/shared';
import { useSyncExternalStore } from 'react';
import { sessionStore, type SessionSnapshot } from '../state/session-store';

/** The current auth session; re-renders when it changes (sign-in, refresh, sign-out). */
export function useSession(): SessionSnapshot {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.getSnapshot, sessionStore.getSnapshot);
}

/** The signed-in user, or null. */
export function useCurrentUser(): UserProfile | null {
  const snapshot = useSession();
  return snapshot.status === 'signed_in' ? snapshot.session.user : null;
}
