import { useCallback, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { clinicApi, type CallResult } from '../../api/clinic-api';

export type QueueAction = 'call' | 'no_show' | 'recall';

export interface QueueActions {
  /** Resolves with the opened consultation, or null (see `errorCode`). */
  callNext(): Promise<CallResult | null>;
  act(action: QueueAction, appointmentId: string): Promise<CallResult | null>;
  /** `next`, an appointment id, or null: disables the matching button while its request runs. */
  pending: string | null;
  errorCode: string | null;
  clearError(): void;
}

/** The expert's queue buttons: call next, call a given patient, no-show, recall. */
export function useQueueActions(sessionId: string | null): QueueActions {
  const [pending, setPending] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  const run = useCallback(async <T,>(key: string, fn: () => Promise<T>): Promise<T | null> => {
    setPending(key);
    setErrorCode(null);
    try {
      return await fn();
    } catch (err) {
      setErrorCode(toApiError(err).code);
      return null;
    } finally {
      setPending(null);
    }
  }, []);

  const callNext = useCallback(async () => (sessionId ? run('next', () => clinicApi.callNext(sessionId)) : null), [run, sessionId]);

  const act = useCallback(
    async (action: QueueAction, appointmentId: string): Promise<CallResult | null> => {
      if (action === 'call') return run(appointmentId, () => clinicApi.call(appointmentId));
      await run(appointmentId, () => (action === 'no_show' ? clinicApi.noShow(appointmentId) : clinicApi.recall(appointmentId)));
      return null;
    },
    [run],
  );

  return { callNext, act, pending, errorCode, clearError: useCallback(() => setErrorCode(null), []) };
}
