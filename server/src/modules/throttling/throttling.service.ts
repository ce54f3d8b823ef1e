import { type DataSource, type EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { inTransaction } from '../../common/database/transactions.js';
import { AddressThrottle, CredentialThrottle } from './throttle.entities.js';

// Brute-force protection, in two layers that both answer before any password is checked:
//  - per credential: LOCKOUT_THRESHOLD consecutive failures (sign-in, password recovery, current password)
//    lock the username for LOCKOUT_MINUTES, whether or not it exists, so a lockout reveals nothing;
//  - per client address: at most ADDRESS_FAILURE_LIMIT failures (and ADDRESS_LOOKUP_LIMIT username lookups)
//    per ADDRESS_WINDOW_MINUTES fixed window.
// Counters live in the database so that every process of a deployment shares them.

export type ThrottleVerdict =
  | {
      blocked: false;
      /** The credential has failures on record (a row to clear on success); false: nothing to clear. */
      failuresOnRecord: boolean;
    }
  | { blocked: true; code: 'LOCKED' | 'THROTTLED'; retryAt: Date };

export interface FailureOutcome {
  failedAttempts: number;
  /** Set when this failure reached the threshold: the credential is locked until then. */
  lockedUntil: Date | null;
}

const failureBucket = (ip: string) => `failure:${ip}`;
const lookupBucket = (ip: string) => `lookup:${ip}`;

/** Whole minutes until `retryAt`, at least 1: what the messages say. */
export function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}

function windowEnd(row: AddressThrottle, config: AppConfig): Date {
  return new Date(row.windowStartedAt.getTime() + config.identity.addressWindowMs);
}

/**
 * Whether an attempt on the credential `keyHash` from `ipAddress` may go ahead: THROTTLED when the address
 * used up its failures for the window, LOCKED while the credential is locked. Reads only. Throws nothing of
 * its own.
 */
export async function checkThrottles(
  dataSource: DataSource,
  config: AppConfig,
  { keyHash, ipAddress }: { keyHash: string; ipAddress: string | null },
): Promise<ThrottleVerdict> {
  const now = config.now();
  if (ipAddress) {
    const row = await dataSource
      .getRepository(AddressThrottle)
      .findOneBy({ bucket: failureBucket(ipAddress) });
    if (row && row.count >= config.identity.addressFailureLimit && windowEnd(row, config) > now)
      return { blocked: true, code: 'THROTTLED', retryAt: windowEnd(row, config) };
  }
  const credential = await dataSource.getRepository(CredentialThrottle).findOneBy({ keyHash });
  if (credential?.lockedUntil && credential.lockedUntil > now)
    return { blocked: true, code: 'LOCKED', retryAt: credential.lockedUntil };
  return { blocked: false, failuresOnRecord: credential !== null };
}

/** Reads a row for update: a row lock on MySQL; SQLite transactions are already one at a time. */
async function lockedRow<T extends object>(
  manager: EntityManager,
  entity: new () => T,
  where: Partial<T>,
): Promise<T | null> {
  const query = manager.getRepository(entity).createQueryBuilder('row').where(where);
  if (manager.connection.options.type !== 'better-sqlite3') query.setLock('pessimistic_write');
  return query.getOne();
}

async function countInWindow(
  manager: EntityManager,
  config: AppConfig,
  bucket: string,
  now: Date,
): Promise<AddressThrottle> {
  // Make sure the row exists, then update it under a row lock: concurrent failures never lose a count.
  await manager
    .createQueryBuilder()
    .insert()
    .into(AddressThrottle)
    .values({ bucket, count: 0, windowStartedAt: now })
    .orIgnore()
    .execute();
  const row = (await lockedRow(manager, AddressThrottle, { bucket }))!;
  if (windowEnd(row, config) <= now) {
    row.count = 0;
    row.windowStartedAt = now;
  }
  row.count += 1;
  await manager.update(
    AddressThrottle,
    { bucket },
    { count: row.count, windowStartedAt: row.windowStartedAt },
  );
  return row;
}

/**
 * Counts a failure against the credential and the address, inside the caller's transaction; locks the
 * credential when the failure reaches the threshold. A lock that has run out starts the count afresh.
 * `now` is the caller's, so that the lock's end and the minutes the caller quotes agree to the millisecond.
 * Throws nothing of its own.
 */
export async function recordFailure(
  manager: EntityManager,
  config: AppConfig,
  {
    keyHash,
    userId,
    ipAddress,
    now,
  }: { keyHash: string; userId: string | null; ipAddress: string | null; now: Date },
): Promise<FailureOutcome> {
  if (ipAddress) await countInWindow(manager, config, failureBucket(ipAddress), now);
  await manager
    .createQueryBuilder()
    .insert()
    .into(CredentialThrottle)
    .values({ keyHash, userId, failedAttempts: 0, lockedUntil: null, lastFailureAt: now })
    .orIgnore()
    .execute();
  const row = (await lockedRow(manager, CredentialThrottle, { keyHash }))!;
  const expired = row.lockedUntil !== null && row.lockedUntil <= now;
  const failedAttempts = (expired ? 0 : row.failedAttempts) + 1;
  const lockedUntil =
    failedAttempts >= config.identity.lockoutThreshold
      ? new Date(now.getTime() + config.identity.lockoutMs)
      : null;
  await manager.update(
    CredentialThrottle,
    { keyHash },
    { failedAttempts, lockedUntil, lastFailureAt: now, userId: userId ?? row.userId },
  );
  return { failedAttempts, lockedUntil };
}

/** Forgets the credential's failures after a success. Throws nothing of its own. */
export async function clearFailures(manager: EntityManager, keyHash: string): Promise<void> {
  await manager.delete(CredentialThrottle, { keyHash });
}

/** Ties earlier failures of a username to the person who has just registered it. Throws nothing of its own. */
export async function linkFailuresToUser(
  manager: EntityManager,
  keyHash: string,
  userId: string,
): Promise<void> {
  await manager.update(CredentialThrottle, { keyHash }, { userId });
}

/**
 * Counts one username lookup (availability, recovery challenge, a taken username at registration) for the
 * address; answers the retry time when the address used up its lookups for the window. Throws nothing of
 * its own.
 */
export async function countLookup(
  dataSource: DataSource,
  config: AppConfig,
  ipAddress: string | null,
): Promise<{ allowed: true } | { allowed: false; retryAt: Date }> {
  if (!ipAddress) return { allowed: true };
  return countInBucket(dataSource, config, lookupBucket(ipAddress));
}

/**
 * Counts one lookup in a named bucket (e.g. `employer:<userId>` for a person's employer previews), with the
 * limit and window of address lookups (ADDRESS_LOOKUP_LIMIT per ADDRESS_WINDOW_MINUTES); answers the retry
 * time when the bucket is used up. Throws nothing of its own.
 */
export async function countInBucket(
  dataSource: DataSource,
  config: AppConfig,
  bucket: string,
): Promise<{ allowed: true } | { allowed: false; retryAt: Date }> {
  const now = config.now();
  const current = await dataSource.getRepository(AddressThrottle).findOneBy({ bucket });
  if (current && current.count >= config.identity.addressLookupLimit && windowEnd(current, config) > now)
    return { allowed: false, retryAt: windowEnd(current, config) };
  await inTransaction(dataSource, (manager) => countInWindow(manager, config, bucket, now));
  return { allowed: true };
}

export interface LockedCredentialRow {
  userId: string;
  lockedUntil: Date;
  failedAttempts: number;
}

/** Credentials of existing people locked right now, soonest unlock first. Throws nothing of its own. */
export async function listLocked(dataSource: DataSource, now: Date): Promise<LockedCredentialRow[]> {
  const rows = await dataSource.getRepository(CredentialThrottle).find({
    where: { userId: Not(IsNull()), lockedUntil: MoreThan(now) },
    order: { lockedUntil: 'ASC' },
  });
  return rows.map((row) => ({
    userId: row.userId!,
    lockedUntil: row.lockedUntil!,
    failedAttempts: row.failedAttempts,
  }));
}

/**
 * Unlocks a person's credential and forgets its failures; answers whether it was locked. Throws nothing of
 * its own.
 */
export async function unlockUser(manager: EntityManager, userId: string, now: Date): Promise<boolean> {
  const rows = await manager.getRepository(CredentialThrottle).findBy({ userId });
  const wasLocked = rows.some((row) => row.lockedUntil !== null && row.lockedUntil > now);
  if (rows.length) await manager.delete(CredentialThrottle, { userId });
  return wasLocked;
}
