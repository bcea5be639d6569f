import type { DicomJsonDataset } from '@cloudclinic/shared';
import { useEffect, useState } from 'react';
import { toApiError, type ApiErrorCode } from '../../api/api-error';
import { dicomwebBase, imagingApi } from '../../features/imaging/imaging-api';
import { buildStack, type Stack } from '../../features/imaging/series-model';

export interface SeriesRef {
  studyUid: string;
  seriesUid: string;
}

export interface LoadedSeries extends SeriesRef {
  stack: Stack;
  instances: DicomJsonDataset[];
}

/** The metadata (WADO-RS) of the selected series, as a stack of frame imageIds. */
export function useSeriesStack(consultationId: string, selected: SeriesRef | null): { series: LoadedSeries | null; loading: boolean; errorCode: ApiErrorCode | null } {
  const [series, setSeries] = useState<LoadedSeries | null>(null);
  const [loading, setLoading] = useState(false);
  const [errorCode, setErrorCode] = useState<ApiErrorCode | null>(null);
  const studyUid = selected?.studyUid ?? null;
  const seriesUid = selected?.seriesUid ?? null;

  useEffect(() => {
    if (!studyUid || !seriesUid) return;
    const abort = new AbortController();
    setLoading(true);
    setErrorCode(null);
    const base = dicomwebBase(consultationId);
    void imagingApi
      .seriesMetadata(consultationId, studyUid, seriesUid, abort.signal)
      .then((instances) => {
        const stack = buildStack(instances, (sop, frame) => `wadors:${base}/studies/${studyUid}/series/${seriesUid}/instances/${sop}/frames/${frame}`);
        if (!abort.signal.aborted) setSeries({ studyUid, seriesUid, stack, instances });
      })
      .catch((err: unknown) => {
        if (!abort.signal.aborted) setErrorCode(toApiError(err).code);
      })
      .finally(() => {
        if (!abort.signal.aborted) setLoading(false);
      });
    return () => abort.abort();
  }, [consultationId, studyUid, seriesUid]);

  return { series: series && series.studyUid === studyUid && series.seriesUid === seriesUid ? series : null, loading, errorCode };
}
