/**
 * ECG frames on the `vitals.ecg` data channel, binary (a JSON array of 10 samples would be 4×
 * larger on a satellite link):
 *
 *   0  u8   magic 0xEC        1  u8  version 1     2  u16 sample rate (Hz)
 *   4  u32  stream id         8  u32 sequence number
 *  12  f64  time of the first sample (ms since epoch, sender clock)
 *  20  u16  sample count      22  i16 × count  samples in µV
 *
 * Little-endian. `decodeEcgFrame` returns null for anything malformed (never throws on wire data).
 */
export interface EcgFrame {
  stream: number;
  seq: number;
  sampleRate: number;
  t0: number;
  /** Millivolts. */
  samples: number[];
}

const MAGIC = 0xec;
const VERSION = 1;
const HEADER = 22;
export const MAX_ECG_SAMPLES = 1000;

export function encodeEcgFrame(f: EcgFrame): ArrayBuffer {
  const count = Math.min(f.samples.length, MAX_ECG_SAMPLES);
  const buf = new ArrayBuffer(HEADER + count * 2);
  const v = new DataView(buf);
  v.setUint8(0, MAGIC);
  v.setUint8(1, VERSION);
  v.setUint16(2, f.sampleRate, true);
  v.setUint32(4, f.stream >>> 0, true);
  v.setUint32(8, f.seq >>> 0, true);
  v.setFloat64(12, f.t0, true);
  v.setUint16(20, count, true);
  for (let i = 0; i < count; i += 1) {
    const uv = Math.round((f.samples[i] ?? 0) * 1000);
    v.setInt16(HEADER + i * 2, Math.max(-32768, Math.min(32767, uv)), true);
  }
  return buf;
}

export function decodeEcgFrame(data: ArrayBuffer | string): EcgFrame | null {
  if (typeof data === 'string' || data.byteLength < HEADER) return null;
  const v = new DataView(data);
  if (v.getUint8(0) !== MAGIC || v.getUint8(1) !== VERSION) return null;
  const sampleRate = v.getUint16(2, true);
  const count = v.getUint16(20, true);
  const t0 = v.getFloat64(12, true);
  if (sampleRate < 50 || sampleRate > 2000 || count > MAX_ECG_SAMPLES || data.byteLength !== HEADER + count * 2 || !Number.isFinite(t0)) return null;
  const samples: number[] = [];
  for (let i = 0; i < count; i += 1) samples.push(v.getInt16(HEADER + i * 2, true) / 1000);
  return { stream: v.getUint32(4, true), seq: v.getUint32(8, true), sampleRate, t0, samples };
}
