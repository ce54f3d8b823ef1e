import { type DataSource, type EntityManager, IsNull, MoreThan, Not } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { isUniqueViolation } from '../../common/database/transactions.js';
import {
  instantOf,
  runInOrder,
  runStatement,
  type Row,
  type Statement,
} from '../../common/database/prepared.js';
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
  if (ensure) await ensureRow(dataSource, AddressThrottle, { bucket, count: 0, windowStartedAt: now });
  const result = await runStatement(dataSource, windowStatement(config, bucket, limit, now));
  if (result.changes) return { allowed: true };
  const row = await dataSource.getRepository(AddressThrottle).findOneByOrFail({ bucket });
  return { allowed: false, retryAt: windowEnd(row, config) };
}

/**
 * Takes one unit from a fixed-window bucket (changes 1) or refuses (changes 0): a window that has run out starts
 * afresh. `count` is assigned before `window_started_at`: MySQL reads columns already assigned in the same SET.
 */
function windowStatement(config: AppConfig, bucket: string, limit: number, now: Date): Statement {
  const windowStartedBefore = new Date(now.getTime() - config.identity.addressWindowMs);
  return {
    sql:
      'UPDATE address_throttle SET count = CASE WHEN window_started_at <= ? THEN 1 ELSE count + 1 END,' +
      ' window_started_at = CASE WHEN window_started_at <= ? THEN ? ELSE window_started_at END' +
      ' WHERE bucket = ? AND (window_started_at <= ? OR count < ?)',
    values: [windowStartedBefore, windowStartedBefore, now, bucket, windowStartedBefore, limit],
  };
}

/** The statement that gives back an address's failure taken by claimAttempt (null: no address). */
export function releaseAddressStatement(ipAddress: string | null): Statement | null {
  if (!ipAddress) return null;
  return {
    sql: 'UPDATE address_throttle SET count = count - 1 WHERE bucket = ? AND count > 0',
    values: [failureBucket(ipAddress)],
  };
}

/** Gives back an address's failure taken by claimAttempt (a right password, or a locked credential). */
export async function releaseAddressAttempt(dataSource: DataSource, ipAddress: string | null): Promise<void> {
  const release = releaseAddressStatement(ipAddress);
  if (release) await runStatement(dataSource, release);
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
 * in the outer query (NULL when unknown). Its `?` placeholders: those of `userIdSql` (in `select`), then
 * `throttleStateValues` (in `joins`).
 */
export function throttleStateSql(userIdSql: string): { select: string; joins: string } {
  return {
    select:
      'thc.key_hash AS thc_key_hash, thc.user_id AS thc_user_id, thc.failed_attempts AS thc_failed_attempts,' +
      ' thc.locked_until AS thc_locked_until, thc.last_failure_at AS thc_last_failure_at,' +
      ' tha.bucket AS tha_bucket, tha.count AS tha_count, tha.window_started_at AS tha_window_started_at,' +
      ` ${lastSignInSql(userIdSql)} AS th_last_sign_in`,
    joins:
      ' LEFT JOIN credential_throttle thc ON thc.key_hash = ?' +
      ' LEFT JOIN address_throttle tha ON tha.bucket = ?',
  };
}

/** The values of throttleStateSql's joins. */
export function throttleStateValues(keyHash: string, ipAddress: string | null): [string, string] {
  return [keyHash, ipAddress ? failureBucket(ipAddress) : ''];
}

/** The ThrottleState of a row read with throttleStateSql. */
export function throttleStateOf(
  dataSource: DataSource,
  row: Row | undefined,
  fallbackLastSignInAt: Date | null = null,
): ThrottleState {
  const events = lastSignInOf(dataSource, row?.th_last_sign_in);
  const lastSignInAt =
    events && fallbackLastSignInAt
      ? new Date(Math.max(events.getTime(), fallbackLastSignInAt.getTime()))
      : (events ?? fallbackLastSignInAt);
  const credential =
    row?.thc_key_hash == null
      ? null
      : Object.assign(new CredentialThrottle(), {
          keyHash: row.thc_key_hash as string,
          userId: (row.thc_user_id as string | null) ?? null,
          failedAttempts: Number(row.thc_failed_attempts),
          lockedUntil: instantOf(row.thc_locked_until),
          lastFailureAt: instantOf(row.thc_last_failure_at)!,
        });
  const address =
    row?.tha_bucket == null
      ? null
      : Object.assign(new AddressThrottle(), {
          bucket: row.tha_bucket as string,
          count: Number(row.tha_count),
          windowStartedAt: instantOf(row.tha_window_started_at)!,
        });
  return { credential, address, lastSignInAt };
}

/** Reads a ThrottleState on its own (one statement), for claims that have not read it with the person. */
export async function readThrottleState(
  dataSource: DataSource,
  keyHash: string,
  userId: string | null,
  ipAddress: string | null,
): Promise<ThrottleState> {
  const sql = throttleStateSql('?');
  const { rows } = await runStatement(dataSource, {
    sql: `SELECT ${sql.select} FROM (SELECT 1 AS one) k${sql.joins}`,
    values: [userId, ...throttleStateValues(keyHash, ipAddress)],
  });
  return throttleStateOf(dataSource, rows[0]);
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

/** What a claim decides from the credential's row as read: refused (locked), or the count and lock it writes. */
type CredentialDecision =
  { lockedUntil: Date; refused: true } | { refused: false; failedAttempts: number; lockedUntil: Date | null };

function decide(state: ThrottleState, now: Date, threshold: number, lockEnd: Date): CredentialDecision {
  const row = state.credential;
  // A successful sign-in after the row's last claim voids its failures and any lock that claim set: what
  // clearing them at the sign-in did before decision 0035.
  const signedInSince = Boolean(
    row && state.lastSignInAt !== null && row.lastFailureAt <= state.lastSignInAt,
  );
  if (row?.lockedUntil && row.lockedUntil > now && !signedInSince)
    return { refused: true, lockedUntil: row.lockedUntil };
  const fresh = !row || row.lockedUntil !== null || signedInSince;
  const failedAttempts = (fresh ? 0 : row.failedAttempts) + 1;
  return { refused: false, failedAttempts, lockedUntil: failedAttempts >= threshold ? lockEnd : null };
}

/**
 * The compare-and-set of a credential's claim: writes the count and lock decided from `row` only if the row is
 * still the version read. Every claim writes both: the pair names the version of the row this claim decided from.
 */
function credentialClaimStatement(
  row: CredentialThrottle,
  userId: string | null,
  decided: { failedAttempts: number; lockedUntil: Date | null },
  now: Date,
): Statement {
  return {
    sql:
      'UPDATE credential_throttle SET failed_attempts = ?, locked_until = ?, last_failure_at = ?,' +
      ' user_id = COALESCE(user_id, ?) WHERE key_hash = ? AND failed_attempts = ? AND last_failure_at = ?',
    values: [
      decided.failedAttempts,
      decided.lockedUntil,
      now,
      userId,
      row.keyHash,
      row.failedAttempts,
      row.lastFailureAt,
    ],
  };
}

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
 * passwords, in 2 statements when nobody races (decision 0035). When both rows were read, the two statements
 * run in order through runInOrder (one commit on SQLite, decision 0052); the credential's only if the
 * address's took.
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
  const threshold = config.identity.lockoutThreshold;
  const lockEnd = new Date(now.getTime() + config.identity.lockoutMs);
  let addressTaken = !ipAddress;
  const first = decide(current, now, threshold, lockEnd);
  if (ipAddress && current.address && current.credential && !first.refused) {
    // The usual claim (both rows exist): the address's UPDATE, then the credential's compare-and-set.
    const [address, credential] = await runInOrder(dataSource, [
      {
        ...windowStatement(config, failureBucket(ipAddress), config.identity.addressFailureLimit, now),
        next: (ran) => ran.changes > 0,
      },
      credentialClaimStatement(current.credential, userId, first, now),
    ]);
    addressTaken = address.changes > 0;
    if (credential?.changes)
      return { allowed: true, failedAttempts: first.failedAttempts, lockedUntil: first.lockedUntil };
    // Another attempt changed the credential's row since it was read: read it again below.
    if (credential) current = await readThrottleState(dataSource, keyHash, userId, null);
  }
  if (ipAddress && !addressTaken) {
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
  const repository = dataSource.getRepository(CredentialThrottle);
  for (let attempt = 0; attempt < CLAIM_RETRIES; attempt += 1) {
    const row = current.credential;
    const decided = decide(current, now, threshold, lockEnd);
    if (decided.refused) {
      await releaseAddressAttempt(dataSource, ipAddress);
      return { allowed: false, verdict: { blocked: true, code: 'LOCKED', retryAt: decided.lockedUntil } };
    }
    const { failedAttempts, lockedUntil } = decided;
    if (!row) {
      try {
        await repository.insert({ keyHash, userId, failedAttempts, lockedUntil, lastFailureAt: now });
        return { allowed: true, failedAttempts, lockedUntil };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    } else {
      const claimed = await runStatement(dataSource, credentialClaimStatement(row, userId, decided, now));
      if (claimed.changes) return { allowed: true, failedAttempts, lockedUntil };
    }
    // Another attempt changed the row since it was read: read it again.
    current = await readThrottleState(dataSource, keyHash, userId, null);
  }
  await releaseAddressAttempt(dataSource, ipAddress);
  return { allowed: false, verdict: { blocked: true, code: 'LOCKED', retryAt: lockEnd } };
}

/** The statement that forgets a credential's failures after a success (see clearFailures). */
export function clearFailuresStatement(keyHash: string): Statement {
  return {
    sql: 'UPDATE credential_throttle SET failed_attempts = 0, locked_until = NULL WHERE key_hash = ?',
    values: [keyHash],
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
