import { HealthResponseSchema } from '@cloudclinic/shared';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SERVER_DIR = path.resolve(import.meta.dirname, '..');

/** mediasoup workers below `root` in the process tree (other test files and runs have their own). */
function workerPids(root: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter((f) => f.length >= 3)
    .map(([pid, ppid, ...args]) => ({ pid: Number(pid), ppid: Number(ppid), args: args.join(' ') }));
  const parent = new Map(rows.map((r) => [r.pid, r.ppid]));
  const below = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === root) return true;
    return false;
  };
  return rows.filter((r) => r.args.includes('mediasoup-worker') && !r.args.includes('ps -eo') && below(r.pid)).map((r) => r.pid);
}

/** Whether a process is still there (a worker orphaned by its server would be re-parented, not gone). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForHealth(url: string, timeoutMs: number): Promise<Response> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.status === 200) return res;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy');
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('the server process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-proc-'));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('starts with the embedded database, reports health, and stops on SIGTERM within 10 s leaving no worker behind', async () => {
    const port = 18000 + Math.floor(Math.random() * 1000);
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, MEDIASOUP_WORKERS: '2', RTC_PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'test' };
    delete env['DATABASE_URL']; // the embedded default
    const child = spawn(path.join(SERVER_DIR, 'node_modules/.bin/tsx'), ['src/index.ts'], {
      cwd: SERVER_DIR,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      const res = await waitForHealth(`http://127.0.0.1:${port}/api/health`, 60_000);
      const body = HealthResponseSchema.parse(await res.json());
      expect(body.status).toBe('ok');
      // Both workers answer the media self-test (details beyond the status are for admins).
      expect(body.media.selfTest?.ok).toBe(true);
      expect(new Set(body.media.selfTest?.checks.map((c) => c.worker))).toEqual(new Set([0, 1]));
      const ours = workerPids(child.pid ?? -1);
      expect(ours).toHaveLength(2);

      const t0 = Date.now();
      child.kill('SIGTERM');
      const code = await exited;
      expect(code, stderr).toBe(0);
      expect(Date.now() - t0).toBeLessThan(10_000);
      expect(ours.filter(alive)).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
