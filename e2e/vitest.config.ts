import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own server process and browser; two cores do not gain from more at once.
    fileParallelism: false,
    env: { TZ: 'America/Toronto' },
  },
});
