import crypto from 'node:crypto';
import { DEMO_IMAGING, type DemoImagingPatient, type DemoStudy } from './catalogue';
import { buildStudy } from './build-study';

export interface SeedOptions {
  /** DICOMweb base URL, e.g. `http://user:pass@127.0.0.1:8042/dicom-web`. Credentials become basic auth. */
  baseUrl: string;
  /** Only these HIS patients (default: every demo patient). */
  patientIds?: readonly string[];
  log?: (message: string) => void;
}

export interface SeedResult {
  stored: string[];
  skipped: string[];
}

/**
 * Stores the demo studies into a DICOMweb server with STOW-RS, skipping each study the server
 * already holds completely (QIDO-RS), so it is safe to run on every start.
 */
export async function seedDicomweb(opts: SeedOptions): Promise<SeedResult> {
  const target = dicomwebTarget(opts.baseUrl);
  const patients = DEMO_IMAGING.filter((p) => !opts.patientIds || opts.patientIds.includes(p.patientId));
  const result: SeedResult = { stored: [], skipped: [] };
  for (const patient of patients) {
    for (const study of patient.studies) {
      const expected = study.series.reduce((n, s) => n + s.instances, 0);
      if ((await instancesHeld(target, study)) >= expected) {
        result.skipped.push(study.uid);
        continue;
      }
      await storeStudy(target, patient, study);
      opts.log?.(`stored ${patient.patientId} ${study.key} (${expected} instances)`);
      result.stored.push(study.uid);
    }
  }
  return result;
}

interface Target {
  base: string;
  headers: Record<string, string>;
}

export function dicomwebTarget(baseUrl: string): Target {
  const url = new URL(baseUrl);
  const headers: Record<string, string> = {};
  if (url.username) {
    headers['authorization'] = `Basic ${Buffer.from(`${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`).toString('base64')}`;
    url.username = '';
    url.password = '';
  }
  return { base: url.toString().replace(/\/+$/, ''), headers };
}

async function instancesHeld(t: Target, study: DemoStudy): Promise<number> {
  const res = await fetch(`${t.base}/studies?StudyInstanceUID=${study.uid}&includefield=00201208`, { headers: { ...t.headers, accept: 'application/dicom+json' } });
  if (res.status === 204) return 0;
  if (!res.ok) throw new Error(`QIDO-RS search failed: HTTP ${res.status}`);
  const text = await res.text();
  if (!text.trim()) return 0;
  const found = JSON.parse(text) as { '00201208'?: { Value?: unknown[] } }[];
  const count = found[0]?.['00201208']?.Value?.[0];
  return typeof count === 'number' ? count : Number(count ?? 0);
}

async function storeStudy(t: Target, patient: DemoImagingPatient, study: DemoStudy): Promise<void> {
  const instances = buildStudy(patient, study);
  // One request per ~8 MB keeps memory flat on both sides.
  let batch: Buffer[] = [];
  let size = 0;
  const flush = async () => {
    if (batch.length === 0) return;
    await stow(t, batch);
    batch = [];
    size = 0;
  };
  for (const inst of instances) {
    batch.push(inst.bytes);
    size += inst.bytes.length;
    if (size > 8 * 1024 * 1024) await flush();
  }
  await flush();
}

async function stow(t: Target, files: Buffer[]): Promise<void> {
  const boundary = `cloudclinic-${crypto.randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Type: application/dicom\r\n\r\n`, 'ascii'), f, Buffer.from('\r\n', 'ascii'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`, 'ascii'));
  const res = await fetch(`${t.base}/studies`, {
    method: 'POST',
    headers: { ...t.headers, 'content-type': `multipart/related; type="application/dicom"; boundary=${boundary}`, accept: 'application/dicom+json' },
    body: Buffer.concat(parts),
  });
  if (!res.ok) throw new Error(`STOW-RS failed: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
  await res.arrayBuffer();
}
