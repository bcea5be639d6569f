import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../scripts/lib/orthanc.mjs';

/**
 * A second app server for a spec that is explicitly about another setting (e.g. TURN relay only):
 * the same `serve-for-e2e.mjs` as the default project, on its own port, with `env` added.
 */
export interface SecondServer {
  baseURL: string;
  stop(): Promise<void>;
}

export async function startSecondServer(env: Record<string, string>): Promise<SecondServer> {
  const port = await freePort();
  // RTC_PORT: the default project's server holds the default media ports.
  const child: ChildProcess = spawn('node', [fileURLToPath(new URL('../../scripts/serve-for-e2e.mjs', import.meta.url))], {
    env: { ...process.env, PORT: String(port), RTC_PORT: '0', ...env },
    stdio: 'ignore',
  });
  const baseURL = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`second server exited with ${child.exitCode}`);
    const ok = await fetch(`${baseURL}/api/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) throw new Error('second server did not start in 120 s');
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    baseURL,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
