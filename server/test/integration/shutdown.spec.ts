import { describe, expect, it } from 'vitest';
import { startTestApp } from '../support/test-app.js';

describe('graceful shutdown', () => {
  it('finishes in-flight requests, then refuses new connections', async () => {
    const t = await startTestApp('sqlite');
    try {
      const inFlight = t.gql('{ slow(ms: 400) }');
      // Let the request reach the resolver before shutting down.
      await new Promise((resolve) => setTimeout(resolve, 100));
      const closing = t.app.close();
      expect((await inFlight).body).toMatchObject({ data: { slow: 'done' } });
      await closing;
      await expect(fetch(`${t.url}/healthz`)).rejects.toThrow();
    } finally {
      await t.close();
    }
  });
});
