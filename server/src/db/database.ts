import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded';
import { applyMigrations } from './migrate';

export type Prisma = PrismaClient;

export interface Database {
  prisma: PrismaClient;
  kind: 'pglite' | 'postgres';
  url: string;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** A PostgreSQL server; when absent, embedded PGlite is started. */
  url?: string;
  /** Where PGlite keeps its files; absent = in memory. Ignored with `url`. */
  dataDir?: string;
  migrate?: boolean;
  onMigrated?: (applied: string[]) => void;
}

/**
 * `maxConnections`: PGlite is one single-threaded Postgres behind a socket; several connections
 * interleaving extended-protocol messages confuse it ("portal does not exist"), so the embedded
 * database gets one connection and queries queue in the pool. A PostgreSQL server gets a real pool.
 */
export function createPrismaClient(url: string, maxConnections = 10): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: maxConnections });
  return new PrismaClient({ adapter });
}

export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  let embedded: EmbeddedPostgres | undefined;
  const url = opts.url ?? (embedded = await startEmbeddedPostgres(opts.dataDir)).url;
  try {
    if (opts.migrate !== false) {
      const applied = await applyMigrations(url);
      opts.onMigrated?.(applied);
    }
    const prisma = createPrismaClient(url, embedded ? 1 : 10);
    await prisma.$connect();
    return {
      prisma,
      kind: embedded ? 'pglite' : 'postgres',
      url,
      async close() {
        await prisma.$disconnect();
        await embedded?.close();
      },
    };
  } catch (err) {
    await embedded?.close();
    throw err;
  }
}

export function embeddedDataDir(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}
