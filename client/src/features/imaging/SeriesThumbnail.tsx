import { useEffect, useState } from 'react';
import { imagingApi } from './imaging-api';

interface SeriesThumbnailProps {
  consultationId: string;
  studyUid: string;
  seriesUid: string;
  modality: string | null;
}

/** A rendered JPEG of one image of the series (through the proxy, with the bearer token). */
export function SeriesThumbnail({ consultationId, studyUid, seriesUid, modality }: SeriesThumbnailProps) {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    let objectUrl: string | null = null;
    imagingApi
      .thumbnail(consultationId, studyUid, seriesUid, abort.signal)
      .then((blob) => {
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => setUrl(null));
    return () => {
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [consultationId, studyUid, seriesUid]);
  return url ? <img className="imaging-thumb" src={url} alt="" width={64} height={64} /> : <span className="imaging-thumb imaging-thumb--empty">{modality ?? ''}</span>;
}
