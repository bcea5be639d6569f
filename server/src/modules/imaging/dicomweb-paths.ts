/**
 * What the DICOMweb proxy lets through, below `studies/{studyUid}`: QIDO-RS series and instance
 * searches inside the study, WADO-RS retrieval of the study, its series, instances, frames and
 * metadata, and rendered images. Nothing else (no STOW, no bulk data URIs, no root-level
 * series/instance searches that could cross patients).
 */
const UID = '[0-9]+(?:\\.[0-9]+)+';
const FRAMES = '[1-9][0-9]{0,5}(?:,[1-9][0-9]{0,5}){0,63}';
const STUDY_SUBPATH = new RegExp(
  `^(?:metadata|rendered|series(?:/${UID}(?:/(?:metadata|rendered|thumbnail|instances(?:/${UID}(?:/(?:metadata|rendered|thumbnail|frames/${FRAMES}(?:/rendered)?))?)?))?)?)?$`,
);

export type StudyRequestKind = 'search' | 'retrieve' | 'rendered';

/** Classifies the part after `studies/{uid}/` (`''` for the study itself); null when not allowed. */
export function classifyStudySubpath(subpath: string): StudyRequestKind | null {
  if (subpath.length > 1024 || !STUDY_SUBPATH.test(subpath)) return null;
  if (subpath === 'series' || subpath.endsWith('/instances')) return 'search';
  if (subpath.endsWith('rendered') || subpath.endsWith('thumbnail')) return 'rendered';
  return 'retrieve';
}

const QUERY_KEY = /^[A-Za-z0-9]{1,64}$/;
/** QIDO keys that name the patient: the proxy sets PatientID itself and drops the others. */
const PATIENT_KEYS = new Set(['patientid', '00100020', 'patientname', '00100010', 'issuerofpatientid', '00100021', 'otherpatientids', '00101000']);

/** Query parameters passed upstream: bounded, plain keys only, one value each; patient filters removed. */
export function sanitizeQuery(query: Record<string, unknown>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (!QUERY_KEY.test(key) || PATIENT_KEYS.has(key.toLowerCase())) continue;
    const v = Array.isArray(value) ? value.filter((x) => typeof x === 'string').join(',') : value;
    if (typeof v !== 'string' || v.length > 256) continue;
    out.set(key, v);
  }
  return out;
}

/** The client's Accept header when it is a plausible DICOMweb media range, else the default. */
export function acceptHeader(accept: string | undefined, kind: StudyRequestKind | 'studies'): string {
  if (accept && accept.length <= 512 && /^[\x20-\x7e]+$/.test(accept)) return accept;
  if (kind === 'rendered') return 'image/jpeg';
  if (kind === 'retrieve') return 'multipart/related; type="application/dicom"';
  return 'application/dicom+json';
}
