import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ClinicChannel, ClinicChannelState } from '../../media/clinic-channel';
import { acquireClinicChannel, releaseClinicChannel } from './clinic-channel-instance';

/** The tab's shared clinic socket while the calling component is mounted (null on the first render). */
export function useClinicChannel(): ClinicChannel | null {
  const [channel, setChannel] = useState<ClinicChannel | null>(null);
  useEffect(() => {
    const c = acquireClinicChannel();
    setChannel(c);
    return () => releaseClinicChannel(c);
  }, []);
  return channel;
}

const noop = () => () => undefined;

/** Live connection state of the clinic socket, for a "reconnecting…" banner. */
export function useClinicConnection(channel: ClinicChannel | null): ClinicChannelState {
  return useSyncExternalStore(
    channel ? (listener) => channel.onStateChange(listener) : noop,
    () => channel?.state ?? 'connecting',
  );
}
