import { embeddedDataDir, openDatabase } from '@cloudclinic/server/src/db/database';
import { seedDemoData } from '@cloudclinic/server/src/db/seed/seed';

/** `make-db-template.ts <dir>`: migrate and seed an embedded database in <dir>/pglite (see db-template.ts). */
const dir = process.argv[2];
if (!dir) throw new Error('usage: make-db-template.ts <dir>');
const db = await openDatabase({ dataDir: embeddedDataDir(dir) });
await seedDemoData(db.prisma);
await db.close();
