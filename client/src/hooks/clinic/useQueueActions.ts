import { useCallback, useRef, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { clinicApi, type CallResult } from '../../api/clinic-api';
import { singleFlight } from '../../state/single-flight';

export type QueueAction = 'call' | 'no_show' | 'recall';

export interface QueueActions {
  /** Resolves with the opened consultation, or null (see `errorCode`). */
  callNext(): Promise<CallResult | null>;
  act(action: QueueAction, appointmentId: string): Promise<CallResult | null>;
  /** `next`, `<action>:<appointment id>`, or null: the running request (every queue button waits for it). */
  pending: string | null;
  errorCode: string | null;
  clearError(): void;
}

/** The expert's queue buttons: call next, call a given patient, no-show, recall. */
export function useQueueActions(sessionId: string | null): QueueActions {
  const [pending, setPending] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const flight = useRef(singleFlight());

  /** One queue request at a time (a double click on 叫下一位 calls one patient, not two). */
  const run = useCallback(async <T,>(key: string, fn: () => Promise<T>): Promise<T | null> => {
    if (flight.current.busy) return null;
    setPending(key);
    setErrorCode(null);
    try {
      const result = await flight.current.run(fn);
      return result.ran ? result.value : null;
    } catch (err) {
      setErrorCode(toApiError(err).code);
      return null;
    } finally {
      if (!flight.current.busy) setPending(null);
    }
  }, []);

  const callNext = useCallback(async () => (sessionId ? run('next', () => clinicApi.callNext(sessionId)) : null), [run, sessionId]);

  const act = useCallback(
    async (action: QueueAction, appointmentId: string): Promise<CallResult | null> => {
      if (action === 'call') return run(`call:${appointmentId}`, () => clinicApi.call(appointmentId));
      await run(`${action}:${appointmentId}`, () => (action === 'no_show' ? clinicApi.noShow(appointmentId) : clinicApi.recall(appointmentId)));
      return null;
    },
    [run],
  );

  return { callNext, act, pending, errorCode, clearError: useCallback(() => setErrorCode(null), []) };
}
