#!/usr/bin/env node
// `npm run bench`: the benchmark suite (bench/, @cloudclinic/bench). Runs the same setup steps as
// `npm start` (dependencies, mediasoup worker, Prisma client, web client), makes sure Chromium and
// ffmpeg are there, then runs the figures one after another and writes bench/results/*.json and
// BENCHMARKS.md.
//   --smoke        tiny parameters, results in a temporary folder (run by `npm test`)
//   --only a,b     only these figures (sfu-capacity, join-time, consultations, signaling,
//                  app-paths, client-weight, leaks, hardening, cluster)
import { spawnSync } from 'node:child_process';
import { aptInstall } from './lib/apt.mjs';
import { ensureChromium } from './lib/chromium.mjs';
import { ROOT, run } from './lib/exec.mjs';
import { ensureMediasoupWorker } from './lib/mediasoup-worker.mjs';
import { info, step } from './lib/progress.mjs';
import { setup } from './lib/setup-steps.mjs';

const args = process.argv.slice(2);

/** ffmpeg encodes the real VP8/Opus clip the RTP generator replays; without it a synthetic clip is used. */
async function ensureFfmpeg() {
  const have = () => !spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' }).error;
  if (have()) return 'present';
  if (process.getuid?.() !== 0) return 'missing (not root: synthetic RTP clip; install with: sudo apt-get install -y ffmpeg)';
  await aptInstall(['ffmpeg'], { why: 'The RTP clip' });
  return have() ? 'installed' : 'missing after apt-get (synthetic RTP clip)';
}

await setup();
await step('chromium for the join-time and client figures', ensureChromium);
await step('ffmpeg for the RTP clip', ensureFfmpeg);
const workerBin = await ensureMediasoupWorker({ log: () => undefined });

info(`benchmarks${args.length ? ` (${args.join(' ')})` : ''} …`);
try {
  await run(`${ROOT}/bench/node_modules/.bin/tsx`, ['bench/src/main.ts', ...args], {
    env: { ...process.env, MEDIASOUP_WORKER_BIN: workerBin },
  });
} catch (err) {
  info(err instanceof Error ? err.message : String(err));
  process.exit(1);
}
