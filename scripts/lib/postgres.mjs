// A scratch database on this machine's PostgreSQL server, for tests that run several nodes on one
// database (each run its own database, dropped afterwards). Uses the server package's `pg`.
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ROOT } from './exec.mjs';

export const DEFAULT_TEST_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

const pg = createRequire(path.join(ROOT, 'server/package.json'))('pg');

async function query(connectionString, sql) {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Creates `cc_test_<time>_<random>` on the server of `base`; `drop()` removes it (closing its connections). */
export async function createScratchDatabase(base = process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL) {
  const name = `cc_test_${Date.now()}_${crypto.randomBytes(3).toString('hex')}`;
  await query(base, `CREATE DATABASE "${name}"`).catch((err) => {
    throw new Error(`no PostgreSQL to create a scratch database on (${new URL(base).host}): ${err.message}`);
  });
  const url = new URL(base);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => query(base, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
