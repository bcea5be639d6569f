import { useCallback } from 'react';
import { session } from '../state/session';

/** Returns a callback that signs the user out (the route guard then shows the login page). */
export function useLogout(): () => void {
  return useCallback(() => session.signOut('user'), []);
}
