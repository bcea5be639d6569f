import { ImagingPanel as SharedImaging } from '../imaging/ImagingPanel';

/** Shared image reading (PACS / DICOMweb): the viewer loads on demand (features/imaging). */
export function ImagingPanel({ consultationId }: { consultationId: string }) {
  return <SharedImaging consultationId={consultationId} />;
}
