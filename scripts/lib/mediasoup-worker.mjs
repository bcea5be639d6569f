// Ensures a mediasoup C++ worker binary exists, without downloading anything from GitHub.
//
// mediasoup's own postinstall (ignored in pnpm-workspace.yaml) downloads a prebuilt worker, or
// falls back to building with meson wrap subprojects fetched from the network. Instead, the
// package is patched (patches/mediasoup@<version>.patch) so that its worker/ sources build
// offline against Debian's system libraries, and this module builds it once per
// (mediasoup version, patch contents) into a cache directory outside the clone.
//
// Resolution order:
//   1. $MEDIASOUP_WORKER_BIN, if it is an executable file;
//   2. the cached build: ${XDG_CACHE_HOME:-~/.cache}/cloudclinic/mediasoup-worker/<ver>-<patchsha12>/;
//   3. a fresh build (installing missing Debian build dependencies when running as root).
// Finally the package's default binary location (worker/out/Release/mediasoup-worker) is made a
// symlink to the result, so `import * as mediasoup from 'mediasoup'` works with no env var.
//
// Plain Node ESM, Node built-ins only.

import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const SERVER_PACKAGE_JSON = path.join(REPO_ROOT, 'server', 'package.json');
const PATCHES_DIR = path.join(REPO_ROOT, 'patches');

/** Debian packages needed to build the patched worker. */
export const DEBIAN_BUILD_PACKAGES = [
  'meson',
  'ninja-build',
  'pkg-config',
  'libuv1-dev',
  'libssl-dev',
  'libsrtp2-dev',
  'libabsl-dev',
  'libusrsctp-dev',
  'libflatbuffers-dev',
  'flatbuffers-compiler',
];

const BINARY_NAME = 'mediasoup-worker';
/** ninja target of the flatbuffers header generator (worker/fbs/meson.build, output 'FBS'). */
const FBS_TARGET = 'fbs/FBS';
const LOG_TAIL_LINES = 40;

/**
 * @param {{ log?: (msg: string) => void }} [options]
 * @returns {Promise<string>} absolute path of the mediasoup-worker binary
 */
export async function ensureMediasoupWorker({ log = console.log } = {}) {
  const pkg = resolveMediasoupPackage();
  const binPath = await findOrBuildWorker(pkg, log);
  await linkDefaultLocation(pkg, binPath, log);
  return binPath;
}

async function findOrBuildWorker(pkg, log) {
  const envBin = process.env.MEDIASOUP_WORKER_BIN;
  if (envBin) {
    if (isExecutableFile(envBin)) {
      log(`mediasoup-worker: using MEDIASOUP_WORKER_BIN=${envBin}`);
      return path.resolve(envBin);
    }
    log(`mediasoup-worker: ignoring MEDIASOUP_WORKER_BIN=${envBin} (not an executable file)`);
  }

  const patchFile = path.join(PATCHES_DIR, `mediasoup@${pkg.version}.patch`);
  if (!fs.existsSync(patchFile)) {
    throw new Error(
      `mediasoup-worker: ${path.relative(REPO_ROOT, patchFile)} not found; the installed ` +
        `mediasoup ${pkg.version} has no offline-build patch (update the patch when upgrading mediasoup).`,
    );
  }
  const patchHash = createHash('sha256').update(fs.readFileSync(patchFile)).digest('hex').slice(0, 12);
  const cacheDir = path.join(cacheRoot(), 'cloudclinic', 'mediasoup-worker', `${pkg.version}-${patchHash}`);
  const cachedBin = path.join(cacheDir, BINARY_NAME);

  if (isExecutableFile(cachedBin)) {
    log(`mediasoup-worker: using cached ${cachedBin}`);
    return cachedBin;
  }

  await fsp.mkdir(cacheDir, { recursive: true });
  const release = await acquireLock(path.join(cacheDir, '.build.lock'), cachedBin, log);
  try {
    // Another process may have finished the build while we waited for the lock.
    if (isExecutableFile(cachedBin)) {
      log(`mediasoup-worker: using cached ${cachedBin}`);
      return cachedBin;
    }
    assertPackageIsPatched(pkg);
    ensureDebianPackages(log);
    await buildWorker(pkg, cacheDir, cachedBin, log);
    return cachedBin;
  } finally {
    release();
  }
}

function resolveMediasoupPackage() {
  const require = createRequire(SERVER_PACKAGE_JSON);
  let pkgJsonPath;
  try {
    pkgJsonPath = require.resolve('mediasoup/package.json');
  } catch (err) {
    throw new Error(`mediasoup-worker: cannot resolve mediasoup from server/ (run pnpm install): ${err.message}`);
  }
  const dir = path.dirname(pkgJsonPath);
  const { version } = JSON.parse(fs.readFileSync(pkgJsonPath, 'utf8'));
  return { dir, version, workerDir: path.join(dir, 'worker') };
}

function assertPackageIsPatched(pkg) {
  const mesonBuild = fs.readFileSync(path.join(pkg.workerDir, 'meson.build'), 'utf8');
  if (!mesonBuild.includes("dependency('openssl')")) {
    throw new Error(
      `mediasoup-worker: ${pkg.workerDir}/meson.build is not patched for system libraries ` +
        `(expected patches/mediasoup@${pkg.version}.patch to be applied; run pnpm install).`,
    );
  }
}

function cacheRoot() {
  return process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
}

function isExecutableFile(p) {
  try {
    if (!fs.statSync(p).isFile()) return false;
    fs.accessSync(p, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Debian build dependencies

function ensureDebianPackages(log) {
  // `dpkg` itself is always installed on Debian; if querying it fails, dpkg is absent or unusable
  // here (not Debian, or a PATH without dpkg-query), so don't mistake everything for missing.
  const probe = spawnSync('dpkg', ['-s', 'dpkg'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    log('mediasoup-worker: dpkg not usable; not checking build dependencies (the build may fail)');
    return;
  }
  const missing = DEBIAN_BUILD_PACKAGES.filter((name) => {
    const r = spawnSync('dpkg', ['-s', name], { encoding: 'utf8' });
    return r.status !== 0 || !/^Status: install ok installed$/m.test(r.stdout);
  });
  if (missing.length === 0) return;

  const installCmd = `apt-get install -y ${missing.join(' ')}`;
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
    throw new Error(
      `mediasoup-worker: missing Debian packages needed to build the worker: ${missing.join(', ')}. ` +
        `Install them with: sudo apt-get update && sudo ${installCmd}`,
    );
  }
  log(`mediasoup-worker: installing missing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const wait = ['-o', 'DPkg::Lock::Timeout=600'];
  for (const args of [[...wait, 'update'], [...wait, 'install', '-y', ...missing]]) {
    const r = spawnSync('apt-get', args, { stdio: 'inherit', env });
    if (r.error || r.status !== 0) {
      throw new Error(
        `mediasoup-worker: \`apt-get ${args.join(' ')}\` failed ` +
          `(${r.error ? r.error.message : `exit code ${r.status}`})`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Build

async function buildWorker(pkg, cacheDir, cachedBin, log) {
  const logFile = path.join(cacheDir, 'build.log');
  const buildDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'mediasoup-worker-build-'));
  const jobs = String(typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);
  const steps = [
    ['meson', ['setup', buildDir, pkg.workerDir, '-Dms_disable_liburing=true', '--buildtype=release']],
    // Generate the flatbuffers headers first: the worker sources don't declare a dependency on
    // them, so a parallel build can otherwise compile before FBS/*.h exist.
    ['ninja', ['-C', buildDir, FBS_TARGET]],
    ['ninja', ['-C', buildDir, '-j', jobs, BINARY_NAME]],
  ];

  const started = Date.now();
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;
  log(`mediasoup-worker: building mediasoup ${pkg.version} worker (${jobs} jobs, a few minutes); log: ${logFile}`);

  const fd = fs.openSync(logFile, 'w');
  let failure = null;
  try {
    for (const [cmd, args] of steps) {
      log(`mediasoup-worker: [${elapsed()}] ${cmd} ${args.join(' ')}`);
      fs.writeSync(fd, `\n$ ${cmd} ${args.join(' ')}\n`);
      const result = await run(cmd, args, fd);
      if (result !== 0) {
        failure = `\`${cmd} ${args.join(' ')}\` failed (${result}) after ${elapsed()}`;
        break;
      }
    }
  } finally {
    fs.closeSync(fd);
  }
  if (failure) {
    throw new Error(
      `mediasoup-worker: ${failure}; build dir kept at ${buildDir}; full log: ${logFile}\n` +
        `--- last ${LOG_TAIL_LINES} lines ---\n${tail(logFile, LOG_TAIL_LINES)}`,
    );
  }

  // Atomic install into the cache: copy to a temporary name, then rename.
  const tmpBin = `${cachedBin}.tmp-${process.pid}`;
  await fsp.copyFile(path.join(buildDir, BINARY_NAME), tmpBin);
  await fsp.chmod(tmpBin, 0o755);
  await fsp.rename(tmpBin, cachedBin);
  await fsp.rm(buildDir, { recursive: true, force: true });
  log(`mediasoup-worker: [${elapsed()}] built ${cachedBin}`);
}

/** Runs cmd with stdout/stderr going to the log fd; resolves to the exit code or a description. */
function run(cmd, args, fd) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', fd, fd] });
    child.on('error', (err) => {
      fs.writeSync(fd, `\nfailed to start ${cmd}: ${err.message}\n`);
      resolve(err.code === 'ENOENT' ? `${cmd} not found` : err.message);
    });
    child.on('close', (code, signal) => resolve(signal ? `signal ${signal}` : code === 0 ? 0 : `exit code ${code}`));
  });
}

function tail(file, n) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '(log unavailable)';
  }
}

// ---------------------------------------------------------------------------------------------
// Build lock (so concurrent callers, e.g. dev server + tests, don't build twice)

async function acquireLock(lockPath, cachedBin, log) {
  let announced = false;
  for (;;) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
    }
    const owner = Number.parseInt(readOrEmpty(lockPath), 10);
    if (!Number.isInteger(owner) || owner <= 0 || !isAlive(owner)) {
      fs.rmSync(lockPath, { force: true }); // stale lock
      continue;
    }
    if (isExecutableFile(cachedBin)) return () => {};
    if (!announced) {
      log(`mediasoup-worker: waiting for the build running in process ${owner}`);
      announced = true;
    }
    await new Promise((r) => setTimeout(r, 2000));
  }
}

function readOrEmpty(p) {
  try {
    return fs.readFileSync(p, 'utf8');
  } catch {
    return '';
  }
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

// ---------------------------------------------------------------------------------------------
// Default binary location inside the package

async function linkDefaultLocation(pkg, binPath, log) {
  const linkPath = path.join(pkg.workerDir, 'out', 'Release', BINARY_NAME);
  const target = path.resolve(binPath);
  try {
    const st = fs.lstatSync(linkPath);
    if (st.isSymbolicLink() && fs.readlinkSync(linkPath) === target) return;
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
  }
  await fsp.mkdir(path.dirname(linkPath), { recursive: true });
  const tmpLink = `${linkPath}.tmp-${process.pid}`;
  await fsp.rm(tmpLink, { force: true });
  await fsp.symlink(target, tmpLink);
  await fsp.rename(tmpLink, linkPath); // atomically replaces a stale link or file
  log(`mediasoup-worker: linked ${linkPath} -> ${target}`);
}
