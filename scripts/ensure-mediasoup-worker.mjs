#!/usr/bin/env node
// Ensures the mediasoup worker binary exists (builds it offline on first use; see
// scripts/lib/mediasoup-worker.mjs) and prints its path on stdout.
import { ensureMediasoupWorker } from './lib/mediasoup-worker.mjs';

try {
  const bin = await ensureMediasoupWorker({ log: (msg) => console.error(msg) });
  console.log(bin);
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
