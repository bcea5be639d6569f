import type { QueueView } from '@cloudclinic/shared';
import { useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { clinicApi } from '../../api/clinic-api';
import type { ClinicChannelState } from '../../media/clinic-channel';
import { useClinicChannel, useClinicConnection } from './useClinicChannel';

export interface LiveQueue {
  queue: QueueView | null;
  errorCode: string | null;
  connection: ClinicChannelState;
}

const POLL_MS = 30_000;

/**
 * A session's queue, live: loaded over REST at once (so the screen fills even before the socket is up),
 * then kept current by `queue.watch` / `queue.changed` (re-subscribed after every reconnect), and
 * re-read every 30 s in case a push was lost.
 */
export function useQueueWatch(sessionId: string | null): LiveQueue {
  const channel = useClinicChannel();
  const connection = useClinicConnection(channel);
  const [state, setState] = useState<{ sessionId: string | null; queue: QueueView | null; errorCode: string | null }>({
    sessionId: null,
    queue: null,
    errorCode: null,
  });

  useEffect(() => {
    if (!channel || !sessionId) return;
    let live = false;
    const controller = new AbortController();
    clinicApi.queue(sessionId, controller.signal).then(
      (queue) => {
        if (!live && !controller.signal.aborted) setState({ sessionId, queue, errorCode: null });
      },
      (err: unknown) => {
        if (!live && !controller.signal.aborted) setState((s) => ({ ...s, sessionId, errorCode: toApiError(err).code }));
      },
    );
    // Safety net: a push the server failed to send would leave the list stale until the next change.
    const poll = setInterval(() => {
      clinicApi.queue(sessionId, controller.signal).then(
        (queue) => {
          if (!controller.signal.aborted) setState((s) => (s.sessionId === sessionId ? { ...s, queue, errorCode: null } : s));
        },
        () => undefined,
      );
    }, POLL_MS);
    const off = channel.watchQueue(sessionId, {
      onData: (queue) => {
        live = true;
        setState({ sessionId, queue, errorCode: null });
      },
      onError: (err) => setState((s) => ({ ...s, sessionId, errorCode: err.code })),
    });
    return () => {
      controller.abort();
      clearInterval(poll);
      off();
    };
  }, [channel, sessionId]);

  const current = state.sessionId === sessionId;
  return { queue: current ? state.queue : null, errorCode: current ? state.errorCode : null, connection };
}
