import { useCallback, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { clinicApi } from '../../api/clinic-api';

export interface ReopenCheckIn {
  reopen(appointmentId: string): Promise<void>;
  /** The appointment whose re-open is running (its button is disabled). */
  pending: string | null;
  errorCode: string | null;
}

/** A county doctor re-opens a check-in that a declined consent ended; the queue push shows the result. */
export function useReopenCheckIn(): ReopenCheckIn {
  const [pending, setPending] = useState<string | null>(null);
  const [errorCode, setErrorCode] = useState<string | null>(null);
  const reopen = useCallback(async (appointmentId: string) => {
    setPending(appointmentId);
    setErrorCode(null);
    try {
      await clinicApi.reopen(appointmentId);
    } catch (err) {
      setErrorCode(toApiError(err).code);
    } finally {
      setPending(null);
    }
  }, []);
  return { reopen, pending, errorCode };
}
