// The embedded county PACS: Debian's Orthanc with its DICOMweb plugin, run as a child process with a
// generated configuration (loopback only, DICOM port off, a fresh basic-auth user per start).
// Used by `npm start`, the end-to-end server and the server's integration tests.
import { aptInstall } from './apt.mjs';
import { execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { ROOT, run } from './exec.mjs';
import { supervise } from './supervisor.mjs';

export const ORTHANC_BIN = process.env.ORTHANC_BIN ?? '/usr/sbin/Orthanc';
const PACKAGES = ['orthanc', 'orthanc-dicomweb'];

/** Finds the DICOMweb plugin the Debian package installed (`dpkg -L orthanc-dicomweb`). */
export function findDicomwebPlugin() {
  if (process.env.ORTHANC_DICOMWEB_PLUGIN) return process.env.ORTHANC_DICOMWEB_PLUGIN;
  try {
    const files = execFileSync('dpkg', ['-L', 'orthanc-dicomweb'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).split('\n');
    return files.find((f) => /libOrthancDicomWeb\.so$/.test(f)) ?? files.find((f) => /libOrthancDicomWeb\.so/.test(f)) ?? null;
  } catch {
    return null;
  }
}

/** Orthanc and its DICOMweb plugin from Debian; installed with apt-get when running as root. */
export async function ensureOrthanc() {
  let plugin = findDicomwebPlugin();
  if (fs.existsSync(ORTHANC_BIN) && plugin && fs.existsSync(plugin)) return { bin: ORTHANC_BIN, plugin };
  await aptInstall(PACKAGES, { why: 'The embedded PACS (or set PACS_DICOMWEB_URL to another DICOMweb server)' });
  plugin = findDicomwebPlugin();
  if (!fs.existsSync(ORTHANC_BIN) || !plugin) throw new Error(`apt-get installed ${PACKAGES.join(' ')} but Orthanc or its DICOMweb plugin is missing`);
  return { bin: ORTHANC_BIN, plugin };
}

/** A port nobody listens on right now (Orthanc cannot be asked to pick one itself). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// Orthanc runs under a tiny shell guard that holds our stdin: when this process goes away (even
// killed with SIGKILL) the pipe closes, `read` returns and the guard stops Orthanc, so no PACS
// outlives the app or a test run. The guard writes Orthanc's pid to "$4" and exits with Orthanc, so
// the supervisor sees a crash.
const GUARD =
  'exec 3<&0\n"$1" "$2" "--logfile=$3" </dev/null >/dev/null 2>&1 & pid=$!\necho $pid > "$4"\n' +
  '{ read _ <&3; kill -TERM $pid 2>/dev/null; } & reader=$!\nwait $pid; rc=$?\nkill $reader 2>/dev/null\nexit $rc\n';

/**
 * Starts Orthanc on 127.0.0.1 and resolves when its DICOMweb API answers. Orthanc is supervised:
 * if it dies (a crash, a kill) it is started again on the same port with the same credentials
 * after a bounded backoff, so the URL handed to the app stays valid.
 * `storageDir` keeps the database and files (`.data/orthanc` for `npm start`, a temp dir in tests).
 * Resolves `{ dicomwebUrl, restUrl, port, pid, orthancPid(), restarts(), stop() }`; `dicomwebUrl`
 * carries the generated credentials.
 */
export async function startOrthanc({ storageDir, port = 0, name = 'CloudClinic county PACS', log = () => {}, restart = {} } = {}) {
  const { bin, plugin } = await ensureOrthanc();
  if (!storageDir) throw new Error('startOrthanc: storageDir is required');
  fs.mkdirSync(storageDir, { recursive: true });
  const httpPort = port || (await freePort());
  const user = 'cloudclinic';
  const password = crypto.randomBytes(18).toString('base64url');
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-orthanc-'));
  const configFile = path.join(runDir, 'orthanc.json');
  const pidFile = path.join(runDir, 'orthanc.pid');
  const logFile = path.join(storageDir, 'orthanc.log');
  const config = {
    Name: name,
    StorageDirectory: storageDir,
    IndexDirectory: storageDir,
    HttpPort: httpPort,
    RemoteAccessAllowed: false,
    AuthenticationEnabled: true,
    RegisteredUsers: { [user]: password },
    HttpCompressionEnabled: false,
    DicomServerEnabled: false,
    DicomPort: 0,
    DefaultEncoding: 'Utf8',
    StableAge: 2,
    OverwriteInstances: true,
    SaveJobs: false,
    Plugins: [plugin],
    DicomWeb: { Enable: true, Root: '/dicom-web/', EnableWado: false, Ssl: false, StudiesMetadata: 'Full', SeriesMetadata: 'Full' },
  };
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2), { mode: 0o600 });
  const restUrl = `http://127.0.0.1:${httpPort}`;
  const authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const launch = () => launchOrthanc({ bin, configFile, logFile, pidFile, restUrl, authorization, httpPort });
  let supervisor;
  try {
    supervisor = await supervise({ name: 'Orthanc', launch, log, ...restart });
  } catch (err) {
    fs.rmSync(runDir, { recursive: true, force: true });
    throw err;
  }
  log(`Orthanc ${restUrl} (storage ${storageDir})`);
  return {
    port: httpPort,
    restUrl,
    dicomwebUrl: `http://${user}:${password}@127.0.0.1:${httpPort}/dicom-web`,
    authorization,
    get pid() {
      return supervisor.current().pid;
    },
    /** The Orthanc process itself (the guard's child), or null while it is being restarted. */
    orthancPid() {
      const text = fs.existsSync(pidFile) ? fs.readFileSync(pidFile, 'utf8').trim() : '';
      return /^\d+$/.test(text) ? Number(text) : null;
    },
    restarts: () => supervisor.restarts(),
    async stop() {
      await supervisor.stop();
      fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** One Orthanc process under its guard; resolves once DICOMweb answers (rejects if it does not). */
async function launchOrthanc({ bin, configFile, logFile, pidFile, restUrl, authorization, httpPort }) {
  // The log of a crashed run is kept beside the new one.
  if (fs.existsSync(logFile)) fs.renameSync(logFile, `${logFile}.previous`);
  fs.rmSync(pidFile, { force: true });
  const child = spawn('/bin/sh', ['-c', GUARD, 'orthanc-guard', bin, configFile, logFile, pidFile], { stdio: ['pipe', 'ignore', 'ignore'], detached: true });
  child.stdin.on('error', () => {}); // the guard may be gone already when we close its stdin
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  let stopped = false;
  const stop = async () => {
    if (stopped) return exited;
    stopped = true;
    child.stdin.end();
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, 8000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + 30_000;
  let ready = false;
  let early = null;
  void exited.then((r) => (early = r));
  while (!ready) {
    if (early) break;
    if (Date.now() > deadline) break;
    try {
      const res = await fetch(`${restUrl}/dicom-web/studies?limit=1`, { headers: { authorization } });
      await res.arrayBuffer();
      ready = res.ok;
    } catch {
      // not listening yet
    }
    if (!ready) await new Promise((r) => setTimeout(r, 150));
  }
  if (!ready) {
    await stop();
    const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').split('\n').slice(-15).join('\n') : '(no log)';
    throw new Error(`Orthanc did not start on port ${httpPort}${early ? ` (exited ${early.signal ?? early.code})` : ''}. Log:\n${tail}`);
  }
  return { pid: child.pid, exited, stop };
}

/** Stores the demo studies (pacs-seed, STOW-RS) into a DICOMweb server; skips those already there. */
export function seedPacs(dicomwebUrl) {
  return run(`${ROOT}/server/node_modules/.bin/tsx`, ['pacs-seed/src/cli/seed.ts', dicomwebUrl]);
}

/**
 * The embedded county PACS for `npm start` and the end-to-end server: Orthanc started and seeded
 * with the demo studies. Resolves the running Orthanc (stop it with the app).
 */
export async function startEmbeddedPacs({ storageDir, port = Number(process.env.ORTHANC_PORT ?? 0), log = () => {} }) {
  const orthanc = await startOrthanc({ storageDir, port, log });
  try {
    await seedPacs(orthanc.dicomwebUrl);
  } catch (err) {
    await orthanc.stop();
    throw err;
  }
  return orthanc;
}
