import { useEffect, useState } from 'react';
import { toApiError, type ApiErrorCode } from '../../api/api-error';
import { imagingApi } from '../../features/imaging/imaging-api';
import type { SeriesSummary, StudySummary } from '../../features/imaging/series-model';

export interface StudyWithSeries extends StudySummary {
  series: SeriesSummary[];
}

export interface UseImagingStudies {
  studies: StudyWithSeries[];
  loading: boolean;
  errorCode: ApiErrorCode | null;
  reload(): void;
}

/** The consultation patient's studies (QIDO-RS through the proxy) with their series. */
export function useImagingStudies(consultationId: string): UseImagingStudies {
  const [studies, setStudies] = useState<StudyWithSeries[]>([]);
  const [loading, setLoading] = useState(true);
  const [errorCode, setErrorCode] = useState<ApiErrorCode | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setLoading(true);
    setErrorCode(null);
    void (async () => {
      try {
        const found = await imagingApi.studies(consultationId, abort.signal);
        const withSeries = await Promise.all(found.map(async (s) => ({ ...s, series: await imagingApi.series(consultationId, s.uid, abort.signal) })));
        if (!abort.signal.aborted) setStudies(withSeries);
      } catch (err) {
        if (!abort.signal.aborted) setErrorCode(toApiError(err).code);
      } finally {
        if (!abort.signal.aborted) setLoading(false);
      }
    })();
    return () => abort.abort();
  }, [consultationId, attempt]);

  return { studies, loading, errorCode, reload: () => setAttempt((n) => n + 1) };
}
