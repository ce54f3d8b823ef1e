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
//
// An attempt is counted as a failure *before* its password is checked, by one conditional UPDATE that
// refuses it when the credential is locked or the address used up its window (decision 0021): the decision
// to check a password and the count of its failure are one statement, so N concurrent guesses check at most
// the threshold's number of passwords. A right password then gives its count back (clearFailures,
// releaseAddressAttempt). Every statement here touches one row, outside any long transaction: they cannot
// deadlock with each other.

export type ThrottleVerdict =
  { blocked: false } | { blocked: true; code: 'LOCKED' | 'THROTTLED'; retryAt: Date };

/** A claimed attempt: the password may be checked; `lockedUntil` is set when this very attempt locked it. */
export type AttemptClaim =
  | { allowed: true; failedAttempts: number; lockedUntil: Date | null }
  | { allowed: false; verdict: Extract<ThrottleVerdict, { blocked: true }> };

const failureBucket = (ip: string) => `failure:${ip}`;
const lookupBucket = (ip: string) => `lookup:${ip}`;

/** Whole minutes until `retryAt`, at least 1: what the messages say. */
export function minutesUntil(retryAt: Date, now: Date): number {
  return Math.max(1, Math.ceil((retryAt.getTime() - now.getTime()) / 60_000));
}

function windowEnd(row: AddressThrottle, config: AppConfig): Date {
  return new Date(row.windowStartedAt.getTime() + config.identity.addressWindowMs);
}

/** Creates a row if it is missing, in a statement of its own (an INSERT IGNORE inside a transaction holds a shared lock that deadlocks the UPDATE after it). */
async function ensureRow(
  dataSource: DataSource,
  entity: typeof AddressThrottle | typeof CredentialThrottle,
  values: object,
): Promise<void> {
  await dataSource.createQueryBuilder().insert().into(entity).values(values).orIgnore().execute();
}

/**
 * Takes one unit from a fixed-window bucket in one conditional UPDATE: a window that has run out starts
 * afresh; a full one refuses. Answers the window's end when refused. Throws nothing of its own.
 */
async function takeFromWindow(
  dataSource: DataSource,
  config: AppConfig,
  bucket: string,
  limit: number,
  now: Date,
): Promise<{ allowed: true } | { allowed: false; retryAt: Date }> {
  const windowStartedBefore = new Date(now.getTime() - config.identity.addressWindowMs);
  await ensureRow(dataSource, AddressThrottle, { bucket, count: 0, windowStartedAt: now });
  // `count` is assigned before `window_started_at`: MySQL reads columns already assigned in the same SET.
  const result = await dataSource
    .createQueryBuilder()
    .update(AddressThrottle)
    .set({
      count: () => 'CASE WHEN window_started_at <= :windowStartedBefore THEN 1 ELSE count + 1 END',
      windowStartedAt: () =>
        'CASE WHEN window_started_at <= :windowStartedBefore THEN :now ELSE window_started_at END',
    })
    .where('bucket = :bucket AND (window_started_at <= :windowStartedBefore OR count < :limit)')
    .setParameters({ bucket, windowStartedBefore, now, limit })
    .execute();
  if (result.affected) return { allowed: true };
  const row = await dataSource.getRepository(AddressThrottle).findOneByOrFail({ bucket });
  return { allowed: false, retryAt: windowEnd(row, config) };
}

/** Gives back an address's failure taken by claimAttempt (a right password, or a locked credential). */
export async function releaseAddressAttempt(dataSource: DataSource, ipAddress: string | null): Promise<void> {
  if (!ipAddress) return;
  await dataSource
    .createQueryBuilder()
    .update(AddressThrottle)
    .set({ count: () => 'count - 1' })
    .where('bucket = :bucket AND count > 0', { bucket: failureBucket(ipAddress) })
    .execute();
}

/**
 * Claims one password check on the credential `keyHash` from `ipAddress`, counting it as a failure up front:
 * THROTTLED when the address used up its failures for the window, LOCKED while the credential is locked;
 * otherwise the attempt is counted (and locks the credential when it reaches the threshold) and the caller
 * may check the password. A lock that has run out starts the count afresh. `now` is the caller's, so that the
 * lock's end and the minutes the caller quotes agree to the millisecond. Throws nothing of its own.
 */
export async function claimAttempt(
  dataSource: DataSource,
  config: AppConfig,
  {
    keyHash,
    userId,
    ipAddress,
    now,
  }: { keyHash: string; userId: string | null; ipAddress: string | null; now: Date },
): Promise<AttemptClaim> {
  if (ipAddress) {
    const address = await takeFromWindow(
      dataSource,
      config,
      failureBucket(ipAddress),
      config.identity.addressFailureLimit,
      now,
    );
    if (!address.allowed)
      return { allowed: false, verdict: { blocked: true, code: 'THROTTLED', retryAt: address.retryAt } };
  }
  await ensureRow(dataSource, CredentialThrottle, {
    keyHash,
    userId,
    failedAttempts: 0,
    lockedUntil: null,
    lastFailureAt: now,
  });
  const threshold = config.identity.lockoutThreshold;
  const lockEnd = new Date(now.getTime() + config.identity.lockoutMs);
  // One short transaction on one row: the UPDATEs take its lock, the SELECT reads what this attempt made of
  // it (whether it was the one that locked the credential) before anyone else can change it.
  const row = await inTransaction(dataSource, async (manager) => {
    await manager
      .createQueryBuilder()
      .update(CredentialThrottle)
      .set({ failedAttempts: 0, lockedUntil: null })
      .where('key_hash = :keyHash AND locked_until <= :now', { keyHash, now })
      .execute();
    // `locked_until` is assigned before `failed_attempts`: MySQL reads columns already assigned in the SET.
    const claimed = await manager
      .createQueryBuilder()
      .update(CredentialThrottle)
      .set({
        lockedUntil: () => 'CASE WHEN failed_attempts + 1 >= :threshold THEN :lockEnd ELSE NULL END',
        failedAttempts: () => 'failed_attempts + 1',
        lastFailureAt: now,
        userId: () => 'COALESCE(user_id, :userId)',
      })
      .where('key_hash = :keyHash AND locked_until IS NULL')
      .setParameters({ keyHash, threshold, lockEnd, userId })
      .execute();
    const current = await manager.findOneByOrFail(CredentialThrottle, { keyHash });
    return { claimed: Boolean(claimed.affected), current };
  });
  if (!row.claimed) {
    await releaseAddressAttempt(dataSource, ipAddress);
    return {
      allowed: false,
      verdict: { blocked: true, code: 'LOCKED', retryAt: row.current.lockedUntil ?? lockEnd },
    };
  }
  return {
    allowed: true,
    failedAttempts: row.current.failedAttempts,
    lockedUntil: row.current.failedAttempts >= threshold ? row.current.lockedUntil : null,
  };
}

/**
 * Forgets the credential's failures after a success. The row is reset, not deleted: a concurrent attempt
 * that made sure of the row a moment ago claims it next, and would not find a deleted one (one person
 * signing in 4 times at once on MariaDB answered INTERNAL_SERVER_ERROR about once in 15 runs). Throws nothing
 * of its own.
 */
export async function clearFailures(manager: EntityManager, keyHash: string): Promise<void> {
  await manager.update(CredentialThrottle, { keyHash }, { failedAttempts: 0, lockedUntil: null });
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
  return takeFromWindow(dataSource, config, bucket, config.identity.addressLookupLimit, config.now());
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
