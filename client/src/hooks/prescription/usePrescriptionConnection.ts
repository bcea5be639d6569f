import { useEffect, useState, useSyncExternalStore } from 'react';
import type { PrescriptionChannel, RxChannelState } from '../../features/prescription/prescription-channel';

const noop = () => () => undefined;

/** Whether the browser has a network at all (`online`/`offline` events). */
function useBrowserOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);
  return online;
}

/**
 * Live state of the prescription socket, for the 在线 / 正在重连 indicator. A browser without a network
 * counts as reconnecting at once (a socket notices a dead link only at its next ping); back online,
 * the socket is asked to reconnect without waiting for its back-off.
 */
export function usePrescriptionConnection(channel: PrescriptionChannel | null): RxChannelState {
  const online = useBrowserOnline();
  const state = useSyncExternalStore(
    channel ? (listener) => channel.onStateChange(listener) : noop,
    () => channel?.state ?? 'connecting',
  );
  useEffect(() => {
    if (online) channel?.reconnectNow();
  }, [online, channel]);
  if (!online && state !== 'failed') return 'reconnecting';
  return state;
}
