#!/usr/bin/env node
// `npm test`: typecheck, lint, unit + integration (vitest), end-to-end (Playwright in Chromium),
// and a smoke run of the benchmarks. Ends with one summary line: "tests: N passed, N failed".
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureChromium } from './lib/chromium.mjs';
import { ensureCoturn } from './lib/coturn.mjs';
import { ensureHaproxy } from './lib/haproxy.mjs';
import { ensureRedis } from './lib/redis.mjs';
import { ensureOrthanc } from './lib/orthanc.mjs';
import { pnpm, ROOT } from './lib/exec.mjs';
import { info, step } from './lib/progress.mjs';
import { setup } from './lib/setup-steps.mjs';

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

function countVitest(file) {
  if (!fs.existsSync(file)) return false;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += r.numPassedTests;
  totals.failed += r.numFailedTests;
  totals.skipped += r.numPendingTests + (r.numTodoTests ?? 0);
  return true;
}

function countPlaywright(file) {
  if (!fs.existsSync(file)) return false;
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  totals.passed += (r.stats.expected ?? 0) + (r.stats.flaky ?? 0);
  totals.failed += r.stats.unexpected ?? 0;
  totals.skipped += r.stats.skipped ?? 0;
  return true;
}

async function suite(name, fn) {
  try {
    await step(name, fn);
  } catch (err) {
    failures.push(name);
    console.error(err instanceof Error ? err.message : err);
  }
}

await setup();
await step('chromium for end-to-end tests', ensureChromium);
await step('orthanc (embedded PACS) for imaging tests', async () => (await ensureOrthanc()).plugin);
await step('coturn (TURN relay) for the relay-only test', ensureCoturn);
await step('redis and haproxy for the multi-node tests', async () => [await ensureRedis(), await ensureHaproxy()].join(', '));

await suite('typecheck', () => pnpm(['-r', '--workspace-concurrency=1', '--no-bail', 'typecheck']));
await suite('lint', () => pnpm(['exec', 'eslint', '--max-warnings=0', '.']));
for (const pkg of ['shared', 'county-his', 'pacs-seed', 'client', 'server']) {
  const out = path.join(reports, `${pkg}.json`);
  await suite(`unit + integration tests: ${pkg}`, async () => {
    try {
      await pnpm(['--filter', `@cloudclinic/${pkg}`, 'exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
    } finally {
      if (!countVitest(out)) totals.failed += 1;
    }
  });
}
{
  const out = path.join(reports, 'e2e.json');
  await suite('end-to-end tests (Playwright, Chromium)', async () => {
    try {
      await pnpm(['--filter', '@cloudclinic/e2e', 'exec', 'playwright', 'test'], { env: { PLAYWRIGHT_JSON_OUTPUT_FILE: out } });
    } finally {
      if (!countPlaywright(out)) totals.failed += 1;
    }
  });
}
if (fs.existsSync(path.join(ROOT, 'scripts', 'bench.mjs'))) {
  await suite('benchmark smoke run', () => import('./lib/exec.mjs').then(({ run }) => run('node', ['scripts/bench.mjs', '--smoke'])));
}

fs.rmSync(reports, { recursive: true, force: true });
if (failures.length) info(`failed suites: ${failures.join(', ')}`);
console.log(`tests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failures.length || totals.failed ? 1 : 0);
