import crypto from 'node:crypto';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env['E2E_PORT'] ?? 8181);
export const BASE_URL = `http://localhost:${PORT}`;
// The e2e server's token secret, random per run; specs that forge an expired invitation read it.
process.env['E2E_JWT_SECRET'] ??= crypto.randomBytes(48).toString('base64url');

/**
 * Real Chromium (Debian's, since browser downloads are impossible here) with a fake camera and
 * microphone, against the real app started by `scripts/serve-for-e2e.mjs`.
 */
export default defineConfig({
  testDir: './specs',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_FILE'] ? [['list'], ['json', { outputFile: process.env['PLAYWRIGHT_JSON_OUTPUT_FILE'] }]] : [['list']],
  use: {
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--autoplay-policy=no-user-gesture-required',
      ],
    },
    permissions: ['camera', 'microphone'],
  },
  webServer: {
    command: 'node ../scripts/serve-for-e2e.mjs',
    url: `${BASE_URL}/api/health`,
    timeout: 240_000,
    reuseExistingServer: false,
    env: { PORT: String(PORT), JWT_SECRET: process.env['E2E_JWT_SECRET'] ?? '' },
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
