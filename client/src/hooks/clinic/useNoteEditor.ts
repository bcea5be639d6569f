import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { clinicApi } from '../../api/clinic-api';
import { NoteAutosave, type NoteEditorSnapshot } from '../../features/note/note-autosave';
import type { DraftStorage, NoteField } from '../../features/note/note-draft';

export interface NoteEditor {
  snapshot: NoteEditorSnapshot;
  edit(field: NoteField, value: string): void;
  /** Saves pending edits now (blur, retry, before ending the consultation). */
  flush(): Promise<void>;
  /** Every edit is confirmed by the server. */
  isSettled(): boolean;
  /** Loads the note again after a failed load. */
  reload(): void;
  /** Saves the assessment's coded diagnoses (ICD-10 codes). */
  setDiagnoses(codes: readonly string[]): Promise<void>;
}

const LOADING: NoteEditorSnapshot = {
  status: 'loading',
  fields: { chiefComplaint: '', history: '', examination: '', assessment: '', plan: '' },
  signed: false,
  versions: [],
  diagnoses: [],
  missing: [],
  errorCode: null,
  restoredDraft: false,
};

function localDrafts(): DraftStorage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const noSubscription = () => () => undefined;

/** The consultation note with autosave (features/note/note-autosave.ts); saves on page hide and when back online. */
export function useNoteEditor(consultationId: string): NoteEditor {
  const [generation, setGeneration] = useState(0);
  const [autosave, setAutosave] = useState<NoteAutosave | null>(null);

  useEffect(() => {
    const note = new NoteAutosave({
      consultationId,
      storage: localDrafts(),
      backend: { load: () => clinicApi.note(consultationId), save: (req) => clinicApi.saveNote(consultationId, req) },
    });
    setAutosave(note);
    void note.start();
    const save = () => void note.flush();
    window.addEventListener('pagehide', save);
    window.addEventListener('beforeunload', save);
    window.addEventListener('online', save);
    return () => {
      window.removeEventListener('pagehide', save);
      window.removeEventListener('beforeunload', save);
      window.removeEventListener('online', save);
      // Leaving the page: finish saving in the background, then let it go.
      void note.flush().finally(() => note.dispose());
    };
  }, [consultationId, generation]);

  const snapshot = useSyncExternalStore(autosave?.subscribe ?? noSubscription, autosave?.getSnapshot ?? (() => LOADING));
  const edit = useCallback((field: NoteField, value: string) => autosave?.edit(field, value), [autosave]);
  const flush = useCallback(() => autosave?.flush() ?? Promise.resolve(), [autosave]);
  const isSettled = useCallback(() => autosave?.isSettled ?? false, [autosave]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const setDiagnoses = useCallback((codes: readonly string[]) => autosave?.setDiagnoses(codes) ?? Promise.resolve(), [autosave]);
  return { snapshot, edit, flush, isSettled, reload, setDiagnoses };
}
