import { useEffect, useRef, useState } from 'react';
import { idlePhase, KIOSK_IDLE, type IdleSettings } from '../../features/kiosk/idle-timer';

const ACTIVITY = ['pointerdown', 'keydown', 'touchstart', 'input'] as const;

/**
 * While `enabled`, watches for touches and keys anywhere on the page; after `idleMs` of quiet it
 * counts down (`secondsLeft`) and then calls `onExpire` once. `keepGoing` (the 继续 button) starts over.
 */
export function useIdleReset(enabled: boolean, onExpire: () => void, settings: IdleSettings = KIOSK_IDLE): { secondsLeft: number | null; keepGoing(): void } {
  const last = useRef(Date.now());
  const expire = useRef(onExpire);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    expire.current = onExpire;
  });

  useEffect(() => {
    if (!enabled) return;
    last.current = Date.now();
    setNow(last.current);
    const touched = () => {
      last.current = Date.now();
    };
    for (const e of ACTIVITY) document.addEventListener(e, touched, { capture: true, passive: true });
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (idlePhase(last.current, t, settings).phase === 'expired') {
        last.current = t;
        expire.current();
      }
    }, 500);
    return () => {
      clearInterval(timer);
      for (const e of ACTIVITY) document.removeEventListener(e, touched, { capture: true });
    };
  }, [enabled, settings]);

  const phase = enabled ? idlePhase(last.current, now, settings) : null;
  return {
    secondsLeft: phase?.phase === 'warning' ? phase.secondsLeft : null,
    keepGoing: () => {
      last.current = Date.now();
      setNow(last.current);
    },
  };
}
