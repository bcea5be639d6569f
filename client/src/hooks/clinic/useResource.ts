import { useCallback, useEffect, useRef, useState } from 'react';
import { toApiError } from '../../api/api-error';

export interface Resource<T> {
  data: T | null;
  loading: boolean;
  /** ApiError code of the last failure; null when the last load succeeded. */
  errorCode: string | null;
  reload(): void;
}

/**
 * Loads something from the API when `key` changes (null: nothing to load); aborts the previous load.
 * `load` may change identity freely: only `key` triggers a reload.
 */
export function useResource<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string | null; data: T | null; errorCode: string | null; loading: boolean }>({
    key: null,
    data: null,
    errorCode: null,
    loading: key !== null,
  });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, errorCode: null, ...(s.key === key ? {} : { key, data: null }) }));
    loadRef.current(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ key, data, errorCode: null, loading: false });
      },
      (err: unknown) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, key, errorCode: toApiError(err).code, loading: false }));
      },
    );
    return () => controller.abort();
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const current = state.key === key;
  return { data: current ? state.data : null, loading: key !== null && (state.loading || !current), errorCode: current ? state.errorCode : null, reload };
}
