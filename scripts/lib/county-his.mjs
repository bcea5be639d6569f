// The county HIS simulator (county-his/, FHIR R4) as a child process, for `npm start` and the e2e app.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { ROOT } from './exec.mjs';
import { supervise } from './supervisor.mjs';

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

async function waitFor(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`county HIS exited with ${child.exitCode}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`county HIS did not answer at ${url} within ${timeoutMs} ms`);
}

/**
 * Start the simulator on `port` (0 = a free one); resolves once its FHIR endpoint answers. It is
 * supervised: if it dies it is started again on the same port after a bounded backoff.
 */
export async function startCountyHisProcess({ port = 0, stdio = 'inherit', log = () => {}, restart = {} } = {}) {
  const p = port || (await freePort());
  const url = `http://127.0.0.1:${p}/fhir`;
  const launch = async () => {
    // Node itself with tsx's loader (not the tsx CLI, which would sit between us and the
    // simulator): the supervised pid is the simulator's, and its death is seen at once.
    const child = spawn(process.execPath, ['--import', pathToFileURL(`${ROOT}/server/node_modules/tsx/dist/loader.mjs`).href, 'county-his/src/main.ts'], {
      cwd: ROOT,
      stdio: ['ignore', stdio, stdio],
      env: { ...process.env, HIS_PORT: String(p), HIS_HOST: '127.0.0.1' },
    });
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const stop = () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    };
    try {
      await waitFor(`${url}/metadata`, child, 60_000);
    } catch (err) {
      await stop();
      throw err;
    }
    return { pid: child.pid, exited, stop };
  };
  const supervisor = await supervise({ name: 'county HIS', launch, log, ...restart });
  return {
    url,
    get pid() {
      return supervisor.current().pid;
    },
    restarts: () => supervisor.restarts(),
    stop: () => supervisor.stop(),
  };
}
