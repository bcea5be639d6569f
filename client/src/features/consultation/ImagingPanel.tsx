import { ImagingPanel as SharedImaging } from '../imaging/ImagingPanel';

/** Shared image reading (PACS / DICOMweb): the viewer loads on demand (features/imaging); studies attached to the request come first. */
export function ImagingPanel({ consultationId, attached }: { consultationId: string; attached?: readonly string[] | undefined }) {
  return <SharedImaging consultationId={consultationId} {...(attached ? { attached } : {})} />;
}
