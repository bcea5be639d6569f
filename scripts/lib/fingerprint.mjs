import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from './exec.mjs';

/** SHA-256 over the contents of files and (recursively) directories, relative to the repo root. */
export function fingerprint(paths, { ignore = [] } = {}) {
  const h = crypto.createHash('sha256');
  const visit = (rel) => {
    const abs = path.join(ROOT, rel);
    if (!fs.existsSync(abs)) return h.update(`missing:${rel}\n`);
    const st = fs.statSync(abs);
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(abs).sort()) {
        if (name === 'node_modules' || name === 'dist' || ignore.includes(name)) continue;
        visit(path.join(rel, name));
      }
    } else {
      h.update(`file:${rel}\n`);
      h.update(fs.readFileSync(abs));
    }
  };
  for (const p of paths) visit(p);
  return h.digest('hex');
}

/** Skip `fn` when the fingerprint matches the stamp left by its last successful run. */
export async function unlessUnchanged(stampFile, hash, outputs, fn) {
  const stamp = path.join(ROOT, stampFile);
  const fresh = fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === hash && outputs.every((o) => fs.existsSync(path.join(ROOT, o)));
  if (fresh) return 'unchanged, skipped';
  await fn();
  fs.mkdirSync(path.dirname(stamp), { recursive: true });
  fs.writeFileSync(stamp, hash);
  return undefined;
}
