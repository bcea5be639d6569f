import { useEffect } from 'react';

/**
 * Asks for full screen on the first touch (browsers allow it only from a user gesture). Where the
 * browser refuses, or runs in a kiosk launcher already, the page simply carries on.
 */
export function useFullscreenOnTouch(): void {
  useEffect(() => {
    const ask = () => {
      const root = document.documentElement;
      if (document.fullscreenElement || typeof root.requestFullscreen !== 'function') return;
      root.requestFullscreen({ navigationUI: 'hide' }).catch(() => undefined);
    };
    document.addEventListener('pointerdown', ask, { once: true, capture: true });
    return () => document.removeEventListener('pointerdown', ask, { capture: true });
  }, []);
}
