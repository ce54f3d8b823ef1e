import { createHash, randomUUID } from 'node:crypto';
import { LessThan, type DataSource } from 'typeorm';
import { isUniqueViolation } from '../../common/database/transactions.js';
import { IdempotencyKey } from './idempotency.entities.js';

// Idempotency keys for mutations (docs/api.md "Idempotent writes", decision 0029). The key is claimed by an
// INSERT on (caller, key): the database's primary key decides which of two concurrent requests runs, on
// SQLite and MariaDB alike. The winner runs the mutation and stores its answer; the other waits for it.

/** How long a key is remembered. */
export const KEY_TTL_MS = 24 * 60 * 60_000;
/** How long a request holds its key while it runs; after it, a retry takes the key over (a crash). */
export const KEY_LEASE_MS = 60_000;
/** At most this many characters, each a visible ASCII character (0x21 to 0x7E). */
export const KEY_MAX_LENGTH = 128;
/** Answers longer than this (in UTF-8 bytes) are not kept: MariaDB's TEXT holds 65,535. */
export const RESPONSE_MAX_BYTES = 60_000;

const KEY_FORMAT = /^[\x21-\x7e]+$/;

export enum IdempotencyStatus {
  IN_PROGRESS = 'IN_PROGRESS',
  DONE = 'DONE',
}

/** Why a key is not acceptable, or null. */
export function keyProblem(key: string): 'EMPTY' | 'TOO_LONG' | 'INVALID_CHARACTERS' | null {
  if (key.length === 0) return 'EMPTY';
  if (key.length > KEY_MAX_LENGTH) return 'TOO_LONG';
  if (!KEY_FORMAT.test(key)) return 'INVALID_CHARACTERS';
  return null;
}

/** JSON with object keys sorted, so that `{a,b}` and `{b,a}` hash alike. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** The hash that says "the same request": the operation as printed (whitespace aside) and its variables. */
export function requestHash(operationText: string, operationName: string | null, variables: unknown): string {
  return createHash('sha256')
    .update(canonical({ operationText, operationName, variables: variables ?? {} }))
    .digest('hex');
}

export type Claim =
  | { kind: 'claimed'; owner: string }
  | { kind: 'replay'; response: string | null; httpStatus: number | null }
  | { kind: 'mismatch' }
  | { kind: 'busy' };

/**
 * Claims `key` for `caller` and this request, or says what holds it: the answer of the same request
 * (replay), another request (mismatch), or the same request still running (busy). An expired row is
 * deleted and the key claimed afresh; a row whose lease ran out (its request died) is taken over.
 */
export async function claimKey(
  dataSource: DataSource,
  now: Date,
  caller: string,
  key: string,
  hash: string,
): Promise<Claim> {
  const repo = dataSource.getRepository(IdempotencyKey);
  const owner = randomUUID();
  for (let attempt = 0; attempt < 5; attempt += 1) {
    try {
      await repo.insert({
        caller,
        key,
        requestHash: hash,
        status: IdempotencyStatus.IN_PROGRESS,
        leaseOwner: owner,
        leaseUntil: new Date(now.getTime() + KEY_LEASE_MS),
        response: null,
        httpStatus: null,
        createdAt: now,
        expiresAt: new Date(now.getTime() + KEY_TTL_MS),
      });
      return { kind: 'claimed', owner };
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
    const row = await repo.findOneBy({ caller, key });
    if (!row) continue; // swept or released meanwhile: try the insert again
    if (row.expiresAt <= now) {
      await repo.delete({ caller, key, expiresAt: row.expiresAt });
      continue;
    }
    if (row.requestHash !== hash) return { kind: 'mismatch' };
    if (row.status === String(IdempotencyStatus.DONE))
      return { kind: 'replay', response: row.response, httpStatus: row.httpStatus };
    if (row.leaseUntil && row.leaseUntil > now) return { kind: 'busy' };
    // The request that held it died (its lease ran out): take it over, if nobody else just did.
    const taken = await repo
      .createQueryBuilder()
      .update(IdempotencyKey)
      .set({ leaseOwner: owner, leaseUntil: new Date(now.getTime() + KEY_LEASE_MS) })
      .where('caller = :caller AND idem_key = :key AND status = :running', {
        caller,
        key,
        running: IdempotencyStatus.IN_PROGRESS,
      })
      .andWhere('(lease_until IS NULL OR lease_until <= :now)', { now })
      .execute();
    if (taken.affected) return { kind: 'claimed', owner };
    return { kind: 'busy' };
  }
  return { kind: 'busy' };
}

/** Stores the first answer of the request that holds the key. */
export async function completeKey(
  dataSource: DataSource,
  caller: string,
  key: string,
  owner: string,
  response: string,
  httpStatus: number,
): Promise<void> {
  const kept = Buffer.byteLength(response, 'utf8') <= RESPONSE_MAX_BYTES ? response : null;
  await dataSource
    .getRepository(IdempotencyKey)
    .update(
      { caller, key, leaseOwner: owner },
      { status: IdempotencyStatus.DONE, response: kept, httpStatus, leaseOwner: null, leaseUntil: null },
    );
}

/**
 * Gives the key back: the request ended in an error before or instead of its change (every mutation is one
 * transaction, so an answer without data changed nothing), and a retry should run.
 */
export async function releaseKey(
  dataSource: DataSource,
  caller: string,
  key: string,
  owner: string,
): Promise<void> {
  await dataSource.getRepository(IdempotencyKey).delete({ caller, key, leaseOwner: owner });
}

/** Deletes the keys older than 24 hours; answers how many. */
export async function sweepIdempotencyKeys(dataSource: DataSource, now: Date): Promise<number> {
  const result = await dataSource.getRepository(IdempotencyKey).delete({ expiresAt: LessThan(now) });
  return result.affected ?? 0;
}
