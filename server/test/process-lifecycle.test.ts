import { HealthResponseSchema } from '@cloudclinic/shared';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const SERVER_DIR = path.resolve(import.meta.dirname, '..');

function workerPids(): number[] {
  const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter((l) => l.includes('mediasoup-worker') && !l.includes('ps -eo'))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
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
    const before = new Set(workerPids());
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
      const ours = workerPids().filter((p) => !before.has(p));
      expect(ours).toHaveLength(2);

      const t0 = Date.now();
      child.kill('SIGTERM');
      const code = await exited;
      expect(code, stderr).toBe(0);
      expect(Date.now() - t0).toBeLessThan(10_000);
      const alive = ours.filter((p) => workerPids().includes(p));
      expect(alive).toEqual([]);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 90_000);
});
