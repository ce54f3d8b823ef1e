import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { type DataSource, type EntityManager, LessThanOrEqual } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { inTransaction } from '../../common/database/transactions.js';
import { entityColumns, hydrate, queryNamed } from '../../common/database/named-sql.js';
import { runInOrder, type Statement } from '../../common/database/prepared.js';
import {
  lastSignInOf,
  lastSignInSql,
  recordSecurityEvents,
  securityEventsStatement,
} from '../audit/audit.service.js';
import { SecurityEventType } from '../audit/security-event.types.js';
import { findUserById, type User, userColumns, userFromRow } from '../users/users.service.js';
import { SESSION_COOKIE } from './session-cookie.js';
import { UserSession } from './user-session.entity.js';

/**
 * Activity is written at most this often per session: not one write per request. A session shorter than
 * a few minutes (SESSION_IDLE_SECONDS, in tests) is touched at a quarter of its length, or activity
 * could never keep it alive.
 */
const TOUCH_INTERVAL_MS = 60_000;
function touchIntervalMs(config: AppConfig): number {
  return Math.min(TOUCH_INTERVAL_MS, config.identity.sessionIdleMs / 4);
}

export interface StartSessionInput {
  userId: string;
  ipAddress?: string | null;
  userAgent?: string | null;
  /** The token of the browser's current session, if any: it ends in the same transaction (no two sessions per browser). */
  replacesToken?: string;
}

export interface StartedSession {
  /** The random token for the cookie; only its SHA-256 is stored. */
  token: string;
  session: UserSession;
  user: User;
  /** The cookie's fixed attributes; Secure depends on the request (`isSecureRequest`). */
  cookie: { name: typeof SESSION_COOKIE; httpOnly: true; sameSite: 'lax'; path: '/' };
}

/** A live session and its person, as the request context holds them. */
export interface ActiveSession {
  session: UserSession;
  user: User;
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** When the session ends without activity: idle timeout after the last recorded activity, capped by the absolute end. */
export function idleExpiresAt(session: UserSession, config: AppConfig): Date {
  const idle = session.lastSeenAt.getTime() + config.identity.sessionIdleMs;
  return new Date(Math.min(idle, session.absoluteExpiresAt.getTime()));
}

/** A person about to sign in, and their previous sign-in (the welcome page's "last signed in"). */
export interface SigningInPerson {
  user: User;
  previousSignInAt: Date | null;
}

/**
 * The person of `userId` and their last successful sign-in (the newest SIGN_IN_SUCCEEDED of the trail, or the
 * person's `last_sign_in_at` written before decision 0035), in one statement; null for an unknown id.
 */
export async function readSigningInPerson(
  dataSource: DataSource | EntityManager,
  userId: string,
): Promise<SigningInPerson | null> {
  const source = 'driver' in dataSource ? dataSource : dataSource.connection;
  const [text, values] = source.driver.escapeQueryWithParameters(
    `SELECT ${userColumns(source, 'u', 'u_')}, ${lastSignInSql('u.id')} AS u_last_sign_in` +
      ' FROM app_user u WHERE u.id = :userId',
    { userId },
  );
  const [row] = await dataSource.query<Array<Record<string, unknown>>>(text, values);
  const user = row ? userFromRow(source, row, 'u_') : null;
  if (!user) return null;
  return { user, previousSignInAt: latest(lastSignInOf(source, row.u_last_sign_in), user.lastSignInAt) };
}

/** The later of two instants (either may be missing). */
export function latest(a: Date | null, b: Date | null): Date | null {
  if (!a || !b) return a ?? b;
  return a > b ? a : b;
}

/**
 * Opens a session for a person and records the sign-in (the previous sign-in time for the welcome page, the
 * SIGN_IN_SUCCEEDED event): the one path for every way of signing in but registration (local password and
 * sign-in partner). The session this browser held ends (the cookie rotates). `person`, when the caller read
 * it with the credential (a password sign-in), saves a statement.
 *
 * No transaction on MySQL (decision 0035): the session is inserted, then its SIGN_IN_SUCCEEDED. Should the
 * second fail, the request fails and its cookie is never sent: a session row nobody holds the token of, which
 * the periodic purge removes when it ends. On SQLite the same statements commit together (runInOrder, decision
 * 0052). Ended sessions are the periodic purge's business too (it runs every
 * few minutes), not each sign-in's. The sign-in's time is not written on the person: the trail is where it
 * is read from (readSigningInPerson). Throws FORBIDDEN (extensions.reason CREDENTIAL_REVOKED) for a revoked
 * credential and NOT_FOUND for an unknown user id.
 */
export async function startSession(
  dataSource: DataSource,
  config: AppConfig,
  input: StartSessionInput,
  person?: SigningInPerson,
): Promise<StartedSession> {
  const signingIn = person ?? (await readSigningInPerson(dataSource, input.userId));
  if (!signingIn) throw new AppError(ErrorCode.NOT_FOUND, 'errors.notFound');
  const { started, statements } = sessionStart(config, signingIn, input);
  await runInOrder(dataSource, statements);
  return started;
}

/**
 * What startSession writes, as statements for the caller to send with its own (a password sign-in gives back
 * its address's count with them: one commit on SQLite, decision 0052): the browser's previous session deleted
 * by its token's unique index (no gap lock outlives it), the new session, its SIGN_IN_SUCCEEDED. The session
 * answered is the one inserted. Throws FORBIDDEN (extensions.reason CREDENTIAL_REVOKED) for a revoked credential.
 */
export function sessionStart(
  config: AppConfig,
  { user, previousSignInAt }: SigningInPerson,
  input: StartSessionInput,
): { started: StartedSession; statements: Statement[] } {
  if (user.revokedAt)
    throw new AppError(ErrorCode.FORBIDDEN, 'errors.credentialRevoked', {}, { reason: 'CREDENTIAL_REVOKED' });
  const { token, session } = newSession(config, user, previousSignInAt, input);
  const statements: Statement[] = [];
  if (input.replacesToken)
    statements.push({
      sql: 'DELETE FROM user_session WHERE token_hash = ?',
      values: [hashSessionToken(input.replacesToken)],
    });
  statements.push(
    {
      sql:
        'INSERT INTO user_session (id, token_hash, user_id, csrf_token, created_at, last_seen_at,' +
        ' absolute_expires_at, terms_accepted_at, previous_sign_in_at, ip_address, user_agent, active_business_id)' +
        ' VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      values: [
        session.id,
        session.tokenHash,
        session.userId,
        session.csrfToken,
        session.createdAt,
        session.lastSeenAt,
        session.absoluteExpiresAt,
        session.termsAcceptedAt,
        session.previousSignInAt,
        session.ipAddress,
        session.userAgent,
        session.activeBusinessId,
      ],
    },
    securityEventsStatement([
      {
        type: SecurityEventType.SIGN_IN_SUCCEEDED,
        userId: user.id,
        ipAddress: input.ipAddress,
        occurredAt: session.createdAt,
      },
    ]),
  );
  user.lastSignInAt = session.createdAt;
  return { started: startedOf(token, session, user), statements };
}

/** A new session of `user` (not yet written) and its token. */
function newSession(
  config: AppConfig,
  user: User,
  previousSignInAt: Date | null,
  input: StartSessionInput,
): { token: string; session: UserSession } {
  const now = config.now();
  const token = randomBytes(32).toString('base64url');
  const session = Object.assign(new UserSession(), {
    id: randomUUID(),
    tokenHash: hashSessionToken(token),
    userId: user.id,
    csrfToken: randomBytes(32).toString('base64url'),
    createdAt: now,
    lastSeenAt: now,
    absoluteExpiresAt: new Date(now.getTime() + config.identity.sessionAbsoluteMs),
    termsAcceptedAt: null,
    previousSignInAt,
    ipAddress: input.ipAddress ?? null,
    userAgent: input.userAgent ? input.userAgent.slice(0, 255) : null,
    activeBusinessId: null,
  });
  return { token, session };
}

function startedOf(token: string, session: UserSession, user: User): StartedSession {
  return {
    token,
    session,
    user,
    cookie: { name: SESSION_COOKIE, httpOnly: true, sameSite: 'lax', path: '/' },
  };
}

/**
 * startSession inside the caller's transaction (registration creates the person and the session together;
 * a new person has no ended sessions to purge).
 */
export async function startSessionIn(
  manager: EntityManager,
  config: AppConfig,
  input: StartSessionInput,
): Promise<StartedSession> {
  const signingIn = await readSigningInPerson(manager, input.userId);
  if (!signingIn) throw new AppError(ErrorCode.NOT_FOUND, 'errors.notFound');
  if (signingIn.user.revokedAt)
    throw new AppError(ErrorCode.FORBIDDEN, 'errors.credentialRevoked', {}, { reason: 'CREDENTIAL_REVOKED' });
  if (input.replacesToken)
    await manager.delete(UserSession, { tokenHash: hashSessionToken(input.replacesToken) });
  return openSession(manager, config, signingIn, input);
}

/** Inserts the session and its SIGN_IN_SUCCEEDED (two statements) in the caller's transaction. */
async function openSession(
  manager: EntityManager,
  config: AppConfig,
  { user, previousSignInAt }: SigningInPerson,
  input: StartSessionInput,
): Promise<StartedSession> {
  const { token, session } = newSession(config, user, previousSignInAt, input);
  await manager.insert(UserSession, session);
  await recordSecurityEvents(manager, [
    {
      type: SecurityEventType.SIGN_IN_SUCCEEDED,
      userId: user.id,
      ipAddress: input.ipAddress,
      occurredAt: session.createdAt,
    },
  ]);
  user.lastSignInAt = session.createdAt;
  return startedOf(token, session, user);
}

/**
 * The live session of a cookie's token, with its person, in one query; null when there is none or it has
 * expired (idle or absolute), in which case the row is deleted. Records activity at most once a minute.
 * Throws nothing of its own.
 */
export async function resolveSession(
  dataSource: DataSource,
  config: AppConfig,
  token: string,
): Promise<ActiveSession | null> {
  const now = config.now();
  // One statement, the session joined with its person (a find with relations and a limit takes two).
  const [row] = await queryNamed<Array<Record<string, unknown>>>(
    dataSource,
    `SELECT ${entityColumns(dataSource, UserSession, 's', 's_')}, ${userColumns(dataSource, 'u', 'u_')}` +
      ' FROM user_session s INNER JOIN app_user u ON u.id = s.user_id WHERE s.token_hash = :hash',
    { hash: hashSessionToken(token) },
  );
  const session = row ? hydrate(dataSource, UserSession, row, 's_') : null;
  if (session) session.user = userFromRow(dataSource, row, 'u_')!;
  if (!session?.user) return null;
  if (now >= idleExpiresAt(session, config) || session.user.revokedAt) {
    await inTransaction(dataSource, (manager) => manager.delete(UserSession, { id: session.id }));
    return null;
  }
  if (now.getTime() - session.lastSeenAt.getTime() >= touchIntervalMs(config)) {
    await inTransaction(dataSource, (manager) =>
      manager.update(UserSession, { id: session.id }, { lastSeenAt: now }),
    );
    session.lastSeenAt = now;
  }
  return { session, user: session.user };
}

/**
 * Deletes every session past its idle or absolute expiry. Expired sessions already stop working when they
 * are next seen (resolveSession); this removes the ones never seen again, so that the table holds live
 * sessions only (the process runs it every few minutes). Answers how many went. Throws nothing of its own.
 */
export async function purgeExpiredSessions(dataSource: DataSource, config: AppConfig): Promise<number> {
  const now = config.now();
  const idleSince = new Date(now.getTime() - config.identity.sessionIdleMs);
  return inTransaction(dataSource, async (manager) => {
    const idle = await manager.delete(UserSession, { lastSeenAt: LessThanOrEqual(idleSince) });
    const over = await manager.delete(UserSession, { absoluteExpiresAt: LessThanOrEqual(now) });
    return (idle.affected ?? 0) + (over.affected ?? 0);
  });
}

/** Compares the X-CSRF-Token header with the session's token in constant time. */
export function csrfTokenMatches(session: UserSession, header: string | undefined | null): boolean {
  if (!header) return false;
  const expected = Buffer.from(session.csrfToken);
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Marks the portal's terms of use accepted for this session. Throws nothing of its own. */
export async function acceptTerms(
  dataSource: DataSource,
  config: AppConfig,
  session: UserSession,
): Promise<void> {
  if (session.termsAcceptedAt) return;
  const now = config.now();
  await inTransaction(dataSource, (manager) =>
    manager.update(UserSession, { id: session.id }, { termsAcceptedAt: now }),
  );
  session.termsAcceptedAt = now;
}

/**
 * Ends one session and records why (SIGNED_OUT, TERMS_DECLINED), in one transaction. Throws nothing of its
 * own.
 */
export async function endSession(
  dataSource: DataSource,
  config: AppConfig,
  active: ActiveSession,
  event: SecurityEventType,
  ipAddress: string | null,
): Promise<void> {
  const now = config.now();
  await inTransaction(dataSource, async (manager) => {
    await manager.delete(UserSession, { id: active.session.id });
    await recordSecurityEvents(manager, [
      { type: event, userId: active.user.id, ipAddress, occurredAt: now },
    ]);
  });
}

/** Ends every session of a person, or every one but `exceptSessionId`, inside the caller's transaction. */
export async function endAllSessionsIn(
  manager: EntityManager,
  userId: string,
  exceptSessionId?: string,
): Promise<void> {
  const query = manager
    .createQueryBuilder()
    .delete()
    .from(UserSession)
    .where('user_id = :userId', { userId });
  if (exceptSessionId) query.andWhere('id <> :exceptSessionId', { exceptSessionId });
  await query.execute();
}

/** Ends every session of the person, this one included (SIGNED_OUT_EVERYWHERE). Throws nothing of its own. */
export async function endAllSessions(
  dataSource: DataSource,
  config: AppConfig,
  userId: string,
  ipAddress: string | null,
): Promise<void> {
  const now = config.now();
  await inTransaction(dataSource, async (manager) => {
    await endAllSessionsIn(manager, userId);
    await recordSecurityEvents(manager, [
      { type: SecurityEventType.SIGNED_OUT_EVERYWHERE, userId, ipAddress, occurredAt: now },
    ]);
  });
}

/** Records the business the session acts for (and on the session object the request holds). */
export async function setActiveBusiness(
  dataSource: DataSource,
  session: UserSession,
  businessId: string,
): Promise<void> {
  await dataSource.getRepository(UserSession).update({ id: session.id }, { activeBusinessId: businessId });
  session.activeBusinessId = businessId;
}

/**
 * The session a background job acts with for a person (an export they started, decision 0029): no row and
 * no cookie, their user as it is now (null once revoked), the business they had active when they started it.
 */
export async function backgroundPersonSession(
  dataSource: DataSource,
  userId: string,
  businessId: string | null,
  now: Date,
): Promise<ActiveSession | null> {
  const user = await findUserById(dataSource, userId);
  if (!user || user.revokedAt) return null;
  const session = Object.assign(new UserSession(), {
    id: `background:${userId}`,
    tokenHash: '',
    userId,
    csrfToken: '',
    createdAt: now,
    lastSeenAt: now,
    absoluteExpiresAt: new Date(now.getTime() + 60 * 60_000),
    termsAcceptedAt: now,
    previousSignInAt: null,
    ipAddress: null,
    userAgent: null,
    activeBusinessId: businessId,
  });
  return { session, user };
}
