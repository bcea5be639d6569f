import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Integration suites each start a real server (database + mediasoup worker); keep the 2-core box sane.
    fileParallelism: false,
    pool: 'forks',
  },
});
