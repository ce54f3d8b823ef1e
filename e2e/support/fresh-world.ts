import { afterAll, afterEach, beforeEach, expect } from 'vitest';
import { freshWorldForRetry, markTestRunning, stopLiveServers } from './server-process.js';

// Set up for every journey file (e2e/vitest.config.ts, setupFiles): a retried journey starts on fresh
// servers of its own, or fails at once when it continues an earlier journey
// (docs/decisions/0018-browser-test-retry.md).
beforeEach(async ({ task }) => {
  if ((task.result?.retryCount ?? 0) > 0) await freshWorldForRetry(expect.getState().currentTestName);
  markTestRunning(true);
});
afterEach(() => markTestRunning(false));

afterAll(stopLiveServers);
