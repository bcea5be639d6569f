import { useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { RoomDataHub } from '../../media/room-data-hub';
import { VitalsFeed, type VitalsFeedState } from './vitals-feed';

/** The field monitor of `peerId` as the expert sees it; the feed (with the ECG buffer) is stable. */
export function useVitalsFeed(data: RoomDataHub, peerId: string | null): { state: VitalsFeedState; feed: VitalsFeed } {
  const peer = useRef(peerId);
  peer.current = peerId;
  const feed = useMemo(() => new VitalsFeed(() => peer.current), []);
  useEffect(() => {
    const off = data.onMessage((m) => feed.handle(m));
    const timer = setInterval(() => feed.tick(), 1000);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [data, feed]);
  const subscribe = useMemo(() => (listener: () => void) => feed.events.on('change', listener), [feed]);
  const state = useSyncExternalStore(subscribe, () => feed.snapshot, () => feed.snapshot);
  return { state, feed };
}
