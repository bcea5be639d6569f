import { useCallback, useRef, useState } from 'react';
import { toApiError } from '../../api/api-error';

/** Runs one async action at a time: `pending` while it runs, the `ApiError` code of its last failure. */
export function useAction() {
  const [pending, setPending] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const busy = useRef(false);
  const run = useCallback(async <T,>(fn: () => Promise<T>): Promise<T | null> => {
    if (busy.current) return null;
    busy.current = true;
    setPending(true);
    setErrorCode(null);
    try {
      return await fn();
    } catch (err) {
      setErrorCode(toApiError(err).code);
      return null;
    } finally {
      busy.current = false;
      setPending(false);
    }
  }, []);
  return { run, pending, errorCode, setErrorCode };
}
