import { useCallback, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { clinicApi } from '../../api/clinic-api';
import type { NoteEditor } from './useNoteEditor';

export interface EndConsultation {
  /** Saves the note first (the server signs what it has), then ends. True when ended. */
  end(): Promise<boolean>;
  pending: boolean;
  /** `note_unsaved` when the note could not be saved first, else an ApiError code. */
  errorCode: string | null;
}

export function useEndConsultation(consultationId: string, note: NoteEditor): EndConsultation {
  const [pending, setPending] = useState(false);
  const [errorCode, setErrorCode] = useState<string | null>(null);

  const end = useCallback(async () => {
    setPending(true);
    setErrorCode(null);
    try {
      await note.flush();
      if (!note.isSettled()) {
        setErrorCode('note_unsaved');
        return false;
      }
      await clinicApi.endConsultation(consultationId);
      return true;
    } catch (err) {
      setErrorCode(toApiError(err).code);
      return false;
    } finally {
      setPending(false);
    }
  }, [consultationId, note]);

  return { end, pending, errorCode };
}
