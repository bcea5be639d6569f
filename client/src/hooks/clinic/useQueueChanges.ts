import { useEffect, useRef } from 'react';
import { useClinicChannel } from './useClinicChannel';

/**
 * Calls `onChange` (debounced) whenever the session's queue changes. The kiosk uses it to refresh its
 * own place in line: the server pushes `appointment.changed` only for the appointment that changed,
 * while a check-in, call or no-show ahead also moves everybody behind.
 */
export function useQueueChanges(sessionId: string | null, onChange: () => void, debounceMs = 300): void {
  const channel = useClinicChannel();
  const callback = useRef(onChange);
  useEffect(() => {
    callback.current = onChange;
  });

  useEffect(() => {
    if (!channel || !sessionId) return;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = channel.watchQueue(sessionId, {
      onData: () => {
        if (timer) clearTimeout(timer);
        timer = setTimeout(() => callback.current(), debounceMs);
      },
    });
    return () => {
      if (timer) clearTimeout(timer);
      off();
    };
  }, [channel, sessionId, debounceMs]);
}
