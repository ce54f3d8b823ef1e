import { type DataSource, type EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { isUniqueViolation } from '../../common/database/transactions.js';
import { entityColumns, hydrate, queryNamed } from '../../common/database/named-sql.js';
import { lastSignInOf, lastSignInSql } from '../audit/audit.service.js';
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
  ensure = true,
): Promise<{ allowed: true } | { allowed: false; retryAt: Date }> {
  const windowStartedBefore = new Date(now.getTime() - config.identity.addressWindowMs);
  if (ensure) await ensureRow(dataSource, AddressThrottle, { bucket, count: 0, windowStartedAt: now });
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
 * What a claim decides from: the credential's row, the address's failure row and the person's last successful
 * sign-in (failures before it no longer count: a sign-in does not write the credential's row, decision 0035).
 */
export interface ThrottleState {
  credential: CredentialThrottle | null;
  address: AddressThrottle | null;
  lastSignInAt: Date | null;
}

/**
 * The SQL that reads a ThrottleState within a larger SELECT (`FROM (SELECT 1 AS one) k` then the joins): the
 * caller's sign-in reads the person and their throttles in one statement. `userIdSql` names the person's id
 * in the outer query (NULL when unknown). Parameters: `throttleKey`, `throttleBucket`.
 */
export function throttleStateSql(
  dataSource: DataSource,
  userIdSql: string,
): { select: string; joins: string } {
  return {
    select: [
      entityColumns(dataSource, CredentialThrottle, 'thc', 'thc_'),
      entityColumns(dataSource, AddressThrottle, 'tha', 'tha_'),
      `${lastSignInSql(userIdSql)} AS th_last_sign_in`,
    ].join(', '),
    joins:
      ' LEFT JOIN credential_throttle thc ON thc.key_hash = :throttleKey' +
      ' LEFT JOIN address_throttle tha ON tha.bucket = :throttleBucket',
  };
}

/** The parameters of throttleStateSql. */
export function throttleStateParams(keyHash: string, ipAddress: string | null): Record<string, string> {
  return { throttleKey: keyHash, throttleBucket: ipAddress ? failureBucket(ipAddress) : '' };
}

/** The ThrottleState of a row read with throttleStateSql. */
export function throttleStateOf(
  dataSource: DataSource,
  row: Record<string, unknown> | undefined,
  fallbackLastSignInAt: Date | null = null,
): ThrottleState {
  const events = lastSignInOf(dataSource, row?.th_last_sign_in);
  const lastSignInAt =
    events && fallbackLastSignInAt
      ? new Date(Math.max(events.getTime(), fallbackLastSignInAt.getTime()))
      : (events ?? fallbackLastSignInAt);
  return {
    credential: row ? hydrate(dataSource, CredentialThrottle, row, 'thc_') : null,
    address: row ? hydrate(dataSource, AddressThrottle, row, 'tha_') : null,
    lastSignInAt,
  };
}

/** Reads a ThrottleState on its own (one statement), for claims that have not read it with the person. */
export async function readThrottleState(
  dataSource: DataSource,
  keyHash: string,
  userId: string | null,
  ipAddress: string | null,
): Promise<ThrottleState> {
  const sql = throttleStateSql(dataSource, ':throttleUser');
  const [row] = await queryNamed<Array<Record<string, unknown>>>(
    dataSource,
    `SELECT ${sql.select} FROM (SELECT 1 AS one) k${sql.joins}`,
    { ...throttleStateParams(keyHash, ipAddress), throttleUser: userId },
  );
  return throttleStateOf(dataSource, row);
}

/** Takes one failure from the address's window, knowing from `state` whether its row exists. */
async function takeAddressFailure(
  dataSource: DataSource,
  config: AppConfig,
  bucket: string,
  exists: boolean,
  now: Date,
): Promise<{ allowed: true } | { allowed: false; retryAt: Date }> {
  if (!exists)
    try {
      await dataSource.getRepository(AddressThrottle).insert({ bucket, count: 1, windowStartedAt: now });
      return { allowed: true };
    } catch (error) {
      // Another attempt from this address created it a moment ago: take from it as usual.
      if (!isUniqueViolation(error)) throw error;
    }
  return takeFromWindow(dataSource, config, bucket, config.identity.addressFailureLimit, now, false);
}

/** The most times a claim reads the credential again after another attempt changed it under it. */
const CLAIM_RETRIES = 50;

/**
 * Claims one password check on the credential `keyHash` from `ipAddress`, counting it as a failure up front:
 * THROTTLED when the address used up its failures for the window, LOCKED while the credential is locked;
 * otherwise the attempt is counted (and locks the credential when it reaches the threshold) and the caller
 * may check the password. A lock that has run out, or failures older than the person's last successful
 * sign-in, start the count afresh. `now` is the caller's, so that the lock's end and the minutes the caller
 * quotes agree to the millisecond. `state`, when the caller read it with the person (throttleStateSql), saves
 * a statement. Throws nothing of its own.
 *
 * The address's count is one conditional UPDATE (decision 0021). The credential's is computed from the row
 * read and written with a compare-and-set on (failed_attempts, last_failure_at, not locked): an attempt that
 * lost the race reads the row again, so N concurrent guesses still check at most the threshold's number of
 * passwords, in 2 statements when nobody races (decision 0035).
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
  state?: ThrottleState,
): Promise<AttemptClaim> {
  let current = state ?? (await readThrottleState(dataSource, keyHash, userId, ipAddress));
  if (ipAddress) {
    const address = await takeAddressFailure(
      dataSource,
      config,
      failureBucket(ipAddress),
      current.address !== null,
      now,
    );
    if (!address.allowed)
      return { allowed: false, verdict: { blocked: true, code: 'THROTTLED', retryAt: address.retryAt } };
  }
  const threshold = config.identity.lockoutThreshold;
  const lockEnd = new Date(now.getTime() + config.identity.lockoutMs);
  const repository = dataSource.getRepository(CredentialThrottle);
  for (let attempt = 0; attempt < CLAIM_RETRIES; attempt += 1) {
    const row = current.credential;
    // A successful sign-in after the row's last claim voids its failures and any lock that claim set: what
    // clearing them at the sign-in did before decision 0035.
    const signedInSince = Boolean(
      row && current.lastSignInAt !== null && row.lastFailureAt <= current.lastSignInAt,
    );
    if (row?.lockedUntil && row.lockedUntil > now && !signedInSince) {
      await releaseAddressAttempt(dataSource, ipAddress);
      return { allowed: false, verdict: { blocked: true, code: 'LOCKED', retryAt: row.lockedUntil } };
    }
    const fresh = !row || row.lockedUntil !== null || signedInSince;
    const failedAttempts = (fresh ? 0 : row.failedAttempts) + 1;
    const lockedUntil = failedAttempts >= threshold ? lockEnd : null;
    if (!row) {
      try {
        await repository.insert({ keyHash, userId, failedAttempts, lockedUntil, lastFailureAt: now });
        return { allowed: true, failedAttempts, lockedUntil };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    } else {
      const claimed = await dataSource
        .createQueryBuilder()
        .update(CredentialThrottle)
        .set({
          failedAttempts,
          lockedUntil,
          lastFailureAt: now,
          userId: () => 'COALESCE(user_id, :userId)',
        })
        .where(
          // Every claim writes both: the pair names the version of the row this claim decided from.
          'key_hash = :keyHash AND failed_attempts = :seenAttempts AND last_failure_at = :seenFailureAt',
        )
        .setParameters({
          keyHash,
          userId,
          seenAttempts: row.failedAttempts,
          seenFailureAt: row.lastFailureAt,
        })
        .execute();
      if (claimed.affected) return { allowed: true, failedAttempts, lockedUntil };
    }
    // Another attempt changed the row since it was read: read it again.
    current = await readThrottleState(dataSource, keyHash, userId, null);
  }
  await releaseAddressAttempt(dataSource, ipAddress);
  return { allowed: false, verdict: { blocked: true, code: 'LOCKED', retryAt: lockEnd } };
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
