import { useCallback, useEffect, useState } from 'react';
import { runLoopbackCheck, type LoopbackResult } from '../../media/loopback-check';
import type { CheckStatus } from './useDeviceCheck';
import { useClinicChannel, useClinicConnection } from './useClinicChannel';

export interface LoopbackCheck {
  status: CheckStatus;
  result: LoopbackResult | null;
  retry(): void;
}

/**
 * Sends the camera preview's video through the SFU and back (see `runLoopbackCheck`) over the tab's
 * one realtime connection, once the camera is open and the connection is up.
 */
export function useLoopbackCheck(stream: MediaStream | null): LoopbackCheck {
  const channel = useClinicChannel();
  const connection = useClinicConnection(channel);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<LoopbackCheck, 'retry'>>({ status: 'pending', result: null });
  const track = stream?.getVideoTracks()[0] ?? null;

  useEffect(() => {
    if (!channel || connection !== 'connected' || !track) return;
    let cancelled = false;
    setState({ status: 'pending', result: null });
    void runLoopbackCheck((method, data) => channel.mediaCheck(method, data), track).then((result) => {
      if (!cancelled) setState({ status: result.ok ? 'ok' : 'failed', result });
    });
    return () => {
      cancelled = true;
    };
  }, [channel, connection, track, attempt]);

  return { ...state, retry: useCallback(() => setAttempt((n) => n + 1), []) };
}
