import { DicomJsonListSchema, DicomUidSchema, TAG } from '@cloudclinic/shared';
import type { DicomwebClient } from './dicomweb-client';

/**
 * Which patient a study belongs to, asked of the PACS with QIDO-RS
 * (`studies?StudyInstanceUID=…&includefield=PatientID`). Returns the PatientID values found:
 * none when the PACS does not hold the study.
 */
export async function studyPatientIds(pacs: DicomwebClient, studyUid: string, signal?: AbortSignal): Promise<string[]> {
  const uid = DicomUidSchema.parse(studyUid);
  const query = new URLSearchParams({ StudyInstanceUID: uid, includefield: TAG.PatientID });
  const parsed = DicomJsonListSchema.safeParse(await pacs.getJson('studies', query, signal));
  if (!parsed.success) return [];
  const ids = new Set<string>();
  for (const ds of parsed.data) {
    // QIDO matching may be fuzzy on some servers: keep only exact matches of the asked UID.
    if (ds[TAG.StudyInstanceUID]?.Value?.[0] !== uid) continue;
    const id = ds[TAG.PatientID]?.Value?.[0];
    if (typeof id === 'string') ids.add(id);
  }
  return [...ids];
}
