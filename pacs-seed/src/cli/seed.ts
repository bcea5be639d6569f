// Stores the demo studies into a DICOMweb server: `tsx pacs-seed/src/cli/seed.ts <dicomweb-base-url>`.
import { seedDicomweb } from '../stow';

const baseUrl = process.argv[2] ?? process.env['PACS_DICOMWEB_URL'];
if (!baseUrl) {
  console.error('usage: seed.ts <DICOMweb base URL> (or set PACS_DICOMWEB_URL)');
  process.exit(2);
}
const started = Date.now();
const r = await seedDicomweb({ baseUrl, log: (m) => console.log(`  ${m}`) });
console.log(`  PACS demo studies: ${r.stored.length} stored, ${r.skipped.length} already present (${((Date.now() - started) / 1000).toFixed(1)}s)`);
