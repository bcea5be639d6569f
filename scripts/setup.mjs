#!/usr/bin/env node
// Install and build everything `npm start` and `npm test` need, without starting anything.
import { setup } from './lib/setup-steps.mjs';

await setup();
