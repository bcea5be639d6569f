// Redis for the multi-node tests: Debian's redis-server, one private instance per test run on a
// free loopback port, no persistence. A deployment points REDIS_URL at its own Redis.
import { spawn } from 'node:child_process';
import { aptInstall } from './apt.mjs';
import { stopChild } from './exec.mjs';
import { freePort } from './orthanc.mjs';

export const REDIS_SERVER = '/usr/bin/redis-server';

export async function ensureRedis() {
  await aptInstall(['redis-server'], { why: 'The multi-node tests' });
  return REDIS_SERVER;
}

/** Starts redis-server on 127.0.0.1; resolves once it accepts connections. */
export async function startRedis({ port, log = () => {} } = {}) {
  const bin = await ensureRedis();
  const listenPort = port ?? (await freePort());
  const args = ['--port', String(listenPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--protected-mode', 'yes'];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      log(chunk.toString().trimEnd());
      if (/Ready to accept connections/i.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`redis-server exited with ${code}: ${output.slice(-500)}`)));
    setTimeout(() => reject(new Error(`redis-server did not start: ${output.slice(-500)}`)), 10_000).unref();
  });
  return {
    port: listenPort,
    url: `redis://127.0.0.1:${listenPort}`,
    pid: child.pid,
    stop: () => stopChild(child),
  };
}
