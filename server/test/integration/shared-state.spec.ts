import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env.js';
import { createLogger } from '../../src/common/logger.js';
import {
  memorySharedState,
  openSharedState,
  type SharedState,
  SharedStateUnavailable,
} from '../../src/common/shared/shared-state.js';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { redisUrl, testKeyPrefix } from '../support/redis.js';

// The state app processes share (decision 0027): the cost budgets taken atomically, whichever process takes,
// and every wait on Redis bounded (a Redis away is 503, never a hang).

const log = createLogger('silent');

function redisConfig(url: string, prefix: string) {
  return loadConfig({
    REDIS_URL: url,
    REDIS_KEY_PREFIX: prefix,
    REDIS_COMMAND_TIMEOUT_MS: '300',
    REDIS_CONNECT_TIMEOUT_MS: '500',
  }).redis!;
}

const variants = redisUrl ? (['memory', 'redis'] as const) : (['memory'] as const);

describe.each(variants)('cost buckets (%s)', (kind) => {
  let a: SharedState;
  let b: SharedState;
  beforeAll(async () => {
    if (kind === 'memory') {
      a = memorySharedState();
      b = a;
    } else {
      // Two connections, as two processes have: what one takes, the other sees.
      const config = redisConfig(redisUrl!, testKeyPrefix('buckets'));
      a = await openSharedState(config, log);
      b = await openSharedState(config, log);
    }
  });
  afterAll(async () => {
    await a.close();
    if (b !== a) await b.close();
  });

  it('takes exactly what the bucket holds, whichever process takes, all at once', async () => {
    const now = new Date();
    const [one, two] = [a.costBuckets(10_000, 1), b.costBuckets(10_000, 1)];
    const takes = await Promise.all(
      Array.from({ length: 60 }, (_, i) => (i % 2 ? one : two).take('caller:all-at-once', 300, now)),
    );
    expect(takes.filter((t) => t.ok)).toHaveLength(33);
    expect((await one.take('caller:all-at-once', 0, now)).status).toEqual({
      maximumAvailable: 10_000,
      currentlyAvailable: 100,
      restoreRate: 1,
    });
    // At the bound and just over: 100 may be taken, 101 not.
    expect((await two.take('caller:all-at-once', 101, now)).ok).toBe(false);
    expect((await two.take('caller:all-at-once', 100, now)).ok).toBe(true);
    // A refund in one process is available in the other, never above the bucket's size.
    expect((await one.refund('caller:all-at-once', 50_000, now)).currentlyAvailable).toBe(10_000);
    expect((await two.take('caller:all-at-once', 0, now)).status.currentlyAvailable).toBe(10_000);
  });

  it('refills with time, and a clock behind the last take refills nothing', async () => {
    const start = new Date('2026-12-07T10:00:00Z');
    const [one, two] = [a.costBuckets(1_000, 100), b.costBuckets(1_000, 100)];
    expect((await one.take('caller:refill', 1_000, start)).ok).toBe(true);
    expect((await two.take('caller:refill', 1, new Date(start.getTime() - 5_000))).ok).toBe(false);
    const later = new Date(start.getTime() + 2_500);
    expect((await two.take('caller:refill', 0, later)).status.currentlyAvailable).toBe(250);
  });
});

describe.each(variants)('stream places (%s)', (kind) => {
  // The live bell's streams per person across the deployment (decision 0040): two connections as two
  // processes; a place is held TTL at a time, kept while its stream lives, freed on disconnect or, for a
  // process that died (it keeps nothing), once its time has passed. Times are given, not waited for.
  const TTL = 3_000;
  let a: SharedState;
  let b: SharedState;
  beforeAll(async () => {
    if (kind === 'memory') {
      a = memorySharedState();
      b = a;
    } else {
      const config = redisConfig(redisUrl!, testKeyPrefix('streams'));
      a = await openSharedState(config, log);
      b = await openSharedState(config, log);
    }
  });
  afterAll(async () => {
    await a.close();
    if (b !== a) await b.close();
  });

  it('holds at most the limit whichever process takes, and gives a place back on release', async () => {
    const now = new Date();
    const [one, two] = [a.streamSlots(TTL), b.streamSlots(TTL)];
    const taken = await Promise.all(
      Array.from({ length: 6 }, (_, i) => (i % 2 ? one : two).take('p1', 4, now)),
    );
    expect(taken.filter(Boolean)).toHaveLength(4);
    expect(await two.take('p1', 4, now)).toBeNull();
    // Another person has places of their own.
    expect(await two.take('p2', 4, now)).not.toBeNull();
    const released = taken.find(Boolean)!;
    await one.release('p1', released);
    // A keep that comes after its release (a heartbeat racing the disconnect) takes nothing back.
    await one.keep('p1', released, now);
    expect(await two.take('p1', 4, now)).not.toBeNull();
    expect(await one.take('p1', 4, now)).toBeNull();
  });

  it("frees a place nobody kept once its time has passed (a dead process's), and not a kept one", async () => {
    const start = Date.now();
    const at = (ms: number) => new Date(start + ms);
    const [one, two] = [a.streamSlots(TTL), b.streamSlots(TTL)];
    const kept = (await one.take('p3', 2, at(0)))!;
    const dead = (await one.take('p3', 2, at(0)))!;
    expect(dead).not.toBeNull();
    expect(await two.take('p3', 2, at(TTL - 1))).toBeNull();
    await one.keep('p3', kept, at(TTL - 1));
    // The unkept place has lapsed: one new place; the kept one still counts.
    const fresh = await two.take('p3', 2, at(TTL + 1));
    expect(fresh).not.toBeNull();
    expect(await two.take('p3', 2, at(TTL + 1))).toBeNull();
    // Kept until 2 TTL - 1: after that (and the fresh one's time), all free again.
    expect(await two.take('p3', 2, at(2 * TTL + 2))).not.toBeNull();
    expect(await two.take('p3', 2, at(2 * TTL + 2))).not.toBeNull();
  });
});

describe.runIf(redisUrl)('Redis away', () => {
  let proxy: TcpProxy;
  let app: TestApp;
  beforeAll(async () => {
    const target = new URL(redisUrl!);
    proxy = await startTcpProxy(target.hostname, Number(target.port || 6379));
    app = await startTestApp('sqlite', {
      env: {
        REDIS_URL: `redis://127.0.0.1:${proxy.port}`,
        REDIS_KEY_PREFIX: testKeyPrefix('away'),
        REDIS_COMMAND_TIMEOUT_MS: '300',
        REDIS_CONNECT_TIMEOUT_MS: '500',
      },
    });
  });
  afterAll(async () => {
    await app?.close();
    await proxy?.close();
  });

  it('answers 503 within the command timeout when Redis does not answer, and serves again after', async () => {
    expect((await app.gql('{ __typename }')).status).toBe(200);
    proxy.freeze();
    const started = Date.now();
    const frozen = await app.gql('{ __typename }', undefined, { 'accept-language': 'fr' });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(frozen.status).toBe(503);
    expect(frozen.body.errors?.[0]?.extensions?.code).toBe('SERVICE_UNAVAILABLE');
    expect(frozen.body.errors?.[0]?.message).toMatch(/réessayez|service/i);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ database: true, redis: false });
    proxy.thaw();
    await expect
      .poll(async () => (await app.gql('{ __typename }')).status, { timeout: 10_000, interval: 200 })
      .toBe(200);
  });

  it('refuses to start, within the connect timeout, without Redis', async () => {
    const started = Date.now();
    await expect(
      openSharedState(redisConfig('redis://127.0.0.1:1', testKeyPrefix('none')), log),
    ).rejects.toBeInstanceOf(SharedStateUnavailable);
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
