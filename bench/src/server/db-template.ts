import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The run's database template: an embedded database (PGlite) migrated and seeded with the demo
 * data, made once per run by main.ts (make-db-template.ts), on tmpfs. Each app server a figure
 * starts copies it instead of running initdb, the migrations and the seed again (seconds each on a
 * busy 2-core machine). Copies go next to the template, so removing the run folder removes all.
 */
export function tmpfsDir(): string {
  return fs.existsSync('/dev/shm') ? '/dev/shm' : os.tmpdir();
}

export function copyTemplate(template: string): string {
  const copy = fs.mkdtempSync(path.join(path.dirname(template), 'copy-'));
  fs.cpSync(template, copy, { recursive: true });
  return copy;
}
