#!/usr/bin/env node
// `npm start`: install what is missing, prepare the embedded database with demo data, serve the app.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ROOT } from './lib/exec.mjs';
import { startCountyHisProcess } from './lib/county-his.mjs';
import { startEmbeddedPacs } from './lib/orthanc.mjs';
import { info, step } from './lib/progress.mjs';
import { setup, tsx } from './lib/setup-steps.mjs';

await setup();
await step('database: migrations and demo data', () => tsx(['server/src/db/cli/seed.ts']));

// The county PACS: an embedded Orthanc (Debian package) with the demo studies, unless PACS_DICOMWEB_URL
// names another DICOMweb server. It is restarted if it dies, and stops with this process.
const pacs = process.env.PACS_DICOMWEB_URL
  ? null
  : await step('PACS: Orthanc with the demo studies', () => startEmbeddedPacs({ storageDir: path.join(process.env.DATA_DIR ?? path.join(ROOT, '.data'), 'orthanc'), log: info })).catch((err) => {
      // The rest of the app works without it; the imaging panel says the PACS cannot be reached.
      info(`PACS not started: ${err instanceof Error ? err.message : err}`);
      return null;
    });
// The county HIS: the FHIR R4 simulator (county-his/), unless HIS_FHIR_BASE_URL names a real one;
// restarted if it dies.
const his = process.env.HIS_FHIR_BASE_URL
  ? null
  : await step('county HIS: FHIR R4 simulator', () => startCountyHisProcess({ port: Number(process.env.HIS_PORT ?? 8090), log: info }));
const serverEnv = {
  ...process.env,
  ...(pacs ? { PACS_DICOMWEB_URL: pacs.dicomwebUrl } : {}),
  ...(his ? { HIS_FHIR_BASE_URL: his.url } : {}),
};

info(`starting server on http://localhost:${process.env.PORT ?? 8080}`);
const server = spawn(`${ROOT}/server/node_modules/.bin/tsx`, ['server/src/index.ts'], { cwd: ROOT, stdio: 'inherit', env: serverEnv });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => void Promise.all([pacs?.stop(), his?.stop()]).finally(() => process.exit(code ?? (signal ? 0 : 1))));
