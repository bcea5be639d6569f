import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { seedDicomweb } from '@cloudclinic/pacs-seed';
import { startOrthanc, type RunningOrthanc } from '../../../scripts/lib/orthanc.mjs';

export interface TestPacs {
  orthanc: RunningOrthanc;
  /** DICOMweb base URL with the generated credentials, for PACS_DICOMWEB_URL. */
  dicomwebUrl: string;
  stop(): Promise<void>;
}

/**
 * A real Orthanc (Debian's, with its DICOMweb plugin) in a temporary folder on a free port, seeded
 * with the demo studies of `patientIds` through STOW-RS. Stopped and removed by `stop()`.
 */
export async function startTestPacs(patientIds: readonly string[] = ['p-0001', 'p-0002']): Promise<TestPacs> {
  const storageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-pacs-test-'));
  try {
    const orthanc = await startOrthanc({ storageDir, name: 'CloudClinic test PACS' });
    try {
      await seedDicomweb({ baseUrl: orthanc.dicomwebUrl, patientIds });
    } catch (err) {
      await orthanc.stop();
      throw err;
    }
    return {
      orthanc,
      dicomwebUrl: orthanc.dicomwebUrl,
      async stop() {
        await orthanc.stop();
        fs.rmSync(storageDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    fs.rmSync(storageDir, { recursive: true, force: true });
    throw err;
  }
}
