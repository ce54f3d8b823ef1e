import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { type Redis } from 'ioredis';
import { type DataSource } from 'typeorm';
import { type RedisConfig } from '../../config/env.js';
import { type Logger } from '../logger.js';

// What the app processes of one deployment share besides the database (docs/operations.md "Scaling out",
// decision 0027): the cost budgets of the GraphQL API and the live bell's fan-out. One interface, two
// implementations chosen at start: Redis when REDIS_URL is set, the process's memory when it is not (the
// embedded default is one process on SQLite, with nothing else to run). Sign-in throttling and lockouts are
// not here: they already live in the database (throttling.service.ts), shared by every process.
//
// Every wait on Redis is bounded (decision 0021): a connect timeout, a command timeout, no offline queue (a
// command while disconnected fails at once instead of waiting for a reconnect). A failure is thrown as
// SharedStateUnavailable, which the error handling answers as 503 SERVICE_UNAVAILABLE like a database away.

/** Redis did not answer (down, too slow, disconnected): the request answers 503 with Retry-After. */
export class SharedStateUnavailable extends Error {
  readonly code = 'SHARED_STATE_UNAVAILABLE';
  constructor(cause?: unknown) {
    super('Redis did not answer in time', { cause });
    this.name = 'SharedStateUnavailable';
  }
}

/** What a caller's budget is after a take or a refund (Shopify's throttleStatus). */
export interface BucketStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

/** Leaky buckets of points, refilled at `rate` points a second up to `size`, one per key. */
export interface CostBucketStore {
  /** Takes `cost` points if available (0 reads the status); answers whether it did and the status after. */
  take(key: string, cost: number, now: Date): Promise<{ ok: boolean; status: BucketStatus }>;
  /** Gives back points a query did not use. */
  refund(key: string, points: number, now: Date): Promise<BucketStatus>;
}

/** A message to the app processes' live-bell streams of one person. */
export interface BellSignal {
  /** The people whose bell may have changed. */
  userIds: string[];
  /** The notices just written (the streams read them through the notices service, visibility included). */
  noticeIds: string[];
}

/** Signals between the processes: published by one, heard by every process (itself included). */
export interface Fanout {
  publish(signal: BellSignal): Promise<void>;
  /** Calls `listener` with every signal naming `userId`; answers the unsubscribe function. */
  subscribe(userId: string, listener: (signal: BellSignal) => void): () => void;
}

/**
 * Places for open connections (the live bell's streams), counted per key (a person) across the deployment. A
 * place is held until a time: its holder keeps it while connected, and gives it back on disconnect; a place
 * whose process died is not kept, and frees itself once its time has passed.
 */
export interface StreamSlots {
  /** Takes one of `limit` places for `key`, held until `now + ttlMs`: answers its id, or null when all are held. */
  take(key: string, limit: number, now: Date): Promise<string | null>;
  /** Holds the place until `now + ttlMs` again (called while the connection lives). */
  keep(key: string, id: string, now: Date): Promise<void>;
  /** Gives the place back. */
  release(key: string, id: string): Promise<void>;
}

export interface SharedState {
  kind: 'memory' | 'redis';
  costBuckets(size: number, rate: number): CostBucketStore;
  /** The places of open streams, held `ttlMs` at a time. */
  streamSlots(ttlMs: number): StreamSlots;
  fanout: Fanout;
  /** Whether Redis answers within `ms` (always true in memory): /readyz. */
  ping(ms: number): Promise<boolean>;
  close(): Promise<void>;
}

// ---- In the process ----------------------------------------------------------------------------------------

/** The in-process leaky buckets (the embedded default). */
export class MemoryCostBuckets implements CostBucketStore {
  private readonly buckets = new Map<string, { available: number; at: number }>();

  constructor(
    private readonly size: number,
    private readonly rate: number,
  ) {}

  private bucket(key: string, now: number) {
    const bucket = this.buckets.get(key) ?? { available: this.size, at: now };
    if (now > bucket.at) {
      bucket.available = Math.min(this.size, bucket.available + ((now - bucket.at) / 1000) * this.rate);
      bucket.at = now;
    }
    this.buckets.set(key, bucket);
    if (this.buckets.size > 50_000) this.sweep(now);
    return bucket;
  }

  // Full buckets carry no information: forget them so that the map stays small.
  private sweep(now: number) {
    for (const [key, bucket] of this.buckets)
      if (bucket.available + ((now - bucket.at) / 1000) * this.rate >= this.size) this.buckets.delete(key);
  }

  takeNow(key: string, cost: number, now: Date): { ok: boolean; status: BucketStatus } {
    const bucket = this.bucket(key, now.getTime());
    const ok = cost <= bucket.available;
    if (ok) bucket.available -= cost;
    return { ok, status: this.status(bucket.available) };
  }

  refundNow(key: string, points: number, now: Date): BucketStatus {
    const bucket = this.bucket(key, now.getTime());
    bucket.available = Math.min(this.size, bucket.available + Math.max(0, points));
    return this.status(bucket.available);
  }

  take(key: string, cost: number, now: Date) {
    return Promise.resolve(this.takeNow(key, cost, now));
  }

  refund(key: string, points: number, now: Date) {
    return Promise.resolve(this.refundNow(key, points, now));
  }

  private status(available: number): BucketStatus {
    return { maximumAvailable: this.size, currentlyAvailable: Math.floor(available), restoreRate: this.rate };
  }
}

/** The process's stream places (the embedded default): the same rules as on Redis, in a map. */
export class MemoryStreamSlots implements StreamSlots {
  private readonly held = new Map<string, Map<string, number>>();
  private next = 0;

  constructor(private readonly ttlMs: number) {}

  private live(key: string, now: number): Map<string, number> {
    const places = this.held.get(key) ?? new Map<string, number>();
    for (const [id, until] of places) if (until <= now) places.delete(id);
    return places;
  }

  take(key: string, limit: number, now: Date): Promise<string | null> {
    const places = this.live(key, now.getTime());
    if (places.size >= limit) return Promise.resolve(null);
    const id = `${process.pid}:${++this.next}`;
    places.set(id, now.getTime() + this.ttlMs);
    this.held.set(key, places);
    return Promise.resolve(id);
  }

  keep(key: string, id: string, now: Date): Promise<void> {
    const places = this.held.get(key);
    if (places?.has(id)) places.set(id, now.getTime() + this.ttlMs);
    return Promise.resolve();
  }

  release(key: string, id: string): Promise<void> {
    const places = this.held.get(key);
    places?.delete(id);
    if (places?.size === 0) this.held.delete(key);
    return Promise.resolve();
  }
}

function memoryFanout(): Fanout {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish(signal) {
      for (const userId of new Set(signal.userIds)) emitter.emit(userId, signal);
      return Promise.resolve();
    },
    subscribe(userId, listener) {
      emitter.on(userId, listener);
      return () => emitter.off(userId, listener);
    },
  };
}

export function memorySharedState(): SharedState {
  const stores = new Map<string, MemoryCostBuckets>();
  const slots = new Map<number, MemoryStreamSlots>();
  return {
    kind: 'memory',
    // The process's buckets: asked twice with the same size and rate, the same store.
    costBuckets(size, rate) {
      const key = `${size}:${rate}`;
      const store = stores.get(key) ?? new MemoryCostBuckets(size, rate);
      stores.set(key, store);
      return store;
    },
    streamSlots(ttlMs) {
      const store = slots.get(ttlMs) ?? new MemoryStreamSlots(ttlMs);
      slots.set(ttlMs, store);
      return store;
    },
    fanout: memoryFanout(),
    ping: () => Promise.resolve(true),
    close: () => Promise.resolve(),
  };
}

// ---- On Redis ----------------------------------------------------------------------------------------------

// One take or refund is one script, run atomically by Redis: read the bucket, refill it for the time gone by,
// take (or give back), write it, and let it expire once it would be full again (a full bucket carries no
// information). The time is the calling process's clock; a process whose clock is behind the last writer's
// refills nothing rather than going back in time.
const BUCKET_SCRIPT = `
local size = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local n = tonumber(ARGV[4])
local v = redis.call('HMGET', KEYS[1], 'a', 't')
local a = tonumber(v[1])
local t = tonumber(v[2])
if a == nil or t == nil then a = size; t = now end
if now > t then a = math.min(size, a + (now - t) / 1000 * rate); t = now end
local ok = 1
if ARGV[5] == 'take' then
  if n <= a then a = a - n else ok = 0 end
else
  a = math.min(size, a + math.max(0, n))
end
redis.call('HSET', KEYS[1], 'a', tostring(a), 't', tostring(t))
redis.call('PEXPIRE', KEYS[1], math.ceil((size - a) / rate * 1000) + 1000)
return {ok, tostring(a)}
`;

// A person's stream places are one sorted set: each member a place, its score the time it is held until. A
// take drops the places whose time has passed (a dead process's), then adds one if fewer than the limit are
// held; the key expires when no place has been kept for a while. Times are the calling process's clock, as
// for the buckets.
const SLOT_TAKE_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1
`;

type SlotTakeCommand = (
  key: string,
  now: number,
  limit: number,
  until: number,
  id: string,
  ttlMs: number,
) => Promise<number>;

class RedisStreamSlots implements StreamSlots {
  constructor(
    private readonly client: Redis & { passerelleSlotTake: SlotTakeCommand },
    private readonly prefix: string,
    private readonly ttlMs: number,
  ) {}

  private key(key: string) {
    return `${this.prefix}streams:${key}`;
  }

  async take(key: string, limit: number, now: Date): Promise<string | null> {
    const id = randomUUID();
    const t = now.getTime();
    const taken = await bounded(() =>
      this.client.passerelleSlotTake(this.key(key), t, limit, t + this.ttlMs, id, this.ttlMs * 2),
    );
    return taken === 1 ? id : null;
  }

  // XX: only a place still held is kept; one given back (a keep racing the release) is not taken again.
  async keep(key: string, id: string, now: Date): Promise<void> {
    await bounded(() =>
      this.client
        .multi()
        .zadd(this.key(key), 'XX', now.getTime() + this.ttlMs, id)
        .pexpire(this.key(key), this.ttlMs * 2)
        .exec(),
    );
  }

  async release(key: string, id: string): Promise<void> {
    await bounded(() => this.client.zrem(this.key(key), id));
  }
}

type BucketCommand = (
  key: string,
  size: number,
  rate: number,
  now: number,
  points: number,
  mode: 'take' | 'refund',
) => Promise<[number, string]>;

/** Runs a Redis call, turning any failure (timeout, disconnected, refused) into SharedStateUnavailable. */
async function bounded<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw new SharedStateUnavailable(error);
  }
}

class RedisCostBuckets implements CostBucketStore {
  constructor(
    private readonly client: Redis & { passerelleBucket: BucketCommand },
    private readonly prefix: string,
    private readonly size: number,
    private readonly rate: number,
  ) {}

  private async run(key: string, points: number, now: Date, mode: 'take' | 'refund') {
    const [ok, available] = await bounded(() =>
      this.client.passerelleBucket(
        `${this.prefix}cost:${key}`,
        this.size,
        this.rate,
        now.getTime(),
        points,
        mode,
      ),
    );
    const status = {
      maximumAvailable: this.size,
      currentlyAvailable: Math.floor(Number(available)),
      restoreRate: this.rate,
    };
    return { ok: ok === 1, status };
  }

  take(key: string, cost: number, now: Date) {
    return this.run(key, cost, now, 'take');
  }

  async refund(key: string, points: number, now: Date) {
    return (await this.run(key, Math.max(0, points), now, 'refund')).status;
  }
}

function redisOptions(config: RedisConfig) {
  return {
    connectTimeout: config.connectTimeoutMs,
    commandTimeout: config.commandTimeoutMs,
    // No queue while disconnected, one try per command: a request waits a command timeout at most.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    lazyConnect: true,
    // Reconnects in the background, every second or two at most, for as long as the process lives.
    retryStrategy: (times: number) => Math.min(200 * times, 2_000),
  };
}

/** Connects to Redis (bounded by the connect timeout: a start without Redis fails, as without the database). */
export async function redisSharedState(config: RedisConfig, log: Logger): Promise<SharedState> {
  // Loaded only when REDIS_URL is set: the embedded default never loads the client (decision 0065).
  const { Redis } = await import('ioredis');
  const client = new Redis(config.url, redisOptions(config));
  client.defineCommand('passerelleBucket', { numberOfKeys: 1, lua: BUCKET_SCRIPT });
  client.defineCommand('passerelleSlotTake', { numberOfKeys: 1, lua: SLOT_TAKE_SCRIPT });
  const subscriber = new Redis(config.url, { ...redisOptions(config), commandTimeout: undefined });
  // ioredis reports connection errors as events; the commands that fail meanwhile answer 503.
  let reported = false;
  for (const connection of [client, subscriber]) {
    connection.on('error', (error: unknown) => {
      if (reported) return;
      reported = true;
      log.warn(
        { err: { type: (error as Error).name, code: (error as { code?: string }).code } },
        'redis error',
      );
    });
    connection.on('ready', () => (reported = false));
  }
  const connect = (connection: Redis) =>
    Promise.race([
      connection.connect().catch((error: unknown) => {
        throw new SharedStateUnavailable(error);
      }),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new SharedStateUnavailable()), config.connectTimeoutMs + 500).unref(),
      ),
    ]);
  try {
    await connect(client);
    await connect(subscriber);
  } catch (error) {
    client.disconnect();
    subscriber.disconnect();
    throw error;
  }

  const channelPrefix = `${config.keyPrefix}bell:`;
  const local = memoryFanout();
  // One pattern subscription per process (re-subscribed by ioredis after a reconnect); each message is handed
  // to the streams of this process that follow the people it names.
  await bounded(() => subscriber.psubscribe(`${channelPrefix}*`));
  subscriber.on('pmessage', (_pattern: string, _channel: string, message: string) => {
    try {
      void local.publish(JSON.parse(message) as BellSignal);
    } catch {
      log.warn('unreadable bell signal on redis');
    }
  });
  const fanout: Fanout = {
    async publish(signal) {
      await bounded(() => client.publish(`${channelPrefix}signal`, JSON.stringify(signal)));
    },
    subscribe: (userId, listener) => local.subscribe(userId, listener),
  };
  return {
    kind: 'redis',
    costBuckets: (size, rate) =>
      new RedisCostBuckets(
        client as Redis & { passerelleBucket: BucketCommand },
        config.keyPrefix,
        size,
        rate,
      ),
    streamSlots: (ttlMs) =>
      new RedisStreamSlots(
        client as Redis & { passerelleSlotTake: SlotTakeCommand },
        config.keyPrefix,
        ttlMs,
      ),
    fanout,
    async ping(ms) {
      try {
        await Promise.race([
          client.ping(),
          new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref()),
        ]);
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      // A polite QUIT, at most a command timeout long; then the sockets are closed whatever Redis does.
      await Promise.race([
        Promise.allSettled([client.quit(), subscriber.quit()]),
        new Promise((resolve) => setTimeout(resolve, config.commandTimeoutMs).unref()),
      ]);
      client.disconnect();
      subscriber.disconnect();
    },
  };
}

/** The shared state the configuration asks for: Redis when REDIS_URL is set, else the process's memory. */
export function openSharedState(redis: RedisConfig | null, log: Logger): Promise<SharedState> {
  return redis ? redisSharedState(redis, log) : Promise.resolve(memorySharedState());
}

// The data source's fan-out, bound where it is opened (as the event subscribers are): writers of notices
// reach it through their transaction's manager, without a process-wide variable.
const fanouts = new WeakMap<DataSource, Fanout>();

export function bindFanout(dataSource: DataSource, fanout: Fanout): void {
  fanouts.set(dataSource, fanout);
}

export function fanoutOf(dataSource: DataSource): Fanout | undefined {
  return fanouts.get(dataSource);
}
