import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { type DataSource, type EntityManager, LessThanOrEqual } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { inTransaction } from '../../common/database/transactions.js';
import { entityColumns, hydrate, queryNamed } from '../../common/database/named-sql.js';
import { recordSecurityEvents } from '../audit/audit.service.js';
import { SecurityEventType } from '../audit/security-event.types.js';
import { findUserById, recordSignIn, type User, userColumns, userFromRow } from '../users/users.service.js';
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

/**
 * Opens a session for a person and records the sign-in (the previous sign-in time for the welcome page, the
 * SIGN_IN_SUCCEEDED event), in one transaction, with `alsoIn` (e.g. clearing the credential's failures) in
 * the same one. The one path for every way of signing in: local password, registration and sign-in partner.
 * The person's ended sessions are deleted first, outside the transaction: a range DELETE inside it holds
 * gap locks that deadlocked concurrent sign-ins of one person on MySQL. Throws FORBIDDEN (extensions.reason
 * CREDENTIAL_REVOKED) for a revoked credential and NOT_FOUND for an unknown user id.
 */
export async function startSession(
  dataSource: DataSource,
  config: AppConfig,
  input: StartSessionInput,
  alsoIn?: (manager: EntityManager) => Promise<void>,
): Promise<StartedSession> {
  await purgeEndedSessionsOf(dataSource, config, input.userId);
  // The session this browser replaces, found here so that the transaction deletes it by primary key: a
  // DELETE by a token that matches nothing would lock a gap of the index that others insert into.
  const replaced = input.replacesToken
    ? await dataSource
        .getRepository(UserSession)
        .findOne({ where: { tokenHash: hashSessionToken(input.replacesToken) }, select: { id: true } })
    : null;
  return inTransaction(dataSource, async (manager) => {
    if (replaced) await manager.delete(UserSession, { id: replaced.id });
    await alsoIn?.(manager);
    return startSessionIn(manager, config, { ...input, replacesToken: undefined });
  });
}

/** Deletes a person's sessions that have ended by themselves (housekeeping), by primary key. */
async function purgeEndedSessionsOf(
  dataSource: DataSource,
  config: AppConfig,
  userId: string,
): Promise<void> {
  const now = config.now();
  const ended = await dataSource
    .getRepository(UserSession)
    .createQueryBuilder('s')
    .select('s.id', 'id')
    .where('s.user_id = :userId AND (s.absolute_expires_at <= :now OR s.last_seen_at <= :idleSince)', {
      userId,
      now,
      idleSince: new Date(now.getTime() - config.identity.sessionIdleMs),
    })
    .getRawMany<{ id: string }>();
  if (ended.length) await dataSource.getRepository(UserSession).delete(ended.map((row) => row.id));
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
  const now = config.now();
  const user = await findUserById(manager, input.userId);
  if (!user) throw new AppError(ErrorCode.NOT_FOUND, 'errors.notFound');
  if (user.revokedAt)
    throw new AppError(ErrorCode.FORBIDDEN, 'errors.credentialRevoked', {}, { reason: 'CREDENTIAL_REVOKED' });
  if (input.replacesToken)
    await manager.delete(UserSession, { tokenHash: hashSessionToken(input.replacesToken) });
  const previousSignInAt = user.lastSignInAt;
  // The person's row first: concurrent sign-ins of one person queue here, before either inserts anything.
  await recordSignIn(manager, user.id, now);
  user.lastSignInAt = now;

  const token = randomBytes(32).toString('base64url');
  const session = manager.create(UserSession, {
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
  await manager.insert(UserSession, session);
  await recordSecurityEvents(manager, [
    {
      type: SecurityEventType.SIGN_IN_SUCCEEDED,
      userId: user.id,
      ipAddress: input.ipAddress,
      occurredAt: now,
    },
  ]);
  return {
    token,
    session,
    user,
    cookie: { name: SESSION_COOKIE, httpOnly: true, sameSite: 'lax', path: '/' },
  };
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
