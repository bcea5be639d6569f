#!/usr/bin/env node
// `npm run typecheck` / `npm run lint`: pnpm through corepack (pnpm is not installed globally).
import { pnpm } from './lib/exec.mjs';

await pnpm(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
