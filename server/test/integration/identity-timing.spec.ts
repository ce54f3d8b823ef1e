import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/databases.js';
import { codes, seedUser, signIn } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

describe.each(drivers)('sign-in timing of unknown usernames on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    // No lockout or throttling in the way: this file measures the password check alone.
    t = await startTestApp(driver, { env: { LOCKOUT_THRESHOLD: '100', ADDRESS_FAILURE_LIMIT: '1000' } });
    await seedUser(t.dataSource, 'Chrono2026');
  });
  afterAll(async () => t?.close());

  it('costs about the same for an unknown username as for a known one with a wrong password', async () => {
    const client = t.client();
    const time = async (username: string) => {
      const started = performance.now();
      const result = await signIn(client, username, 'Wrong0pass');
      const elapsed = performance.now() - started;
      expect(codes(result)).toEqual(['INVALID_CREDENTIALS']);
      return elapsed;
    };
    // Warm up both paths (the dummy hash is made on first use).
    await time('Chrono2026');
    await time('Absent2026');
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 9; i++) {
      known.push(await time('Chrono2026'));
      unknown.push(await time(`Absent${i}x2026`));
    }
    const [a, b] = [median(known), median(unknown)];
    // Both verify an argon2id hash (19 MiB, 2 passes): neither can answer in a few milliseconds.
    expect(Math.min(a, b)).toBeGreaterThan(5);
    expect(Math.max(a, b) / Math.min(a, b)).toBeLessThan(2);
  });
});
