import { DicomwebClient } from '../../integrations/pacs/dicomweb-client';
import { studyPatientIds } from '../../integrations/pacs/study-directory';
import { AppError } from '../../lib/errors';
import type { Logger } from '../../lib/logger';
import type { AuditLog } from '../audit/audit-log';
import type { ConsultationAccess } from '../consultations/consultation-access';
import { ImagingAccess } from './imaging-access';
import { MemoryViewing, type SharedViewing } from './shared-viewing';

export interface Imaging {
  /** The county PACS, or null when PACS_DICOMWEB_URL is not set (the proxy then answers 503). */
  pacs: DicomwebClient | null;
  access: ImagingAccess;
  viewing: SharedViewing;
}

/**
 * Wires the imaging module: the PACS client, the image access policy, the shared viewings (in this
 * process unless the cluster passes its Redis-backed ones).
 */
export function createImaging(pacsUrl: string | undefined, consultations: ConsultationAccess, audit: AuditLog, log: Logger, viewing: SharedViewing = new MemoryViewing()): Imaging {
  const pacs = pacsUrl ? new DicomwebClient(pacsUrl) : null;
  const lookup = pacs
    ? (studyUid: string) => studyPatientIds(pacs, studyUid)
    : () => Promise.reject(new AppError('unavailable', 'No PACS is configured (PACS_DICOMWEB_URL)'));
  return { pacs, access: new ImagingAccess(consultations, lookup, audit, log), viewing };
}
