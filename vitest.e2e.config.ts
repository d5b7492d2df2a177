/**
 * Browser journeys (test/e2e): the real server with its own fresh database and the built web app, driven in the
 * system Chromium. One file at a time: each starts a server and a browser of its own.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    environment: 'node',
    // The first start of an empty database (once per run, in the global setup) loads every unit of shared/data.
    hookTimeout: 180_000,
    testTimeout: 120_000,
    fileParallelism: false,
    maxWorkers: 1,
    // A page change can take seconds on a busy 2-core machine; expect.poll's default of 1 s made journeys flaky.
    expect: { poll: { timeout: 15_000 } },
    env: { NODE_ENV: 'test' },
  },
});
