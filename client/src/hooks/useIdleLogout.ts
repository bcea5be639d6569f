import { useEffect } from 'react';
import { createIdleTimer, IDLE_TIMEOUT_MS } from '../state/idle-timer';
import { session } from '../state/session';
import { useSession } from './useSession';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/** Signs the user out after `timeoutMs` without keyboard, pointer or touch activity (MLPS). */
export function useIdleLogout(timeoutMs: number = IDLE_TIMEOUT_MS): void {
  const signedIn = useSession().status === 'signed_in';

  useEffect(() => {
    if (!signedIn) return;
    const timer = createIdleTimer({ timeoutMs, onIdle: () => session.signOut('idle') });
    const onActivity = (): void => timer.markActivity();
    // Timers are throttled in background tabs: re-check the deadline when the tab is shown again.
    const onVisibility = (): void => {
      if (document.visibilityState === 'visible') timer.check();
    };
    const options: AddEventListenerOptions = { passive: true, capture: true };

    timer.start();
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, options);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      timer.stop();
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, options);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [signedIn, timeoutMs]);
}
