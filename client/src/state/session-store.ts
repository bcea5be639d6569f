import { UserProfileSchema, type LoginResponse, type UserProfile } from '@cloudclinic/shared';
import { z } from 'zod';

/** Why the last session ended; the login page uses it to explain an automatic sign-out. */
export type SignOutReason = 'user' | 'idle' | 'expired';

export interface Session {
  user: UserProfile;
  accessToken: string;
  refreshToken: string;
}

export type SessionSnapshot =
  | { status: 'signed_in'; session: Session }
  | { status: 'signed_out'; reason: SignOutReason | null };

export interface SessionStore {
  /** Stable reference until the session changes (safe for `useSyncExternalStore`). */
  getSnapshot(): SessionSnapshot;
  subscribe(listener: () => void): () => void;
  /** Stores the tokens and profile from a login or refresh response. */
  signIn(response: LoginResponse): void;
  /** Replaces the profile of the current session (e.g. after `GET /api/auth/me`). */
  updateUser(user: UserProfile): void;
  signOut(reason: SignOutReason): void;
  getAccessToken(): string | null;
  getRefreshToken(): string | null;
}

export type SessionStorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const SESSION_STORAGE_KEY = 'cloudclinic.session';

const PersistedSessionSchema = z.object({
  user: UserProfileSchema,
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
});

/**
 * The auth session, persisted per browser tab in sessionStorage so it survives a reload
 * but not closing the tab. Pass `null` storage for an in-memory store (tests, SSR).
 */
export function createSessionStore(storage: SessionStorageLike | null, key = SESSION_STORAGE_KEY): SessionStore {
  const listeners = new Set<() => void>();
  let snapshot: SessionSnapshot = restore(storage, key);

  function set(next: SessionSnapshot): void {
    snapshot = next;
    persist(storage, key, next.status === 'signed_in' ? next.session : null);
    for (const listener of [...listeners]) listener();
  }

  return {
    getSnapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    signIn(response) {
      set({
        status: 'signed_in',
        session: { user: response.user, accessToken: response.accessToken, refreshToken: response.refreshToken },
      });
    },
    updateUser(user) {
      if (snapshot.status !== 'signed_in') return;
      set({ status: 'signed_in', session: { ...snapshot.session, user } });
    },
    signOut(reason) {
      if (snapshot.status === 'signed_out') return;
      set({ status: 'signed_out', reason });
    },
    getAccessToken: () => (snapshot.status === 'signed_in' ? snapshot.session.accessToken : null),
    getRefreshToken: () => (snapshot.status === 'signed_in' ? snapshot.session.refreshToken : null),
  };
}

function restore(storage: SessionStorageLike | null, key: string): SessionSnapshot {
  const signedOut: SessionSnapshot = { status: 'signed_out', reason: null };
  if (!storage) return signedOut;
  try {
    const raw = storage.getItem(key);
    if (!raw) return signedOut;
    const parsed = PersistedSessionSchema.safeParse(JSON.parse(raw));
    if (parsed.success) return { status: 'signed_in', session: parsed.data };
    storage.removeItem(key);
  } catch {
    // Corrupt JSON or storage unavailable (private mode): start signed out.
  }
  return signedOut;
}

function persist(storage: SessionStorageLike | null, key: string, session: Session | null): void {
  if (!storage) return;
  try {
    if (session) storage.setItem(key, JSON.stringify(session));
    else storage.removeItem(key);
  } catch {
    // Quota or privacy-mode errors must not break sign-in; the session just won't survive a reload.
  }
}

/** The app-wide store, backed by this tab's sessionStorage. */
export const sessionStore: SessionStore = createSessionStore(
  typeof window !== 'undefined' ? safeSessionStorage() : null,
);

function safeSessionStorage(): SessionStorageLike | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}
