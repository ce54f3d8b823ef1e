import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own server process and browser; two cores do not gain from more at once.
    fileParallelism: false,
    // One retry for a journey that fails: a real browser on two busy cores has rare timing misses that a
    // second attempt shows for what they are. The retry reporter names every journey that needed it, with
    // the first attempt's error (docs/decisions/0018-browser-test-retry.md).
    retry: 1,
    reporters: ['default', './support/retry-reporter.ts'],
    env: { TZ: 'America/Toronto' },
  },
});
