import { encodeText, type DicomCharset } from './charset';

/**
 * A minimal DICOM Part 10 writer: Explicit VR Little Endian, defined lengths, the VRs the synthetic
 * studies use. Written here rather than with dcmjs because dcmjs writes every text value as UTF-8,
 * and half of the demo patients must be stored in GB18030, as many county archives do.
 */
export const EXPLICIT_VR_LITTLE_ENDIAN = '1.2.840.10008.1.2.1';
const IMPLEMENTATION_CLASS_UID = '2.25.118813450918419946385063357442166781249';
const IMPLEMENTATION_VERSION = 'CLOUDCLINIC_01';

export type Vr = 'AE' | 'AS' | 'AT' | 'CS' | 'DA' | 'DS' | 'IS' | 'LO' | 'LT' | 'OB' | 'OW' | 'PN' | 'SH' | 'SQ' | 'ST' | 'TM' | 'UI' | 'UL' | 'US' | 'UT' | 'FD' | 'FL';

export type ElementValue = string | readonly string[] | number | readonly number[] | Uint8Array | readonly Dataset[];

export interface Element {
  tag: number;
  vr: Vr;
  value: ElementValue;
}

export type Dataset = readonly Element[];

/** VRs with a 2-byte reserved field and a 4-byte length in explicit VR encoding. */
const LONG_VRS = new Set<Vr>(['OB', 'OW', 'SQ', 'UT']);
/** Text VRs whose bytes depend on the Specific Character Set; all other strings are ASCII. */
const TEXT_VRS = new Set<Vr>(['PN', 'LO', 'SH', 'ST', 'LT', 'UT']);

export function el(tag: number, vr: Vr, value: ElementValue): Element {
  return { tag, vr, value };
}

/** The whole Part 10 file: preamble, `DICM`, file meta group, then the dataset. */
export function writePart10(dataset: Dataset, charset: DicomCharset): Buffer {
  const sopClass = stringValue(dataset, 0x00080016);
  const sopInstance = stringValue(dataset, 0x00080018);
  const metaElements: Dataset = [
    el(0x00020001, 'OB', Uint8Array.of(0, 1)),
    el(0x00020002, 'UI', sopClass),
    el(0x00020003, 'UI', sopInstance),
    el(0x00020010, 'UI', EXPLICIT_VR_LITTLE_ENDIAN),
    el(0x00020012, 'UI', IMPLEMENTATION_CLASS_UID),
    el(0x00020013, 'SH', IMPLEMENTATION_VERSION),
  ];
  const meta = encodeDataset(metaElements, 'ISO_IR 192');
  const groupLength = encodeElement(el(0x00020000, 'UL', meta.length), 'ISO_IR 192');
  const body = encodeDataset(dataset, charset);
  return Buffer.concat([Buffer.alloc(128), Buffer.from('DICM', 'ascii'), groupLength, meta, body]);
}

function stringValue(dataset: Dataset, tag: number): string {
  const v = dataset.find((e) => e.tag === tag)?.value;
  if (typeof v !== 'string') throw new Error(`dataset lacks ${tag.toString(16)}`);
  return v;
}

export function encodeDataset(dataset: Dataset, charset: DicomCharset): Buffer {
  const sorted = [...dataset].sort((a, b) => a.tag - b.tag);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]?.tag === sorted[i - 1]?.tag) throw new Error(`duplicate tag ${sorted[i]?.tag.toString(16)}`);
  }
  return Buffer.concat(sorted.map((e) => encodeElement(e, charset)));
}

function encodeElement(e: Element, charset: DicomCharset): Buffer {
  const value = padEven(encodeValue(e, charset), e.vr);
  const long = LONG_VRS.has(e.vr);
  const header = Buffer.alloc(long ? 12 : 8);
  header.writeUInt16LE(e.tag >>> 16, 0);
  header.writeUInt16LE(e.tag & 0xffff, 2);
  header.write(e.vr, 4, 'ascii');
  if (long) header.writeUInt32LE(value.length, 8);
  else {
    if (value.length > 0xffff) throw new Error(`value of ${e.tag.toString(16)} too long for VR ${e.vr}`);
    header.writeUInt16LE(value.length, 6);
  }
  return Buffer.concat([header, value]);
}

function encodeValue(e: Element, charset: DicomCharset): Buffer {
  const { vr, value } = e;
  switch (vr) {
    case 'US':
    case 'UL':
    case 'FL':
    case 'FD': {
      const numbers = toNumbers(value);
      const size = vr === 'US' ? 2 : vr === 'FD' ? 8 : 4;
      const buf = Buffer.alloc(numbers.length * size);
      numbers.forEach((n, i) => {
        if (vr === 'US') buf.writeUInt16LE(n, i * size);
        else if (vr === 'UL') buf.writeUInt32LE(n, i * size);
        else if (vr === 'FL') buf.writeFloatLE(n, i * size);
        else buf.writeDoubleLE(n, i * size);
      });
      return buf;
    }
    case 'AT': {
      const numbers = toNumbers(value);
      const buf = Buffer.alloc(numbers.length * 4);
      numbers.forEach((tag, i) => {
        buf.writeUInt16LE(tag >>> 16, i * 4);
        buf.writeUInt16LE(tag & 0xffff, i * 4 + 2);
      });
      return buf;
    }
    case 'OB':
    case 'OW': {
      if (!(value instanceof Uint8Array)) throw new Error(`${vr} value of ${e.tag.toString(16)} must be bytes`);
      return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    }
    case 'SQ': {
      if (!Array.isArray(value)) throw new Error(`SQ value of ${e.tag.toString(16)} must be a list of items`);
      const items = (value as readonly Dataset[]).map((item) => {
        const body = encodeDataset(item, charset);
        const header = Buffer.alloc(8);
        header.writeUInt16LE(0xfffe, 0);
        header.writeUInt16LE(0xe000, 2);
        header.writeUInt32LE(body.length, 4);
        return Buffer.concat([header, body]);
      });
      return Buffer.concat(items);
    }
    default: {
      const text = Array.isArray(value) ? value.map(String).join('\\') : String(value);
      return TEXT_VRS.has(vr) ? encodeText(text, charset) : Buffer.from(text, 'ascii');
    }
  }
}

function toNumbers(value: ElementValue): number[] {
  if (typeof value === 'number') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) return value as number[];
  throw new Error('expected numbers');
}

/** Values have even length: UI and OB pad with NUL, text with a space. */
function padEven(buf: Buffer, vr: Vr): Buffer {
  if (buf.length % 2 === 0) return buf;
  return Buffer.concat([buf, Buffer.from([vr === 'UI' || vr === 'OB' ? 0 : 0x20])]);
}
