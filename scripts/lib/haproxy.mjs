// The load balancer in front of several app nodes: Debian's HAProxy. Every socket of one
// consultation room goes to the same node (the room's mediasoup router lives there): room sockets
// carry `?consultation=<id>` and are hashed on it, consistently, so a node that goes down moves only
// its own rooms; a socket told that its room lives on another node (`wrong_node`) comes back with
// `&node=<name>` and is sent there (unless that node is down). Everything else (REST, the app socket) is spread round-robin; nodes share the
// database and Redis. A node is taken out after two failed checks of /api/health/node, 1 s apart.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { aptInstall } from './apt.mjs';
import { stopChild } from './exec.mjs';

export const HAPROXY = '/usr/sbin/haproxy';

export async function ensureHaproxy() {
  await aptInstall(['haproxy'], { why: 'Several nodes behind one address' });
  return HAPROXY;
}

/** The configuration for `nodes` ({ name, host, port }) behind `bind` (e.g. `*:8080`). */
export function haproxyConfig({ bind, nodes, checkIntervalMs = 1000 }) {
  const servers = (extra) =>
    nodes.map((n) => `  server ${n.name} ${n.host ?? '127.0.0.1'}:${n.port} check inter ${checkIntervalMs} fall 2 rise 2${extra(n)}`).join('\n');
  return `global
  maxconn 4096

defaults
  mode http
  timeout connect 2s
  timeout client 60s
  timeout server 60s
  timeout tunnel 2h
  option forwardfor

frontend cloudclinic
  bind ${bind}
  acl room_socket path_beg /socket.io/ urlp(consultation) -m found
  use_backend rooms if room_socket
  default_backend app

backend app
  balance roundrobin
  option httpchk GET /api/health/node
  http-check expect status 200
${servers(() => '')}

backend rooms
  balance url_param consultation
  hash-type consistent
  option httpchk GET /api/health/node
  http-check expect status 200
${nodes.map((n) => `  use-server ${n.name} if { urlp(node) -m str ${n.name} }`).join('\n')}
${servers(() => '')}
`;
}

function listening(port, host) {
  return new Promise((resolve) => {
    const s = net.connect(port, host);
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

/** Starts HAProxy in the foreground (its own process); resolves once it accepts connections. */
export async function startHaproxy({ port, host = '127.0.0.1', nodes, checkIntervalMs, log = () => {} }) {
  const bin = await ensureHaproxy();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-haproxy-'));
  const file = path.join(dir, 'haproxy.cfg');
  fs.writeFileSync(file, haproxyConfig({ bind: `${host}:${port}`, nodes, checkIntervalMs }));
  const child = spawn(bin, ['-db', '-f', file], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const onData = (chunk) => {
    output += chunk.toString();
    log(chunk.toString().trimEnd());
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const deadline = Date.now() + 10_000;
  while (!(await listening(port, host))) {
    if (child.exitCode !== null) throw new Error(`haproxy exited with ${child.exitCode}: ${output.slice(-800)}`);
    if (Date.now() > deadline) throw new Error(`haproxy did not start: ${output.slice(-800)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
    pid: child.pid,
    stop: async () => {
      await stopChild(child);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
