import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  /** The private directory holding the Unix socket (mode 0700). */
  socketDir: string;
  close(): Promise<void>;
}

/** libpq / node-postgres name the socket after the port: `<dir>/.s.PGSQL.5432`. */
const SOCKET_NAME = '.s.PGSQL.5432';

/**
 * Embedded PostgreSQL: PGlite (Postgres compiled to WASM) served over the Postgres wire protocol, so
 * Prisma's pg adapter and the migration engine talk to it like to any server. PGlite asks for no
 * password, so it listens on no TCP port at all: only on a Unix socket inside a fresh directory of
 * mode 0700 (created under the system temp dir, whose short path keeps within the 107-byte socket
 * limit; removed on close), which no other local user can enter.
 * `dataDir` undefined keeps the database in memory (tests).
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  if (dataDir) fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = await PGlite.create(dataDir ? { dataDir } : {});
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cloudclinic-db-'));
  fs.chmodSync(socketDir, 0o700);
  const socketPath = path.join(socketDir, SOCKET_NAME);
  const server = new PGLiteSocketServer({ db, path: socketPath, maxConnections: 16 });
  try {
    await server.start();
    fs.chmodSync(socketPath, 0o600);
  } catch (err) {
    await db.close();
    fs.rmSync(socketDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: `postgresql://postgres@localhost/postgres?host=${socketDir}&sslmode=disable`,
    socketDir,
    async close() {
      await server.stop();
      await db.close();
      fs.rmSync(socketDir, { recursive: true, force: true });
    },
  };
}
