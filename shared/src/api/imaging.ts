import { z } from 'zod';

/**
 * Shared imaging (共享阅片) over DICOMweb. The platform proxies the county PACS per consultation:
 * `${dicomwebRoot(consultationId)}` is a complete DICOMweb base URL (QIDO-RS, WADO-RS) that
 * reaches only the studies of that consultation's patient.
 */
export const DICOMWEB_PREFIX = '/api/dicomweb';

export function dicomwebRoot(consultationId: string): string {
  return `${DICOMWEB_PREFIX}/${encodeURIComponent(consultationId)}`;
}

/** A DICOM UID (PS3.5 9.1): digits and dots, at most 64 characters. */
export const DicomUidSchema = z.string().regex(/^[0-9]+(\.[0-9]+)+$/, 'invalid DICOM UID').max(64);
export type DicomUid = z.infer<typeof DicomUidSchema>;

/** Tags of the DICOM JSON model (PS3.18 F.2) the viewer reads. */
export const TAG = {
  SpecificCharacterSet: '00080005',
  StudyDate: '00080020',
  StudyTime: '00080030',
  AccessionNumber: '00080050',
  Modality: '00080060',
  ModalitiesInStudy: '00080061',
  InstitutionName: '00080080',
  StudyDescription: '00081030',
  SeriesDescription: '0008103E',
  SOPInstanceUID: '00080018',
  PatientName: '00100010',
  PatientID: '00100020',
  PatientBirthDate: '00100030',
  PatientSex: '00100040',
  PatientAge: '00101010',
  StudyInstanceUID: '0020000D',
  SeriesInstanceUID: '0020000E',
  SeriesNumber: '00200011',
  InstanceNumber: '00200013',
  NumberOfSeriesRelatedInstances: '00201209',
  NumberOfStudyRelatedInstances: '00201208',
  NumberOfStudyRelatedSeries: '00201206',
  NumberOfFrames: '00280008',
  FrameTime: '00181063',
  CineRate: '00180040',
  SliceLocation: '00201041',
  ImagePositionPatient: '00200032',
} as const;

/** One attribute of the DICOM JSON model; unknown shapes pass (servers add fields such as InlineBinary). */
export const DicomJsonAttributeSchema = z.looseObject({
  vr: z.string().length(2),
  Value: z.array(z.unknown()).optional(),
});
export const DicomJsonDatasetSchema = z.record(z.string().regex(/^[0-9A-Fa-f]{8}$/), DicomJsonAttributeSchema);
export type DicomJsonDataset = z.infer<typeof DicomJsonDatasetSchema>;
/** A QIDO-RS result or a WADO-RS metadata response: a list of datasets. */
export const DicomJsonListSchema = z.array(DicomJsonDatasetSchema);

/** Audit actions written by the imaging module. */
export const IMAGING_AUDIT = {
  search: 'imaging.search',
  studyOpen: 'imaging.study.open',
} as const;
