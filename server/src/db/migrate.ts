import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type * as PrismaMigrate from '@prisma/migrate';
import type { SchemaEngineWasm } from '@prisma/migrate';
import { ROOT_DIR } from '../config/config';

export const MIGRATIONS_DIR = path.join(ROOT_DIR, 'prisma', 'migrations');
export const SCHEMA_FILE = path.join(ROOT_DIR, 'prisma', 'schema.prisma');

const require = createRequire(import.meta.url);
// CommonJS package whose named exports Node's ESM loader cannot detect.
const prismaMigrate = require('@prisma/migrate') as typeof PrismaMigrate;

/**
 * `@prisma/internals` loads `schema_engine_bg.wasm` from its own build folder, which its npm package
 * does not ship; the file lives in `@prisma/schema-engine-wasm`. Put it where it is looked for.
 */
function provideSchemaEngineWasm(): void {
  const internalsDir = path.dirname(require.resolve('@prisma/internals/package.json', { paths: [require.resolve('@prisma/migrate')] }));
  const target = path.join(internalsDir, 'build', 'schema_engine_bg.wasm');
  if (fs.existsSync(target)) return;
  const wasmPkg = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg', { paths: [internalsDir] }));
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  fs.copyFileSync(path.join(wasmPkg, 'schema_engine_bg.wasm'), tmp);
  fs.renameSync(tmp, target);
}

function readMigrationsList() {
  const dirs = fs.existsSync(MIGRATIONS_DIR)
    ? fs.readdirSync(MIGRATIONS_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((name) => {
      const file = path.join(MIGRATIONS_DIR, name, 'migration.sql');
      return {
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: fs.existsSync(file)
            ? { tag: 'ok' as const, value: fs.readFileSync(file, 'utf8') }
            : { tag: 'error' as const, value: 'missing migration.sql' },
        },
      };
    }),
  };
}

async function withEngine<T>(url: string, fn: (engine: SchemaEngineWasm) => Promise<T>): Promise<T> {
  provideSchemaEngineWasm();
  // Our own pool, ended afterwards: the engine's stop() leaves idle connections that would keep the
  // process alive for the pool's idle timeout.
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
    const engine = await prismaMigrate.SchemaEngineWasm.setup({ adapter });
    try {
      return await fn(engine);
    } finally {
      await engine.stop();
    }
  } finally {
    await pool.end();
  }
}

const NO_FILTERS = { externalTables: [], externalEnums: [] };

/** Apply every pending migration in prisma/migrations (what `prisma migrate deploy` does), offline. */
export async function applyMigrations(url: string): Promise<string[]> {
  return withEngine(url, async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: readMigrationsList(), filters: NO_FILTERS });
    return out.appliedMigrationNames;
  });
}

/**
 * SQL that turns one schema.prisma into another (`from` null = empty database). No database is read:
 * the engine compares the two datamodels. The engine prints the script to stdout; capture it.
 */
export async function diffSchemas(url: string, from: string | null, to: string): Promise<string> {
  return withEngine(url, async (engine) => {
    const chunks: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return true;
    }) as typeof process.stdout.write;
    try {
      await engine.migrateDiff({
        from: from === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: SCHEMA_FILE, content: from }] },
        to: { tag: 'schemaDatamodel', files: [{ path: SCHEMA_FILE, content: to }] },
        script: true,
        exitCode: null,
        filters: NO_FILTERS,
      });
    } finally {
      process.stdout.write = write;
    }
    return chunks.join('');
  });
}
