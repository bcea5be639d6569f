import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { machineInfo } from './lib/machine';
import { OtherLoadSampler } from './lib/machine-load';
import { loadAverage } from './lib/proc';
import { renderReport } from './lib/report';
import type { RunInfo, ScenarioResult } from './lib/result';
import { TSX_LOADER } from './lib/rpc';
import { BENCH_DIR, ROOT_DIR } from './lib/scenario';
import { tmpfsDir } from './server/db-template';

/**
 * `npm run bench` (through scripts/bench.mjs, after the shared setup steps). Runs each scenario in
 * its own process, one after another (never two at once: they would measure each other), collects
 * bench/results/<id>.json and renders BENCHMARKS.md. `--smoke`: tiny parameters, results in a
 * temporary folder, exit 1 only if a scenario broke (never for slow numbers). `--only a,b`.
 */
interface ScenarioDef {
  id: string;
  /** Hard limits; a scenario past its limit is stopped and reported as an error. */
  fullTimeoutSec: number;
  smokeTimeoutSec: number;
}

const SCENARIOS: ScenarioDef[] = [
  { id: 'sfu-capacity', fullTimeoutSec: 540, smokeTimeoutSec: 60 },
  { id: 'join-time', fullTimeoutSec: 360, smokeTimeoutSec: 90 },
  { id: 'consultations', fullTimeoutSec: 360, smokeTimeoutSec: 60 },
  { id: 'signaling', fullTimeoutSec: 300, smokeTimeoutSec: 60 },
  { id: 'app-paths', fullTimeoutSec: 180, smokeTimeoutSec: 60 },
  { id: 'client-weight', fullTimeoutSec: 180, smokeTimeoutSec: 60 },
  { id: 'leaks', fullTimeoutSec: 300, smokeTimeoutSec: 60 },
  { id: 'hardening', fullTimeoutSec: 1200, smokeTimeoutSec: 90 },
  { id: 'cluster', fullTimeoutSec: 900, smokeTimeoutSec: 300 },
];

function parseArgs(argv: string[]) {
  const smoke = argv.includes('--smoke');
  const i = argv.indexOf('--only');
  const only = i >= 0 ? (argv[i + 1] ?? '').split(',').filter(Boolean) : null;
  const unknown = only?.filter((id) => !SCENARIOS.some((s) => s.id === id)) ?? [];
  if (unknown.length || (i >= 0 && !only?.length)) {
    console.error(`--only takes one or more of: ${SCENARIOS.map((s) => s.id).join(', ')}`);
    process.exit(2);
  }
  return { smoke, only };
}

function runOne(def: ScenarioDef, mode: 'smoke' | 'full', outFile: string): Promise<ScenarioResult> {
  const timeoutSec = mode === 'smoke' ? def.smokeTimeoutSec : def.fullTimeoutSec;
  const started = Date.now();
  fs.rmSync(outFile, { force: true });
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', TSX_LOADER, path.join(BENCH_DIR, 'src', 'scenarios', `${def.id}.ts`)], {
      cwd: ROOT_DIR,
      stdio: 'inherit',
      env: { ...process.env, BENCH_MODE: mode, BENCH_RESULT_FILE: outFile },
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`[bench] ${def.id} exceeded ${timeoutSec} s; stopping it`);
      if (child.pid) process.kill(child.pid, 'SIGTERM');
      setTimeout(() => child.pid && child.exitCode === null && process.kill(child.pid, 'SIGKILL'), 10_000).unref();
    }, timeoutSec * 1000);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (fs.existsSync(outFile) && !timedOut) {
        resolve(JSON.parse(fs.readFileSync(outFile, 'utf8')) as ScenarioResult);
        return;
      }
      resolve({
        id: def.id,
        title: def.id,
        status: 'error',
        mode,
        startedAt: new Date(started).toISOString(),
        durationSec: (Date.now() - started) / 1000,
        loadAverage: { start: [], end: loadAverage() },
        method: [],
        headline: [],
        goals: [],
        tables: [],
        notes: [],
        data: {},
        error: timedOut ? `stopped after the ${timeoutSec} s limit` : `scenario process exited (${signal ?? code}) without a result`,
      });
    });
  });
}

const { smoke, only } = parseArgs(process.argv.slice(2));
const mode = smoke ? 'smoke' : 'full';
const resultsDir = smoke ? fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-bench-smoke-')) : path.join(BENCH_DIR, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const machine = machineInfo();
const startedAt = new Date();
console.log(`[bench] ${mode} run on ${machine.cores} cores (${machine.cpuModel}), load average ${machine.loadAverageAtStart.join(' ')}; results → ${path.relative(ROOT_DIR, resultsDir) || resultsDir}`);

// One seeded database for every app server of the run (see server/db-template.ts).
const runTmp = fs.mkdtempSync(path.join(tmpfsDir(), 'cloudclinic-bench-'));
const template = path.join(runTmp, 'template');
process.on('exit', () => fs.rmSync(runTmp, { recursive: true, force: true }));
const made = spawnSync(process.execPath, ['--import', TSX_LOADER, path.join(BENCH_DIR, 'src', 'server', 'make-db-template.ts'), template], { cwd: ROOT_DIR, stdio: 'inherit' });
if (made.status === 0) process.env['BENCH_DB_TEMPLATE'] = template;
else console.log('[bench] could not prepare the database template; each app server migrates and seeds its own in-memory database');

const others = new OtherLoadSampler().start();
const results: ScenarioResult[] = [];
for (const def of SCENARIOS.filter((s) => !only || only.includes(s.id))) {
  console.log(`[bench] ── ${def.id} (${mode})`);
  const t0 = Date.now();
  const r = await runOne(def, mode, path.join(resultsDir, `${def.id}.json`));
  r.otherLoad = others.between(t0, Date.now());
  fs.writeFileSync(path.join(resultsDir, `${def.id}.json`), `${JSON.stringify(r, null, 2)}\n`);
  results.push(r);
  console.log(`[bench] ── ${def.id}: ${r.status} in ${r.durationSec.toFixed(1)} s${r.error ? ` — ${r.error.split('\n')[0]}` : ''}`);
  for (const h of r.headline) console.log(`[bench]    ${h.replace(/\*\*/g, '')}`);
}

const finishedAt = new Date();
const run: RunInfo = {
  mode,
  startedAt: startedAt.toISOString(),
  finishedAt: finishedAt.toISOString(),
  durationSec: (finishedAt.getTime() - startedAt.getTime()) / 1000,
  only,
  machine,
  loadAverageAtEnd: loadAverage(),
  otherLoad: others.between(startedAt.getTime(), finishedAt.getTime()),
  scenarios: results.map((r) => ({ id: r.id, status: r.status, durationSec: r.durationSec })),
};
console.log(`[bench] ${mode} run finished in ${run.durationSec.toFixed(0)} s`);

if (smoke) {
  fs.writeFileSync(path.join(resultsDir, 'run.json'), `${JSON.stringify(run, null, 2)}\n`);
  fs.writeFileSync(path.join(resultsDir, 'BENCHMARKS.smoke.md'), renderReport(run, results));
  console.log(`[bench] smoke report: ${path.join(resultsDir, 'BENCHMARKS.smoke.md')}`);
} else {
  // A partial run (--only) keeps the other scenarios' last results; the report says when each ran.
  const runFile = path.join(resultsDir, only ? `run-${only.join('+')}.json` : 'run.json');
  fs.writeFileSync(runFile, `${JSON.stringify(run, null, 2)}\n`);
  const all: ScenarioResult[] = [];
  for (const def of SCENARIOS) {
    const f = path.join(resultsDir, `${def.id}.json`);
    if (fs.existsSync(f)) all.push(JSON.parse(fs.readFileSync(f, 'utf8')) as ScenarioResult);
  }
  const fullRun = only && fs.existsSync(path.join(resultsDir, 'run.json')) ? (JSON.parse(fs.readFileSync(path.join(resultsDir, 'run.json'), 'utf8')) as RunInfo) : run;
  fs.writeFileSync(path.join(ROOT_DIR, 'BENCHMARKS.md'), renderReport(fullRun, all, only ? run : undefined));
  console.log('[bench] wrote BENCHMARKS.md');
}
process.exit(results.some((r) => r.status === 'error') ? 1 : 0);
