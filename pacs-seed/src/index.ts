export * from './catalogue';
export { uidFor, isValidUid } from './uids';
export { buildStudy, instanceUid, type DicomInstance } from './build-study';
export { seedDicomweb, dicomwebTarget, type SeedOptions, type SeedResult } from './stow';
export type { DicomCharset } from './dicom/charset';
