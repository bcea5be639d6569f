import { useEffect } from 'react';
import { createIdleTimer, IDLE_TIMEOUT_MS } from '../state/idle-timer';
import { activityHeld } from '../state/activity-hold';
import { session } from '../state/session';
import { useCurrentUser, useSession } from './useSession';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

/**
 * Signs the user out after `timeoutMs` without keyboard, pointer or touch activity (MLPS).
 * Not while a consultation is live (see activity-hold), and not on kiosks: a kiosk is a device in a
 * county consulting room that waits for patients all day, not a person's session.
 */
export function useIdleLogout(timeoutMs: number = IDLE_TIMEOUT_MS): void {
  const signedIn = useSession().status === 'signed_in';
  const isKiosk = useCurrentUser()?.role === 'kiosk';

  useEffect(() => {
    if (!signedIn || isKiosk) return;
    const timer = createIdleTimer({ timeoutMs, onIdle: () => session.signOut('idle') });
    const onActivity = (): void => timer.markActivity();
    // Timers are throttled in background tabs: re-check the deadline when the tab is shown again.
    const onVisibility = (): void => {
      if (document.visibilityState === 'visible') timer.check();
    };
    const options: AddEventListenerOptions = { passive: true, capture: true };

    const keepAlive = window.setInterval(() => {
      if (activityHeld()) timer.markActivity();
    }, 30_000);
    timer.start();
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, onActivity, options);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      timer.stop();
      window.clearInterval(keepAlive);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, onActivity, options);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [signedIn, isKiosk, timeoutMs]);
}
