#!/usr/bin/env node
// The app as the end-to-end tests meet it: a fresh embedded database (in a temporary folder), demo
// data, two SFU workers, the built client. Started and stopped by Playwright (e2e/playwright.config.ts).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './lib/exec.mjs';
import { startCountyHisProcess } from './lib/county-his.mjs';
import { startEmbeddedPacs } from './lib/orthanc.mjs';
import { tsx } from './lib/setup-steps.mjs';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-e2e-'));
const env = {
  ...process.env,
  DATA_DIR: dataDir,
  PORT: process.env.PORT ?? '8181',
  MEDIASOUP_WORKERS: process.env.MEDIASOUP_WORKERS ?? '2',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  NODE_ENV: 'test',
};
await tsx(['server/src/db/cli/seed.ts'], { env });
// The county PACS: an embedded Orthanc seeded with the demo studies, unless one is configured.
// Without it (Orthanc missing and not root) only the imaging specs fail: the proxy answers 503.
const pacs = process.env.PACS_DICOMWEB_URL
  ? null
  : await startEmbeddedPacs({ storageDir: path.join(dataDir, 'orthanc') }).catch((err) => {
      console.error(`[serve-for-e2e] no embedded PACS: ${err instanceof Error ? err.message : err}`);
      return null;
    });
if (pacs) env.PACS_DICOMWEB_URL = pacs.dicomwebUrl;
// The county HIS simulator on a free port, unless one is configured.
const his = process.env.HIS_FHIR_BASE_URL ? null : await startCountyHisProcess({ stdio: 'ignore' });
if (his) env.HIS_FHIR_BASE_URL = his.url;
const server = spawn(`${ROOT}/server/node_modules/.bin/tsx`, ['server/src/index.ts'], { cwd: ROOT, stdio: 'inherit', env });
const cleanup = () => fs.rmSync(dataDir, { recursive: true, force: true });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill('SIGTERM'));
server.on('exit', (code) => {
  void Promise.all([pacs?.stop(), his?.stop()]).finally(() => {
    cleanup();
    process.exit(code ?? 0);
  });
});
