#!/usr/bin/env node
// Stores the demo imaging studies into a DICOMweb server: `node scripts/seed-pacs.mjs <base URL>`
// (default: PACS_DICOMWEB_URL). Studies already present are skipped.
import { seedPacs } from './lib/orthanc.mjs';

const url = process.argv[2] ?? process.env.PACS_DICOMWEB_URL;
if (!url) {
  console.error('usage: node scripts/seed-pacs.mjs <DICOMweb base URL>   (or set PACS_DICOMWEB_URL)');
  process.exit(2);
}
await seedPacs(url);
