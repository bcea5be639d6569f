import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Environment for pnpm through corepack (pnpm itself is not installed globally). */
export function pnpmEnv(extra = {}) {
  return {
    ...process.env,
    COREPACK_ENABLE_DOWNLOAD_PROMPT: '0',
    // corepack 0.34 cannot verify the npm registry's current signing keys; integrity is still checked.
    COREPACK_INTEGRITY_KEYS: '0',
    ...extra,
  };
}

/** Run a command, inheriting stdio; resolves on exit 0, rejects otherwise. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: 'inherit', env: opts.env ?? process.env, ...opts });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${signal ?? code}`));
    });
  });
}

export function pnpm(args, opts = {}) {
  return run('corepack', ['pnpm', ...args], { ...opts, env: pnpmEnv(opts.env) });
}

/** SIGTERM to a child process; settles once it has exited (at once if it already has). */
export function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
