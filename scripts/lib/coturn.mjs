// A TURN relay for networks that block UDP to the SFU: Debian's coturn with `use-auth-secret` (the
// app hands out time-limited credentials derived from the shared secret). Used by the relay-only
// end-to-end test; a deployment runs its own coturn (see README, "TURN").
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { aptInstall } from './apt.mjs';
import { stopChild } from './exec.mjs';
import { freePort } from './orthanc.mjs';

export const TURNSERVER = '/usr/sbin/turnserver';
const alt = '/usr/bin/turnserver';

export async function ensureCoturn() {
  await aptInstall(['coturn'], { why: 'The TURN relay test' });
  return fs.existsSync(TURNSERVER) ? TURNSERVER : alt;
}

/**
 * Starts coturn on 127.0.0.1 (UDP and TCP on one port, relay ports 49160–49300), resolves once it
 * listens. Loopback peers are allowed because the SFU is on this machine.
 */
export async function startCoturn({ port, secret = crypto.randomBytes(24).toString('hex'), log = () => {} } = {}) {
  const bin = await ensureCoturn();
  const listenPort = port ?? (await freePort());
  const args = [
    '-n', '--no-cli', '--no-tls', '--no-dtls', '--fingerprint', '--simple-log', '--log-file=stdout',
    '--listening-ip=127.0.0.1', '--relay-ip=127.0.0.1', `--listening-port=${listenPort}`,
    '--min-port=49160', '--max-port=49300', '--realm=cloudclinic',
    '--use-auth-secret', `--static-auth-secret=${secret}`, '--allow-loopback-peers', '--no-multicast-peers',
  ];
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk.toString();
      log(chunk.toString().trimEnd());
      if (/Total General servers|relay .*initialized|IPv4\. UDP listener opened/i.test(output)) resolve();
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`coturn exited with ${code}: ${output.slice(-500)}`)));
    setTimeout(() => reject(new Error(`coturn did not start: ${output.slice(-500)}`)), 10_000).unref();
  });
  await ready;
  return {
    port: listenPort,
    secret,
    urls: [`turn:127.0.0.1:${listenPort}?transport=udp`, `turn:127.0.0.1:${listenPort}?transport=tcp`],
    pid: child.pid,
    stop: () => stopChild(child),
  };
}
