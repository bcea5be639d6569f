import { TAG, type DicomJsonDataset } from '@cloudclinic/shared';
import { formatPersonName, number, numbers, personName, text, texts } from './dicom-json';

/** The facts the study list and the overlay show, read from a QIDO-RS study result. */
export interface StudySummary {
  uid: string;
  date: string | null;
  time: string | null;
  description: string | null;
  accession: string | null;
  modalities: string[];
  seriesCount: number | null;
  instanceCount: number | null;
  patient: { name: { primary: string; secondary: string | null }; id: string | null; sex: string | null; birthDate: string | null };
  institution: string | null;
}

export interface SeriesSummary {
  uid: string;
  number: number | null;
  modality: string | null;
  description: string | null;
  instanceCount: number | null;
}

/** One image of a stack: which instance and frame it is, and the imageId the loader fetches. */
export interface StackFrame {
  sopInstanceUid: string;
  /** 1-based frame number within the instance. */
  frame: number;
  imageId: string;
}

export interface Stack {
  frames: StackFrame[];
  /** Multi-frame cine (ultrasound): the recorded frame rate. */
  cineFps: number | null;
  /** The first instance's metadata, for the overlay (age, sex, institution …). */
  first: DicomJsonDataset | undefined;
}

export function studySummary(ds: DicomJsonDataset): StudySummary | null {
  const uid = text(ds, TAG.StudyInstanceUID);
  if (!uid) return null;
  return {
    uid,
    date: text(ds, TAG.StudyDate),
    time: text(ds, TAG.StudyTime),
    description: text(ds, TAG.StudyDescription),
    accession: text(ds, TAG.AccessionNumber),
    modalities: texts(ds, TAG.ModalitiesInStudy),
    seriesCount: number(ds, TAG.NumberOfStudyRelatedSeries),
    instanceCount: number(ds, TAG.NumberOfStudyRelatedInstances),
    patient: {
      name: formatPersonName(personName(ds, TAG.PatientName)),
      id: text(ds, TAG.PatientID),
      sex: text(ds, TAG.PatientSex),
      birthDate: text(ds, TAG.PatientBirthDate),
    },
    institution: text(ds, TAG.InstitutionName),
  };
}

/** Newest study first. */
export function sortStudies(studies: StudySummary[]): StudySummary[] {
  return [...studies].sort((a, b) => `${b.date ?? ''}${b.time ?? ''}`.localeCompare(`${a.date ?? ''}${a.time ?? ''}`));
}

/** The studies attached to the consultation's request first (in the list's order), then the rest. */
export function attachedFirst<T extends { uid: string }>(studies: readonly T[], attached: readonly string[]): T[] {
  const isAttached = (s: T) => attached.includes(s.uid);
  return [...studies.filter(isAttached), ...studies.filter((s) => !isAttached(s))];
}

export function seriesSummary(ds: DicomJsonDataset): SeriesSummary | null {
  const uid = text(ds, TAG.SeriesInstanceUID);
  if (!uid) return null;
  return {
    uid,
    number: number(ds, TAG.SeriesNumber),
    modality: text(ds, TAG.Modality),
    description: text(ds, TAG.SeriesDescription),
    instanceCount: number(ds, TAG.NumberOfSeriesRelatedInstances),
  };
}

export function sortSeries(series: SeriesSummary[]): SeriesSummary[] {
  return [...series].sort((a, b) => (a.number ?? 1e9) - (b.number ?? 1e9) || a.uid.localeCompare(b.uid));
}

/**
 * Orders a series' instances the way a reader scrolls them (by Instance Number, then by slice
 * position) and expands multi-frame instances into one image per frame. `frameUrl` gives the
 * WADO-RS frame URL the image loader fetches.
 */
export function buildStack(instances: DicomJsonDataset[], frameUrl: (sopInstanceUid: string, frame: number) => string): Stack {
  const ordered = instances
    .map((ds) => ({ ds, sop: text(ds, TAG.SOPInstanceUID), n: number(ds, TAG.InstanceNumber), z: numbers(ds, TAG.ImagePositionPatient)[2] ?? null }))
    .filter((x): x is { ds: DicomJsonDataset; sop: string; n: number | null; z: number | null } => x.sop !== null)
    .sort((a, b) => (a.n ?? 1e9) - (b.n ?? 1e9) || (b.z ?? 0) - (a.z ?? 0) || a.sop.localeCompare(b.sop));
  const frames: StackFrame[] = [];
  let cineFps: number | null = null;
  for (const { ds, sop } of ordered) {
    const count = Math.max(1, Math.floor(number(ds, TAG.NumberOfFrames) ?? 1));
    if (count > 1 && cineFps === null) {
      const frameTime = number(ds, TAG.FrameTime);
      cineFps = number(ds, TAG.CineRate) ?? (frameTime ? Math.round(1000 / frameTime) : 25);
    }
    for (let f = 1; f <= count; f++) frames.push({ sopInstanceUid: sop, frame: f, imageId: frameUrl(sop, f) });
  }
  return { frames, cineFps, first: ordered[0]?.ds };
}
