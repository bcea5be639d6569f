// The install/build steps shared by `npm start`, `npm test` and `npm run bench`. Each step is skipped
// when its inputs are unchanged since its last success, so a second run is quick.
import { ensureMediasoupWorker } from './mediasoup-worker.mjs';
import { pnpm, run, ROOT } from './exec.mjs';
import { fingerprint, unlessUnchanged } from './fingerprint.mjs';
import { step } from './progress.mjs';

const WORKSPACE_MANIFESTS = [
  'package.json',
  'pnpm-lock.yaml',
  'pnpm-workspace.yaml',
  'patches',
  'server/package.json',
  'client/package.json',
  'shared/package.json',
  'e2e/package.json',
  'pacs-seed/package.json',
];

export function installDependencies() {
  return step('install dependencies (pnpm)', () =>
    unlessUnchanged('node_modules/.cloudclinic/install.stamp', fingerprint(WORKSPACE_MANIFESTS), ['node_modules/.modules.yaml'], () =>
      pnpm(['install', '--frozen-lockfile', '--reporter=append-only']),
    ),
  );
}

export function ensureWorker() {
  return step('mediasoup worker', async () => {
    const bin = await ensureMediasoupWorker({ log: (m) => console.log(`  ${m}`) });
    return bin;
  });
}

export function generatePrismaClient() {
  return step('prisma client', () =>
    unlessUnchanged(
      'node_modules/.cloudclinic/prisma.stamp',
      fingerprint(['prisma/schema.prisma', 'prisma.config.ts', 'pnpm-lock.yaml']),
      ['server/src/generated/prisma/client.ts'],
      // The schema engine binary is not needed to generate the client (Prisma 7 compiles queries
      // in WASM); the CLI only insists that the variable names an existing file.
      () => pnpm(['--filter', '@cloudclinic/server', 'exec', 'prisma', 'generate', '--config', '../prisma.config.ts'], {
        env: { PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' },
      }),
    ),
  );
}

export function buildClient() {
  return step('build web client', () =>
    unlessUnchanged(
      'node_modules/.cloudclinic/client.stamp',
      fingerprint(['client', 'shared/src', 'pnpm-lock.yaml'], { ignore: ['dist'] }),
      ['client/dist/index.html'],
      () => pnpm(['--filter', '@cloudclinic/client', 'build']),
    ),
  );
}

export async function setup({ client = true } = {}) {
  await installDependencies();
  await ensureWorker();
  await generatePrismaClient();
  if (client) await buildClient();
}

export function tsx(args, opts = {}) {
  return run(`${ROOT}/server/node_modules/.bin/tsx`, args, opts);
}
