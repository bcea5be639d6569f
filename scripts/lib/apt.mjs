// Debian packages the project needs at run or test time, installed when missing (as root), with a
// wait for the package lock so parallel installs (another terminal, CI) queue instead of failing.
import { spawnSync } from 'node:child_process';
import { run } from './exec.mjs';

const LOCK_WAIT = ['-o', 'DPkg::Lock::Timeout=600'];

export function missingPackages(packages) {
  return packages.filter((name) => {
    const r = spawnSync('dpkg', ['-s', name], { encoding: 'utf8' });
    return r.status !== 0 || !/^Status: install ok installed$/m.test(r.stdout);
  });
}

/** Installs what is missing of `packages`; when not root, throws naming the command to run. */
export async function aptInstall(packages, { why = 'CloudClinic' } = {}) {
  const missing = missingPackages(packages);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(`${why} needs Debian packages: ${missing.join(' ')}. Install them: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', [...LOCK_WAIT, 'update', '-qq'], { env });
  await run('apt-get', [...LOCK_WAIT, 'install', '-y', '-qq', '--no-install-recommends', ...missing], { env });
}
