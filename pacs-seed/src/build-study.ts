import type { DemoImagingPatient, DemoSeries, DemoStudy } from './catalogue';
import { el, writePart10, type Element } from './dicom/part10-writer';
import { CT_GEOMETRY, ctChest } from './phantoms/ct-chest';
import { crChest, CR_GEOMETRY } from './phantoms/cr-chest';
import { MR_GEOMETRY, mrBrain } from './phantoms/mr-brain';
import { US_GEOMETRY, usCardiac } from './phantoms/us-cardiac';
import { uidFor } from './uids';

export interface DicomInstance {
  sopInstanceUid: string;
  seriesUid: string;
  /** A complete Part 10 file, Explicit VR Little Endian, uncompressed. */
  bytes: Buffer;
}

const SOP_CLASS = {
  CT: '1.2.840.10008.5.1.4.1.1.2',
  MR: '1.2.840.10008.5.1.4.1.1.4',
  CR: '1.2.840.10008.5.1.4.1.1.1',
  US: '1.2.840.10008.5.1.4.1.1.3.1',
} as const;

const AXIAL = [1, 0, 0, 0, 1, 0];

/** Every instance of one study, pixels generated from the study's phantoms (deterministic). */
export function buildStudy(patient: DemoImagingPatient, study: DemoStudy): DicomInstance[] {
  return study.series.flatMap((series) => buildSeries(patient, study, series));
}

function buildSeries(patient: DemoImagingPatient, study: DemoStudy, series: DemoSeries): DicomInstance[] {
  const seed = hashSeed(series.uid);
  const common = (n: number): Element[] => [
    ...patientModule(patient, study),
    ...studyModule(patient, study),
    el(0x00080016, 'UI', SOP_CLASS[series.modality]),
    el(0x00080018, 'UI', instanceUid(study, series, n)),
    el(0x00080021, 'DA', study.date),
    el(0x00080023, 'DA', study.date),
    el(0x00080031, 'TM', study.time),
    el(0x00080033, 'TM', addSeconds(study.time, n)),
    el(0x00080060, 'CS', series.modality),
    el(0x00080070, 'LO', 'CloudClinic Synthetic'),
    el(0x00081090, 'LO', `Phantom ${series.phantom}`),
    el(0x0008103e, 'LO', series.description),
    el(0x00180015, 'CS', study.bodyPart),
    el(0x0020000e, 'UI', series.uid),
    el(0x00200011, 'IS', String(series.number)),
    el(0x00200013, 'IS', String(n)),
    el(0x00200052, 'UI', study.frameOfReferenceUid),
    el(0x00280002, 'US', 1),
    el(0x00280004, 'CS', 'MONOCHROME2'),
  ];
  switch (series.phantom) {
    case 'ct-chest': {
      const g = { ...CT_GEOMETRY, slices: series.instances };
      const slices = ctChest(seed, { nodule: patient.patientId === 'p-0001' }, g);
      return slices.map((hu, i) => {
        const z = -i * g.thickness;
        const stored = new Uint16Array(hu.length);
        for (let p = 0; p < hu.length; p++) stored[p] = (hu[p] ?? -1024) + 1024;
        return instance(series, i + 1, [
          ...common(i + 1),
          el(0x00080008, 'CS', ['ORIGINAL', 'PRIMARY', 'AXIAL']),
          el(0x00180050, 'DS', String(g.thickness)),
          el(0x00180060, 'DS', '120'),
          el(0x00181151, 'IS', '180'),
          el(0x00200032, 'DS', [fmt((-g.size * g.spacing) / 2), fmt((-g.size * g.spacing) / 2), fmt(z)]),
          el(0x00200037, 'DS', AXIAL.map(String)),
          el(0x00201041, 'DS', fmt(z)),
          ...imagePixel(g.size, g.size, 16, 12, [g.spacing, g.spacing]),
          el(0x00281050, 'DS', ['40', '-600']),
          el(0x00281051, 'DS', ['400', '1500']),
          el(0x00281052, 'DS', '-1024'),
          el(0x00281053, 'DS', '1'),
          el(0x00281054, 'LO', 'HU'),
          el(0x00281055, 'LO', ['MEDIASTINUM', 'LUNG']),
          el(0x7fe00010, 'OW', bytesOf(stored)),
        ]);
      });
    }
    case 'mr-brain-t1':
    case 'mr-brain-t2': {
      const t1 = series.phantom === 'mr-brain-t1';
      const g = { ...MR_GEOMETRY, slices: series.instances };
      return mrBrain(seed, t1 ? 'T1' : 'T2', g).map((pixels, i) => {
        const z = -40 + i * g.thickness;
        return instance(series, i + 1, [
          ...common(i + 1),
          el(0x00080008, 'CS', ['ORIGINAL', 'PRIMARY', 'M', 'ND']),
          el(0x00180020, 'CS', 'SE'),
          el(0x00180021, 'CS', 'SK'),
          el(0x00180023, 'CS', '2D'),
          el(0x00180050, 'DS', String(g.thickness)),
          el(0x00180080, 'DS', t1 ? '500' : '4000'),
          el(0x00180081, 'DS', t1 ? '12' : '100'),
          el(0x00180087, 'DS', '1.5'),
          el(0x00200032, 'DS', [fmt((-g.size * g.spacing) / 2), fmt((-g.size * g.spacing) / 2), fmt(z)]),
          el(0x00200037, 'DS', AXIAL.map(String)),
          el(0x00201041, 'DS', fmt(z)),
          ...imagePixel(g.size, g.size, 16, 12, [g.spacing, g.spacing]),
          el(0x00281050, 'DS', t1 ? '480' : '620'),
          el(0x00281051, 'DS', t1 ? '960' : '1300'),
          el(0x7fe00010, 'OW', bytesOf(pixels)),
        ]);
      });
    }
    case 'cr-chest': {
      const pixels = crChest(seed, { child: patient.birthDate > '20100101' });
      return [
        instance(series, 1, [
          ...common(1),
          el(0x00080008, 'CS', ['ORIGINAL', 'PRIMARY']),
          el(0x00180060, 'DS', '110'),
          el(0x00181164, 'DS', [String(CR_GEOMETRY.spacing), String(CR_GEOMETRY.spacing)]),
          el(0x00185101, 'CS', 'PA'),
          el(0x00200020, 'CS', ['L', 'F']),
          ...imagePixel(CR_GEOMETRY.size, CR_GEOMETRY.size, 16, 12, [CR_GEOMETRY.spacing, CR_GEOMETRY.spacing]),
          el(0x00281050, 'DS', '2300'),
          el(0x00281051, 'DS', '3400'),
          el(0x7fe00010, 'OW', bytesOf(pixels)),
        ]),
      ];
    }
    case 'us-cardiac': {
      const frames = usCardiac(seed);
      const all = new Uint8Array(frames.length * US_GEOMETRY.rows * US_GEOMETRY.cols);
      frames.forEach((f, i) => all.set(f, i * f.length));
      return [
        instance(series, 1, [
          ...common(1),
          el(0x00080008, 'CS', ['ORIGINAL', 'PRIMARY', 'CARDIAC']),
          el(0x00082144, 'IS', String(Math.round(1000 / US_GEOMETRY.frameTimeMs))),
          el(0x00180040, 'IS', String(Math.round(1000 / US_GEOMETRY.frameTimeMs))),
          el(0x00181063, 'DS', String(US_GEOMETRY.frameTimeMs)),
          el(0x00280008, 'IS', String(frames.length)),
          el(0x00280009, 'AT', [0x00181063]),
          ...imagePixel(US_GEOMETRY.rows, US_GEOMETRY.cols, 8, 8, [US_GEOMETRY.spacing, US_GEOMETRY.spacing]),
          el(0x00281050, 'DS', '128'),
          el(0x00281051, 'DS', '256'),
          el(0x7fe00010, 'OB', all),
        ]),
      ];
    }
  }
}

function patientModule(p: DemoImagingPatient, study: DemoStudy): Element[] {
  return [
    el(0x00080005, 'CS', p.charset),
    el(0x00100010, 'PN', `${p.name.alphabetic}=${p.name.ideographic}`),
    el(0x00100020, 'LO', p.patientId),
    el(0x00100030, 'DA', p.birthDate),
    el(0x00100040, 'CS', p.sex),
    el(0x00101010, 'AS', ageAt(p.birthDate, study.date)),
  ];
}

function studyModule(_p: DemoImagingPatient, s: DemoStudy): Element[] {
  return [
    el(0x00080020, 'DA', s.date),
    el(0x00080030, 'TM', s.time),
    el(0x00080050, 'SH', s.accessionNumber),
    el(0x00080080, 'LO', s.institutionName),
    el(0x00080090, 'PN', `${s.referringPhysician.alphabetic}=${s.referringPhysician.ideographic}`),
    el(0x00081030, 'LO', s.description),
    el(0x0020000d, 'UI', s.uid),
    el(0x00200010, 'SH', s.accessionNumber.slice(-6)),
  ];
}

function imagePixel(rows: number, cols: number, allocated: 8 | 16, stored: number, spacing: [number, number]): Element[] {
  return [
    el(0x00280010, 'US', rows),
    el(0x00280011, 'US', cols),
    el(0x00280030, 'DS', spacing.map(String)),
    el(0x00280100, 'US', allocated),
    el(0x00280101, 'US', stored),
    el(0x00280102, 'US', stored - 1),
    el(0x00280103, 'US', 0),
  ];
}

function instance(series: DemoSeries, _n: number, elements: Element[]): DicomInstance {
  const sop = elements.find((e) => e.tag === 0x00080018)?.value;
  const charset = elements.find((e) => e.tag === 0x00080005)?.value;
  if (typeof sop !== 'string' || (charset !== 'ISO_IR 192' && charset !== 'GB18030')) throw new Error('instance without SOP Instance UID or character set');
  return { sopInstanceUid: sop, seriesUid: series.uid, bytes: writePart10(elements, charset) };
}

export function instanceUid(study: DemoStudy, series: DemoSeries, n: number): string {
  return uidFor(`cloudclinic:instance:${study.patientId}:${study.key}:${series.key}:${n}`);
}

function bytesOf(pixels: Uint16Array): Uint8Array {
  // Little-endian hosts (x86, ARM) already hold the pixels in DICOM's byte order.
  return new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength);
}

function fmt(v: number): string {
  return Number(v.toFixed(4)).toString();
}

function ageAt(birth: string, date: string): string {
  const years = Number(date.slice(0, 4)) - Number(birth.slice(0, 4)) - (date.slice(4) < birth.slice(4) ? 1 : 0);
  return `${String(years).padStart(3, '0')}Y`;
}

function addSeconds(time: string, seconds: number): string {
  const total = Number(time.slice(0, 2)) * 3600 + Number(time.slice(2, 4)) * 60 + Number(time.slice(4, 6)) + seconds;
  const h = Math.floor(total / 3600) % 24;
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  return [h, m, s].map((v) => String(v).padStart(2, '0')).join('');
}

function hashSeed(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
