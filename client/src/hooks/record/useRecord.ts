import { useCallback, useEffect, useReducer, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { recordApi, type RecordApi } from '../../api/record-api';
import { initialRecordState, recordReducer, type RecordState } from '../../features/record/record-load-state';
import { buildRecordModel } from '../../features/record/record-model';

export interface UseRecord {
  state: RecordState;
  actions: {
    /** Load again (after an error, or to pick up parts that failed). */
    retry(): void;
    /** Re-read from the county HIS, bypassing the server's short cache; the record stays on screen meanwhile. */
    refresh(): void;
  };
}

/** The consultation patient's county HIS record as a view model. Aborts on unmount / another consultation. */
export function useRecord(consultationId: string, api: RecordApi = recordApi): UseRecord {
  const [state, dispatch] = useReducer(recordReducer, initialRecordState);
  const [request, setRequest] = useState({ consultationId, attempt: 0, refresh: false });
  const current = request.consultationId === consultationId ? request : { consultationId, attempt: 0, refresh: false };

  useEffect(() => {
    const controller = new AbortController();
    dispatch({ type: 'start', key: current.consultationId });
    api.record(current.consultationId, { refresh: current.refresh, signal: controller.signal }).then(
      (response) => {
        if (!controller.signal.aborted) dispatch({ type: 'loaded', key: current.consultationId, model: buildRecordModel(response, new Date()) });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) dispatch({ type: 'failed', code: toApiError(err).code });
      },
    );
    return () => controller.abort();
  }, [api, current.consultationId, current.attempt, current.refresh]);

  const retry = useCallback(() => setRequest((r) => ({ consultationId, attempt: r.attempt + 1, refresh: false })), [consultationId]);
  const refresh = useCallback(() => setRequest((r) => ({ consultationId, attempt: r.attempt + 1, refresh: true })), [consultationId]);
  // Between a change of consultation and its first dispatch, never show the previous patient's record.
  const visible: RecordState = state.status === 'ready' && state.key !== consultationId ? initialRecordState : state;
  return { state: visible, actions: { retry, refresh } };
}
