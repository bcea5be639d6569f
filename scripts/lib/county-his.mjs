// The county HIS simulator (county-his/, FHIR R4) as a child process, for `npm start` and the e2e app.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { ROOT } from './exec.mjs';

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
    if (child.exitCode !== null) throw new Error(`county HIS exited with ${child.exitCode}`);
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

/** Start the simulator on `port` (0 = a free one); resolves once its FHIR endpoint answers. */
export async function startCountyHisProcess({ port = 0, stdio = 'inherit' } = {}) {
  const p = port || (await freePort());
  const child = spawn(`${ROOT}/server/node_modules/.bin/tsx`, ['county-his/src/main.ts'], {
    cwd: ROOT,
    stdio: ['ignore', stdio, stdio],
    env: { ...process.env, HIS_PORT: String(p), HIS_HOST: '127.0.0.1' },
  });
  const url = `http://127.0.0.1:${p}/fhir`;
  await waitFor(`${url}/metadata`, child, 60_000);
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
