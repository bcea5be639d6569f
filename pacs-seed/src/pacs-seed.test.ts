import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { buildStudy } from './build-study';
import { DEMO_IMAGING, demoStudiesOf } from './catalogue';
import { isValidUid, uidFor } from './uids';

/** Reads the top-level elements of an Explicit VR Little Endian Part 10 file (test helper). */
function readElements(file: Buffer): Map<number, { vr: string; value: Buffer }> {
  expect(file.subarray(128, 132).toString('ascii')).toBe('DICM');
  const out = new Map<number, { vr: string; value: Buffer }>();
  let at = 132;
  while (at < file.length) {
    const tag = (file.readUInt16LE(at) << 16) | file.readUInt16LE(at + 2);
    const vr = file.subarray(at + 4, at + 6).toString('ascii');
    const long = ['OB', 'OW', 'SQ', 'UT'].includes(vr);
    const length = long ? file.readUInt32LE(at + 8) : file.readUInt16LE(at + 6);
    const start = at + (long ? 12 : 8);
    out.set(tag >>> 0, { vr, value: file.subarray(start, start + length) });
    at = start + length;
  }
  return out;
}

describe('demo studies', () => {
  it('derive stable, valid UIDs from labels', () => {
    expect(uidFor('cloudclinic:study:p-0001:ct-chest')).toBe(uidFor('cloudclinic:study:p-0001:ct-chest'));
    const all = DEMO_IMAGING.flatMap((p) => p.studies.flatMap((s) => [s.uid, s.frameOfReferenceUid, ...s.series.map((x) => x.uid)]));
    expect(all.every(isValidUid)).toBe(true);
    expect(new Set(all).size).toBe(all.length);
  });

  it('cover a CT series, an MR series, an X-ray and an ultrasound cine', () => {
    const modalities = new Set(DEMO_IMAGING.flatMap((p) => p.studies.flatMap((s) => s.series.map((x) => x.modality))));
    expect(modalities).toEqual(new Set(['CT', 'MR', 'CR', 'US']));
    expect(demoStudiesOf('p-0001').length).toBeGreaterThan(0);
    expect(demoStudiesOf('p-9999')).toEqual([]);
  });

  it('write Part 10 files with the patient, the character set and the pixels', () => {
    const patient = DEMO_IMAGING.find((p) => p.patientId === 'p-0002');
    const study = patient?.studies.find((s) => s.key === 'us-cardiac');
    if (!patient || !study) throw new Error('catalogue changed');
    const [cine] = buildStudy(patient, study);
    if (!cine) throw new Error('no instance');
    const el = readElements(cine.bytes);
    const meta = el.get(0x00020000)?.value.readUInt32LE(0);
    expect(meta).toBeGreaterThan(0);
    expect(el.get(0x00020010)?.value.toString('ascii').replace(/\0$/, '')).toBe('1.2.840.10008.1.2.1');
    expect(el.get(0x00080005)?.value.toString('ascii').trim()).toBe('GB18030');
    expect(el.get(0x00100020)?.value.toString('ascii').trim()).toBe('p-0002');
    // The name in GB18030, decodable back to 李秀英.
    const pn = el.get(0x00100010)?.value ?? Buffer.alloc(0);
    expect(iconv.decode(pn, 'gb18030').trim()).toBe('Li^Xiuying=李^秀英');
    expect(pn.includes(Buffer.from('李秀英', 'utf8'))).toBe(false);
    // 32 frames of 320×240 8-bit pixels.
    expect(el.get(0x00280008)?.value.toString('ascii').trim()).toBe('32');
    expect(el.get(0x7fe00010)?.value.length).toBe(32 * 320 * 240);
    // Tags ascending, as Part 10 requires.
    const tags = [...el.keys()].filter((t) => t > 0x0002ffff);
    expect(tags).toEqual([...tags].sort((a, b) => a - b));
  });

  it('are deterministic: the same study gives the same bytes', () => {
    const patient = DEMO_IMAGING.find((p) => p.patientId === 'p-0005');
    const study = patient?.studies[0];
    if (!patient || !study) throw new Error('catalogue changed');
    const [a] = buildStudy(patient, study);
    const [b] = buildStudy(patient, study);
    expect(a?.bytes.equals(b?.bytes ?? Buffer.alloc(0))).toBe(true);
  });
});
