// The systems outside the app that `npm start` and `npm run start:cluster` bring along: the county
// PACS (an embedded Orthanc with the demo studies) and the county HIS (the FHIR R4 simulator),
// unless PACS_DICOMWEB_URL / HIS_FHIR_BASE_URL name real ones. Both are restarted if they die.
import path from 'node:path';
import { startCountyHisProcess } from './county-his.mjs';
import { ROOT } from './exec.mjs';
import { startEmbeddedPacs } from './orthanc.mjs';
import { info, step } from './progress.mjs';

/** Starts what is not configured; returns the environment the app needs for them and a stop. */
export async function startOutsideSystems() {
  const pacs = process.env.PACS_DICOMWEB_URL
    ? null
    : await step('PACS: Orthanc with the demo studies', () => startEmbeddedPacs({ storageDir: path.join(process.env.DATA_DIR ?? path.join(ROOT, '.data'), 'orthanc'), log: info })).catch((err) => {
        // The rest of the app works without it; the imaging panel says the PACS cannot be reached.
        info(`PACS not started: ${err instanceof Error ? err.message : err}`);
        return null;
      });
  const his = process.env.HIS_FHIR_BASE_URL
    ? null
    : await step('county HIS: FHIR R4 simulator', () => startCountyHisProcess({ port: Number(process.env.HIS_PORT ?? 8090), log: info }));
  return {
    env: { ...(pacs ? { PACS_DICOMWEB_URL: pacs.dicomwebUrl } : {}), ...(his ? { HIS_FHIR_BASE_URL: his.url } : {}) },
    stop: () => Promise.all([pacs?.stop(), his?.stop()]),
  };
}
