#!/usr/bin/env node
// `npm start`: install what is missing, prepare the embedded database with demo data, serve the app.
import { spawn } from 'node:child_process';
import { ROOT } from './lib/exec.mjs';
import { startOutsideSystems } from './lib/outside-systems.mjs';
import { info, step } from './lib/progress.mjs';
import { setup, tsx } from './lib/setup-steps.mjs';

await setup();
await step('database: migrations and demo data', () => tsx(['server/src/db/cli/seed.ts']));
const outside = await startOutsideSystems();

info(`starting server on http://localhost:${process.env.PORT ?? 8080}`);
const server = spawn(`${ROOT}/server/node_modules/.bin/tsx`, ['server/src/index.ts'], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...outside.env } });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => server.kill(sig));
server.on('exit', (code, signal) => void outside.stop().finally(() => process.exit(code ?? (signal ? 0 : 1))));
