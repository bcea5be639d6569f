import { DicomJsonListSchema, dicomwebRoot, TAG, type DicomJsonDataset } from '@cloudclinic/shared';
import { z } from 'zod';
import { ApiError } from '../../api/api-error';
import { apiClient, apiRequest } from '../../api/api-request';
import { sessionStore } from '../../state/session-store';
import { seriesSummary, sortSeries, sortStudies, studySummary, type SeriesSummary, type StudySummary } from './series-model';

/** QIDO-RS may answer 204 (no match) with an empty body. */
const ListOrEmpty = z.union([DicomJsonListSchema, z.undefined()]).transform((v) => v ?? []);

/**
 * The consultation's DICOMweb base (through the platform's proxy, which admits only this
 * consultation's patient). Absolute, because the image loader resolves it inside a worker.
 */
export function dicomwebBase(consultationId: string): string {
  return `${window.location.origin}${dicomwebRoot(consultationId)}`;
}

function path(consultationId: string, rest: string): string {
  return `${dicomwebRoot(consultationId)}/${rest}`;
}

export const imagingApi = {
  async studies(consultationId: string, signal?: AbortSignal): Promise<StudySummary[]> {
    const list = await apiRequest(path(consultationId, `studies?includefield=${TAG.StudyDescription}`), { schema: ListOrEmpty, ...(signal ? { signal } : {}) });
    return sortStudies(list.map(studySummary).filter((s): s is StudySummary => s !== null));
  },

  async series(consultationId: string, studyUid: string, signal?: AbortSignal): Promise<SeriesSummary[]> {
    const list = await apiRequest(path(consultationId, `studies/${studyUid}/series`), { schema: ListOrEmpty, ...(signal ? { signal } : {}) });
    return sortSeries(list.map(seriesSummary).filter((s): s is SeriesSummary => s !== null));
  },

  seriesMetadata(consultationId: string, studyUid: string, seriesUid: string, signal?: AbortSignal): Promise<DicomJsonDataset[]> {
    return apiRequest(path(consultationId, `studies/${studyUid}/series/${seriesUid}/metadata`), { schema: ListOrEmpty, ...(signal ? { signal } : {}) });
  },

  /** A small rendered JPEG of the series (WADO-RS Retrieve Rendered), for the series list. */
  async thumbnail(consultationId: string, studyUid: string, seriesUid: string, signal?: AbortSignal): Promise<Blob> {
    const url = path(consultationId, `studies/${studyUid}/series/${seriesUid}/rendered?viewport=96,96`);
    return authorisedBlob(url, 'image/jpeg', signal);
  },
};

/** A binary GET with the bearer token, refreshed once on 401 like every other API call. */
async function authorisedBlob(url: string, accept: string, signal?: AbortSignal, retried = false): Promise<Blob> {
  const token = sessionStore.getAccessToken();
  const res = await fetch(url, { headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) }, ...(signal ? { signal } : {}) });
  if (res.status === 401 && !retried && (await apiClient.refreshSession())) return authorisedBlob(url, accept, signal, true);
  if (!res.ok) throw new ApiError({ code: res.status === 403 ? 'forbidden' : res.status === 404 ? 'not_found' : 'upstream_unavailable', message: `HTTP ${res.status}`, status: res.status });
  return res.blob();
}
