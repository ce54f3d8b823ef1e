import { randomUUID } from 'node:crypto';

/** The Redis of the run (REDIS_URL), or undefined: its suites are skipped (global-setup says so; CI refuses). */
export const redisUrl = process.env.REDIS_URL || undefined;

/** A key prefix of its own for a test run, so that runs and files sharing one Redis never meet. */
export function testKeyPrefix(name: string): string {
  return `passerelle-test:${name}:${randomUUID().slice(0, 8)}:`;
}
