import { defineConfig } from 'vitest/config';

const workers = Number(process.env.E2E_WORKERS ?? 2);

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Each file starts its own server processes (on free ports, with their own DATA_DIR) and browser
    // contexts, and shares the one built app: files run side by side. A journey spends much of its time waiting on
    // the browser and the server, so two at once keep two cores busy (docs/decisions/0025).
    fileParallelism: workers > 1,
    maxWorkers: workers,
    // One process per worker for all its files (not a new one per file): each file still starts its own
    // servers and browser contexts, and the support modules' state ends with the file (afterAll in
    // support/fresh-world.ts); what a file no longer pays is a Node process, vitest's start and the imports
    // (playwright-core, axe-core), about 2 CPU-seconds a file (docs/decisions/0057), nor a Chromium launch:
    // the worker's files share one (support/browser.ts, decision 0065). E2E_ISOLATE=true runs each file in
    // its own process, with its own Chromium, again.
    isolate: process.env.E2E_ISOLATE === 'true',
    // One retry for a journey that fails: a real browser on two busy cores has rare timing misses that a
    // second attempt shows for what they are. The retry starts on fresh servers (support/fresh-world.ts), and
    // the retry reporter names every journey that needed it, with the first attempt's error
    // (docs/decisions/0018-browser-test-retry.md).
    retry: 1,
    setupFiles: ['./support/fresh-world.ts'],
    // The prepared database that each server start copies (support/global-setup.ts, decision 0047).
    globalSetup: ['./support/global-setup.ts'],
    reporters: ['default', './support/retry-reporter.ts'],
    env: { TZ: 'America/Toronto' },
  },
});
