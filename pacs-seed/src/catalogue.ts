import type { DicomCharset } from './dicom/charset';
import { uidFor } from './uids';

/**
 * The imaging studies of the demo patients: one source of truth for the synthetic PACS (this
 * package writes and stores them) and for the county HIS, whose ImagingStudy resources must carry
 * the same StudyInstanceUID (`identifier`: system `urn:dicom:uid`, value `urn:oid:<uid>`) and
 * series UIDs. No pixel code here: the HIS may import this module alone
 * (`@cloudclinic/pacs-seed/catalogue`) or derive the UIDs itself with `uidFor(label)`:
 *   study  `cloudclinic:study:<patientId>:<studyKey>`
 *   series `cloudclinic:series:<patientId>:<studyKey>:<seriesKey>`
 *   frame of reference `cloudclinic:for:<patientId>:<studyKey>`
 */
export type PhantomKind = 'ct-chest' | 'mr-brain-t1' | 'mr-brain-t2' | 'cr-chest' | 'us-cardiac';

export interface DemoSeries {
  key: string;
  uid: string;
  number: number;
  modality: 'CT' | 'MR' | 'CR' | 'US';
  description: string;
  phantom: PhantomKind;
  /** Instances in the series (one per slice; the ultrasound cine is one multi-frame instance). */
  instances: number;
  framesPerInstance: number;
}

export interface DemoStudy {
  key: string;
  uid: string;
  frameOfReferenceUid: string;
  patientId: string;
  accessionNumber: string;
  /** DICOM DA / TM: `YYYYMMDD`, `HHMMSS` (China Standard Time, as the modality wrote it). */
  date: string;
  time: string;
  description: string;
  bodyPart: 'CHEST' | 'HEAD' | 'HEART';
  institutionName: string;
  referringPhysician: { alphabetic: string; ideographic: string };
  series: DemoSeries[];
}

export interface DemoImagingPatient {
  /** The HIS patient id, stored as DICOM PatientID: the proxy checks ownership with it. */
  patientId: string;
  name: { alphabetic: string; ideographic: string };
  sex: 'M' | 'F';
  birthDate: string;
  charset: DicomCharset;
  studies: DemoStudy[];
}

const SSCPH = '嵊泗县人民医院';
const DSFPH = '岱山县第一人民医院';

interface SeriesSpec {
  key: string;
  modality: DemoSeries['modality'];
  description: string;
  phantom: PhantomKind;
  instances: number;
  framesPerInstance?: number;
}

function study(
  patientId: string,
  key: string,
  facts: Omit<DemoStudy, 'key' | 'uid' | 'frameOfReferenceUid' | 'patientId' | 'series'>,
  series: SeriesSpec[],
): DemoStudy {
  return {
    key,
    uid: uidFor(`cloudclinic:study:${patientId}:${key}`),
    frameOfReferenceUid: uidFor(`cloudclinic:for:${patientId}:${key}`),
    patientId,
    ...facts,
    series: series.map((s, i) => ({
      key: s.key,
      uid: uidFor(`cloudclinic:series:${patientId}:${key}:${s.key}`),
      number: i + 1,
      modality: s.modality,
      description: s.description,
      phantom: s.phantom,
      instances: s.instances,
      framesPerInstance: s.framesPerInstance ?? 1,
    })),
  };
}

const CT_CHEST: SeriesSpec[] = [{ key: 'axial-5mm', modality: 'CT', description: '胸部平扫 5mm 轴位', phantom: 'ct-chest', instances: 40 }];
const MR_BRAIN: SeriesSpec[] = [
  { key: 't2-axial', modality: 'MR', description: 'T2WI 轴位', phantom: 'mr-brain-t2', instances: 20 },
  { key: 't1-axial', modality: 'MR', description: 'T1WI 轴位', phantom: 'mr-brain-t1', instances: 20 },
];
const CR_CHEST: SeriesSpec[] = [{ key: 'pa', modality: 'CR', description: '胸部正位 PA', phantom: 'cr-chest', instances: 1 }];
const US_CARDIAC: SeriesSpec[] = [{ key: 'plax-cine', modality: 'US', description: '胸骨旁长轴 动态', phantom: 'us-cardiac', instances: 1, framesPerInstance: 32 }];

const DR_ZHOU = { alphabetic: 'Zhou^Min', ideographic: '周^敏' };
const DR_HU = { alphabetic: 'Hu^Lei', ideographic: '胡^磊' };

/** Demo patients with images; the names, sexes and birth dates match the county HIS. */
export const DEMO_IMAGING: readonly DemoImagingPatient[] = [
  {
    patientId: 'p-0001',
    name: { alphabetic: 'Wang^Jianguo', ideographic: '王^建国' },
    sex: 'M',
    birthDate: '19560312',
    charset: 'ISO_IR 192',
    studies: [
      study('p-0001', 'ct-chest', { accessionNumber: 'SSCT2611050012', date: '20261105', time: '093012', description: '胸部CT平扫', bodyPart: 'CHEST', institutionName: SSCPH, referringPhysician: DR_ZHOU }, CT_CHEST),
      study('p-0001', 'cr-chest', { accessionNumber: 'SSDR2609180031', date: '20260918', time: '101544', description: '胸部正位片', bodyPart: 'CHEST', institutionName: SSCPH, referringPhysician: DR_ZHOU }, CR_CHEST),
    ],
  },
  {
    patientId: 'p-0002',
    name: { alphabetic: 'Li^Xiuying', ideographic: '李^秀英' },
    sex: 'F',
    birthDate: '19480930',
    charset: 'GB18030',
    studies: [
      study('p-0002', 'us-cardiac', { accessionNumber: 'SSUS2611120007', date: '20261112', time: '142203', description: '经胸超声心动图', bodyPart: 'HEART', institutionName: SSCPH, referringPhysician: DR_ZHOU }, US_CARDIAC),
      study('p-0002', 'mr-brain', { accessionNumber: 'SSMR2610230004', date: '20261023', time: '153310', description: '头颅MRI平扫', bodyPart: 'HEAD', institutionName: SSCPH, referringPhysician: DR_ZHOU }, MR_BRAIN),
    ],
  },
  {
    patientId: 'p-0003',
    name: { alphabetic: 'Zhang^Haiyan', ideographic: '张^海燕' },
    sex: 'F',
    birthDate: '19790521',
    charset: 'ISO_IR 192',
    studies: [study('p-0003', 'mr-brain', { accessionNumber: 'SSMR2609020011', date: '20260902', time: '082751', description: '头颅MRI平扫', bodyPart: 'HEAD', institutionName: SSCPH, referringPhysician: DR_ZHOU }, MR_BRAIN)],
  },
  {
    patientId: 'p-0004',
    name: { alphabetic: 'Chen^Zhiming', ideographic: '陈^志明' },
    sex: 'M',
    birthDate: '19621102',
    charset: 'GB18030',
    studies: [study('p-0004', 'ct-chest', { accessionNumber: 'DSCT2610300019', date: '20261030', time: '110405', description: '胸部CT平扫', bodyPart: 'CHEST', institutionName: DSFPH, referringPhysician: DR_HU }, CT_CHEST)],
  },
  {
    patientId: 'p-0005',
    name: { alphabetic: 'Liu^Xiaoyu', ideographic: '刘^小雨' },
    sex: 'F',
    birthDate: '20170715',
    charset: 'ISO_IR 192',
    studies: [study('p-0005', 'cr-chest', { accessionNumber: 'SSDR2610140022', date: '20261014', time: '094820', description: '胸部正位片', bodyPart: 'CHEST', institutionName: SSCPH, referringPhysician: DR_ZHOU }, CR_CHEST)],
  },
];

/** The studies of one HIS patient (empty when the patient has none). */
export function demoStudiesOf(patientId: string): DemoStudy[] {
  return DEMO_IMAGING.find((p) => p.patientId === patientId)?.studies ?? [];
}
