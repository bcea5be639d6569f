import type { LoginRequest, LoginResponse, MfaChallenge, UserProfile } from '@cloudclinic/shared';
import { ApiError } from '../api/api-error';
import type { AuthApi } from '../api/auth-api';
import type { SessionStore, SignOutReason } from './session-store';

/** A signed-in user, or the second step (code or enrolment) a two-factor account must take first. */
export type SignInResult = { kind: 'signed_in'; user: UserProfile } | { kind: 'mfa'; challenge: MfaChallenge };

export interface SessionActions {
  /** Logs in and stores the session; replaces (and revokes) any current session. Throws `ApiError`. */
  signIn(credentials: LoginRequest): Promise<SignInResult>;
  /** Stores a session obtained by the second sign-in step. */
  completeSignIn(response: LoginResponse): UserProfile;
  /** Ends the session locally at once and revokes the refresh token server-side (best effort). */
  signOut(reason?: SignOutReason): void;
  /** Re-reads the profile (`/api/auth/me`) for a session restored from storage. */
  revalidate(): Promise<void>;
}

export function createSessionActions(store: SessionStore, auth: AuthApi): SessionActions {
  function revokeCurrent(): void {
    const refreshToken = store.getRefreshToken();
    if (refreshToken) auth.logout(refreshToken).catch(() => undefined);
  }

  return {
    async signIn(credentials) {
      const response = await auth.login(credentials);
      if ('mfa' in response) return { kind: 'mfa', challenge: response };
      revokeCurrent();
      store.signIn(response);
      return { kind: 'signed_in', user: response.user };
    },
    completeSignIn(response) {
      revokeCurrent();
      store.signIn(response);
      return response.user;
    },
    signOut(reason = 'user') {
      revokeCurrent();
      store.signOut(reason);
    },
    async revalidate() {
      if (store.getSnapshot().status !== 'signed_in') return;
      try {
        store.updateUser(await auth.me());
      } catch (err) {
        // A rejected refresh already signed the session out; other failures (offline) keep it.
        if (err instanceof ApiError && (err.status === 401)) store.signOut('expired');
      }
    },
  };
}
