import { randomUUID } from 'node:crypto';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { normalizeUsername } from '../../common/rules/credential-rules.js';
import { hydrate } from '../../common/database/named-sql.js';
import { User } from './user.entity.js';
import { CredentialKind, PersonRole } from './user.types.js';

/** A person's row as other modules receive it (type only: they read and write it through this service). */
export type { User } from './user.entity.js';

type Db = DataSource | EntityManager;

/** A person by id (revoked or not); null when there is none. */
export function findUserById(db: Db, id: string): Promise<User | null> {
  return db.getRepository(User).findOneBy({ id });
}

/** The persons of these ids that exist, in no particular order. */
export function findUsersByIds(db: Db, ids: readonly string[]): Promise<User[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.getRepository(User).findBy({ id: In([...ids]) });
}

/** Only the id and username of these persons (the name of people without a personal profile: officers). */
export function usernamesOf(db: Db, ids: readonly string[]): Promise<Array<Pick<User, 'id' | 'username'>>> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.getRepository(User).find({ select: { id: true, username: true }, where: { id: In([...ids]) } });
}

/** Replaces a LOCAL person's password hash. */
export async function setPasswordHash(
  manager: EntityManager,
  userId: string,
  passwordHash: string,
  now: Date,
): Promise<void> {
  await manager.update(User, { id: userId }, { passwordHash, updatedAt: now });
}

/** Marks a person's credential revoked. */
export async function revokeUser(manager: EntityManager, userId: string, now: Date): Promise<void> {
  await manager.update(User, { id: userId }, { revokedAt: now, updatedAt: now });
}

/**
 * For a statement that joins the person's table (`app_user`) under `alias`: its select list with each column
 * prefixed, and the reading of one answered row back into a person (null when the join found none).
 */
export function userColumns(
  dataSource: DataSource,
  alias: string,
  prefix: string,
  /** Database column names left out of the list (a row read back then lacks those fields). */
  omit: ReadonlySet<string> = new Set(),
): string {
  return dataSource
    .getMetadata(User)
    .columns.filter((c) => !omit.has(c.databaseName))
    .map((c) => `${alias}.${c.databaseName} AS ${prefix}${c.databaseName}`)
    .join(', ');
}
export function userFromRow(
  dataSource: DataSource,
  row: Record<string, unknown>,
  prefix: string,
): User | null {
  return hydrate(dataSource, User, row, prefix);
}

export interface PartnerIdentity {
  issuer: string;
  subject: string;
}

/**
 * The person of a sign-in partner identity, created on first sign-in (role PERSON, credential PARTNER).
 * `(issuer, subject)` is unique, so two first sign-ins at once still make one person. Throws FORBIDDEN with
 * extensions.reason CREDENTIAL_REVOKED when that person revoked the credential.
 */
export async function findOrCreatePartnerUser(
  dataSource: DataSource,
  { issuer, subject }: PartnerIdentity,
  now: Date = new Date(),
): Promise<User> {
  const find = () =>
    dataSource.getRepository(User).findOneBy({ partnerIssuer: issuer, partnerSubject: subject });
  let user = await find();
  if (!user) {
    try {
      user = await inTransaction(dataSource, async (manager) => {
        const created = manager.create(User, {
          id: randomUUID(),
          role: PersonRole.PERSON,
          credentialKind: CredentialKind.PARTNER,
          username: null,
          usernameKey: null,
          passwordHash: null,
          partnerIssuer: issuer,
          partnerSubject: subject,
          lastSignInAt: null,
          revokedAt: null,
          createdAt: now,
          updatedAt: now,
        });
        await manager.insert(User, created);
        return created;
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      user = await find();
      if (!user) throw error;
    }
  }
  if (user.revokedAt)
    throw new AppError(ErrorCode.FORBIDDEN, 'errors.credentialRevoked', {}, { reason: 'CREDENTIAL_REVOKED' });
  return user;
}

/** The LOCAL person of a username (any letter case), revoked or not; null when there is none. */
/**
 * The username key a local person of `username` would have, or null when none can (for a caller's SQL that
 * joins `app_user` on `username_key`, as findLocalUser reads it).
 */
export function localUsernameKey(username: string): string | null {
  const key = normalizeUsername(username);
  return key.length === 0 || key.length > 16 ? null : key;
}

export function findLocalUser(
  dataSource: DataSource | EntityManager,
  username: string,
): Promise<User | null> {
  const key = normalizeUsername(username);
  // A username key is at most 16 characters: anything longer cannot exist, and needs no query plan.
  if (key.length === 0 || key.length > 16) return Promise.resolve(null);
  return dataSource.getRepository(User).findOneBy({ usernameKey: key });
}

export interface NewLocalUser {
  username: string;
  passwordHash: string;
  role: PersonRole;
}

/**
 * Inserts a LOCAL person inside the caller's transaction. Throws the driver's unique violation when the
 * username is taken (any letter case, revoked usernames included): callers map it to USERNAME_TAKEN.
 */
export async function insertLocalUser(manager: EntityManager, input: NewLocalUser, now: Date): Promise<User> {
  const user = manager.create(User, {
    id: randomUUID(),
    role: input.role,
    credentialKind: CredentialKind.LOCAL,
    username: input.username,
    usernameKey: normalizeUsername(input.username),
    passwordHash: input.passwordHash,
    partnerIssuer: null,
    partnerSubject: null,
    lastSignInAt: null,
    revokedAt: null,
    createdAt: now,
    updatedAt: now,
  });
  await manager.insert(User, user);
  return user;
}

/** Whether a username is registered (any letter case, revoked ones included). */
export async function usernameExists(dataSource: DataSource, username: string): Promise<boolean> {
  return (await findLocalUser(dataSource, username)) !== null;
}
