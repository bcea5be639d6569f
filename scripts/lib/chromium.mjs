import fs from 'node:fs';
import { aptInstall } from './apt.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Playwright drives Debian's Chromium (browser downloads are not possible here), with CJK fonts so
 * that screenshots of Chinese screens are readable.
 */
export async function ensureChromium() {
  await aptInstall([...(process.env.CHROMIUM_PATH ? [] : ['chromium']), 'fonts-noto-cjk'], { why: 'The end-to-end tests' });
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (set CHROMIUM_PATH)`);
  return CHROMIUM;
}
