/** Prepare the database: apply migrations and the demo seed. Used by `npm start` and by hand. */
import { loadConfig } from '../../config/config';
import { embeddedDataDir, openDatabase } from '../database';
import { seedDemoData } from '../seed/seed';

const config = loadConfig();
const t0 = Date.now();
const db = await openDatabase({
  ...(config.DATABASE_URL ? { url: config.DATABASE_URL } : { dataDir: embeddedDataDir(config.DATA_DIR) }),
  onMigrated: (applied) => console.log(applied.length ? `migrations applied: ${applied.join(', ')}` : 'migrations: up to date'),
});
try {
  const r = await seedDemoData(db.prisma);
  console.log(`demo data ready (${r.users} accounts, ${r.sessions} clinic sessions and ${r.appointments} appointments today) in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
} finally {
  await db.close();
}
// The WASM migration engine leaves a 10 s timer behind; nothing else is pending.
process.exit(0);
