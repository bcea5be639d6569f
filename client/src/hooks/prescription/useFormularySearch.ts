import type { MedicationSummary } from '@cloudclinic/shared';
import { useEffect, useState } from 'react';
import { toApiError } from '../../api/api-error';
import { prescriptionApi } from '../../api/prescription-api';
import { remember } from './medication-cache';

const DEBOUNCE_MS = 150;

/** Search-as-you-type in the county formulary (name, pinyin initials, code), debounced; stale answers dropped. */
export function useFormularySearch(query: string): { results: MedicationSummary[]; loading: boolean; errorCode: string | null } {
  const [state, setState] = useState<{ q: string; results: MedicationSummary[]; errorCode: string | null }>({ q: '', results: [], errorCode: null });
  const q = query.trim();
  useEffect(() => {
    if (!q) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      prescriptionApi.searchFormulary(q, controller.signal).then(
        (results) => {
          remember(results);
          setState({ q, results, errorCode: null });
        },
        (err: unknown) => {
          if (!controller.signal.aborted) setState({ q, results: [], errorCode: toApiError(err).code });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [q]);
  if (!q) return { results: [], loading: false, errorCode: null };
  return { results: state.q === q ? state.results : [], loading: state.q !== q, errorCode: state.q === q ? state.errorCode : null };
}
