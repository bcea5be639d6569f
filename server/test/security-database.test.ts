import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { startTestServer, type TestServer } from './helpers/test-server';

/** TCP ports this process listens on (Linux: its socket inodes matched against /proc/net/tcp*). */
function ownListeningPorts(): number[] {
  const inodes = new Set<string>();
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/self/fd/${fd}`));
      if (m?.[1]) inodes.add(m[1]);
    } catch {
      // fd closed while listing
    }
  }
  const ports = new Set<number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!fs.existsSync(file)) continue;
    for (const line of fs.readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const [, local, , state] = cols;
      if (state === '0A' && cols[9] && inodes.has(cols[9]) && local) ports.add(parseInt(local.split(':')[1] ?? '0', 16));
    }
  }
  return [...ports];
}

/** Sends a Postgres StartupMessage (user postgres, no password); true if the peer answers like Postgres. */
function answersAsPostgres(port: number): Promise<boolean> {
  const params = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const msg = Buffer.alloc(8 + params.length);
  msg.writeInt32BE(msg.length, 0);
  msg.writeInt32BE(196608, 4);
  params.copy(msg, 8);
  return new Promise((resolve) => {
    const sock = net.connect(port, '127.0.0.1', () => sock.write(msg));
    const done = (v: boolean) => {
      sock.destroy();
      resolve(v);
    };
    sock.once('data', (d: Buffer) => done(d[0] === 'R'.charCodeAt(0) || d[0] === 'E'.charCodeAt(0)));
    sock.once('error', () => done(false));
    setTimeout(() => done(false), 1000);
  });
}

describe('embedded database: not reachable by other local processes', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(async () => {
    await srv?.close();
  });

  it('listens on a Unix socket in a 0700 directory, not on a TCP port', () => {
    expect(srv.db.kind).toBe('pglite');
    const dir = new URL(srv.db.url).searchParams.get('host') ?? '';
    expect(dir.startsWith('/')).toBe(true);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(`${dir}/.s.PGSQL.5432`).isSocket()).toBe(true);
    expect(fs.statSync(`${dir}/.s.PGSQL.5432`).mode & 0o077).toBe(0);
  });

  it('refuses an unauthenticated Postgres connection on every TCP port the server process listens on', async () => {
    const ports = ownListeningPorts();
    expect(ports).toContain(srv.port);
    for (const port of ports) expect(await answersAsPostgres(port), `port ${port}`).toBe(false);
  });

  it('still serves the app through the socket', async () => {
    const client = new pg.Client({ connectionString: srv.db.url });
    await client.connect();
    const res = await client.query<{ n: string }>('SELECT count(*)::text AS n FROM "User"');
    await client.end();
    expect(Number(res.rows[0]?.n)).toBeGreaterThan(0);
    expect((await fetch(`${srv.url}/api/health`)).status).toBe(200);
  });
});
