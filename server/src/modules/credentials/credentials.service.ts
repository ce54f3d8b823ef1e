import { type DataSource, type EntityManager } from 'typeorm';
import { type ClientInfo } from '../../app/context.js';
import { type AppConfig } from '../../config/env.js';
import { AppError, ErrorCode } from '../../common/errors/app-error.js';
import { fieldProblems, formProblem, type Problem } from '../../common/errors/problems.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { runInOrder, runStatement, type Statement } from '../../common/database/prepared.js';
import {
  collapseSpaces,
  normalizeRecoveryAnswer,
  usernameProblems,
} from '../../common/rules/credential-rules.js';
import { agencyDay } from '../../common/time/agency-date.js';
import { recordSecurityEvents, type SecurityEventInput } from '../audit/audit.service.js';
import { SecurityEventType } from '../audit/security-event.types.js';
import {
  endAllSessionsIn,
  sessionStart,
  startSessionIn,
  type ActiveSession,
  type StartedSession,
} from '../sessions/session.service.js';
import {
  claimAttempt,
  clearFailures,
  clearFailuresStatement,
  countLookup,
  linkFailuresToUser,
  minutesUntil,
  releaseAddressAttempt,
  releaseAddressStatement,
  throttleStateOf,
  throttleStateSql,
  throttleStateValues,
  type ThrottleState,
  type ThrottleVerdict,
} from '../throttling/throttling.service.js';
import { CredentialKind, PersonRole } from '../users/user.types.js';
import {
  findLocalUser,
  insertLocalUser,
  localUsernameKey,
  revokeUser,
  setPasswordHash,
  type User,
  userColumns,
  userFromRow,
  usernameExists,
} from '../users/users.service.js';
import { CredentialRecovery } from './credential-recovery.entity.js';
import {
  newPasswordProblems,
  newUsernameProblems,
  recoveryProblems,
  requiredProblems,
  type RecoveryValues,
} from './credential-validation.js';
import { hashSecret, verifySecret } from './password-hashing.js';
import { RECOVERY_QUESTIONS } from './recovery-questions.js';
import { identitySecret, usernameDigest } from './server-secret.service.js';

// Local credentials: registration, sign-in, password change and recovery, revocation. The rules live in
// common/rules/credential-rules.ts (shared with the client); this module adds what needs the database:
// uniqueness, hashing, throttling, sessions and the audit trail. Password checks never happen inside a
// transaction (argon2 takes tens of milliseconds, and SQLite runs one transaction at a time).

/** What a service answers: the value, or the problems to return as userErrors. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });
const fail = <T>(problems: Problem[]): Outcome<T> => ({ ok: false, problems });

/** Throttling keys are HMACs of the normalised username: the same for every letter case, stored as nothing typed. */
async function throttleKey(dataSource: DataSource, config: AppConfig, username: string): Promise<string> {
  return usernameDigest(await identitySecret(dataSource, config), 'throttle', username);
}

function blockedProblem(verdict: Extract<ThrottleVerdict, { blocked: true }>, now: Date): Problem {
  return formProblem(verdict.code, { minutes: minutesUntil(verdict.retryAt, now) });
}

function throttledError(retryAt: Date, now: Date): AppError {
  return new AppError(
    ErrorCode.THROTTLED,
    'errors.throttled',
    { minutes: minutesUntil(retryAt, now) },
    { retryAt: retryAt.toISOString() },
  );
}

/**
 * Claims one check of a secret of the credential `keyHash` (claimAttempt: counted as a failure before the
 * check, refused while locked or throttled): answers the LOCKED or THROTTLED problem, or null when the
 * caller may check, with what to say when the check then fails.
 */
async function claimCheck(
  dataSource: DataSource,
  config: AppConfig,
  attempt: { keyHash: string; user: User | null; client: ClientInfo; now: Date },
  state?: ThrottleState,
): Promise<{ refused: Problem } | { refused: null; lockedUntil: Date | null; failedAttempts: number }> {
  const claim = await claimAttempt(
    dataSource,
    config,
    {
      keyHash: attempt.keyHash,
      userId: attempt.user?.id ?? null,
      ipAddress: attempt.client.ipAddress,
      now: attempt.now,
    },
    state,
  );
  if (!claim.allowed) return { refused: blockedProblem(claim.verdict, attempt.now) };
  return { refused: null, lockedUntil: claim.lockedUntil, failedAttempts: claim.failedAttempts };
}

/** Gives back a claimed attempt whose secret was right: the credential's failures go, the address's count too. */
async function releaseClaim(dataSource: DataSource, keyHash: string, client: ClientInfo): Promise<void> {
  await inTransaction(dataSource, (manager) => clearFailures(manager, keyHash));
  await releaseAddressAttempt(dataSource, client.ipAddress);
}

/**
 * Records a failed check (already counted by claimCheck) in the audit trail, with CREDENTIAL_LOCKED when its
 * claim locked the credential; answers the LOCKED problem then.
 */
async function countFailure(
  dataSource: DataSource,
  failure: {
    user: User | null;
    client: ClientInfo;
    event: SecurityEventType | null;
    lockedUntil: Date | null;
    now: Date;
  },
): Promise<Problem | null> {
  const { now, lockedUntil } = failure;
  const userId = failure.user?.id ?? null;
  const events: SecurityEventInput[] = [];
  if (failure.event)
    events.push({ type: failure.event, userId, ipAddress: failure.client.ipAddress, occurredAt: now });
  if (lockedUntil)
    events.push({
      type: SecurityEventType.CREDENTIAL_LOCKED,
      userId,
      ipAddress: failure.client.ipAddress,
      occurredAt: now,
    });
  // One multi-row INSERT: atomic without a transaction.
  if (events.length) await recordSecurityEvents(dataSource.manager, events);
  return lockedUntil ? formProblem('LOCKED', { minutes: minutesUntil(lockedUntil, now) }) : null;
}

interface RecoveryHashes {
  questionId: string;
  answerHash: string;
  memorablePersonHash: string;
  memorablePersonHint: string | null;
  memorableDateHash: string;
  memorableDateHint: string | null;
}

/** Hashes the three recovery secrets (in parallel) and tidies the hints. */
async function hashRecovery(recovery: RecoveryValues): Promise<RecoveryHashes> {
  const [answerHash, memorablePersonHash, memorableDateHash] = await Promise.all([
    hashSecret(normalizeRecoveryAnswer(recovery.answer)),
    hashSecret(normalizeRecoveryAnswer(recovery.memorablePerson)),
    hashSecret(recovery.memorableDate.trim()),
  ]);
  const hint = (value: string | null | undefined) => (value && collapseSpaces(value)) || null;
  return {
    questionId: recovery.questionId,
    answerHash,
    memorablePersonHash,
    memorablePersonHint: hint(recovery.memorablePersonHint),
    memorableDateHash,
    memorableDateHint: hint(recovery.memorableDateHint),
  };
}

async function saveRecovery(
  manager: EntityManager,
  userId: string,
  hashes: RecoveryHashes,
  now: Date,
): Promise<void> {
  await manager.delete(CredentialRecovery, { userId });
  await manager.insert(CredentialRecovery, { userId, ...hashes, updatedAt: now });
}

// ---------------------------------------------------------------------------------------------------------

export interface RegisterLocalCredentialValues {
  acceptTerms: boolean;
  username: string;
  password: string;
  passwordConfirmation: string;
  recovery: RecoveryValues;
}

/**
 * Registers a local credential and signs the person in: validates every field at once (the shared rules),
 * refuses a taken username (any letter case, revoked ones included: USERNAME_TAKEN, counted as a username
 * lookup for the address: THROTTLED), hashes the password and recovery answers, then creates the person,
 * the recovery questions and the session in one transaction. Answers problems, throws nothing of its own.
 */
export async function registerLocalCredential(
  dataSource: DataSource,
  config: AppConfig,
  input: RegisterLocalCredentialValues,
  client: ClientInfo,
  replacesToken?: string,
): Promise<Outcome<StartedSession>> {
  const now = config.now();
  const problems = [
    ...fieldProblems(
      ['input', 'acceptTerms'],
      'acceptTerms',
      input.acceptTerms ? [] : ['TERMS_NOT_ACCEPTED'],
    ),
    ...newUsernameProblems(input.username, ['input', 'username']),
    ...newPasswordProblems(input.password, input.passwordConfirmation, input.username, {
      password: ['input', 'password'],
      confirmation: ['input', 'passwordConfirmation'],
    }),
    ...recoveryProblems(input.recovery, ['input', 'recovery'], agencyDay(now)),
  ];
  if (problems.length) return fail(problems);

  const taken = fail<StartedSession>(fieldProblems(['input', 'username'], 'username', ['USERNAME_TAKEN']));
  const lookup = await countLookup(dataSource, config, client.ipAddress);
  if (!lookup.allowed)
    return fail([formProblem('THROTTLED', { minutes: minutesUntil(lookup.retryAt, now) })]);
  if (await usernameExists(dataSource, input.username)) return taken;

  const [passwordHash, recovery, keyHash] = await Promise.all([
    hashSecret(input.password),
    hashRecovery(input.recovery),
    throttleKey(dataSource, config, input.username),
  ]);
  try {
    const started = await inTransaction(dataSource, async (manager) => {
      const user = await insertLocalUser(
        manager,
        { username: input.username, passwordHash, role: PersonRole.PERSON },
        now,
      );
      await saveRecovery(manager, user.id, recovery, now);
      await linkFailuresToUser(manager, keyHash, user.id);
      return startSessionIn(manager, config, {
        userId: user.id,
        ipAddress: client.ipAddress,
        userAgent: client.userAgent,
        replacesToken,
      });
    });
    return ok(started);
  } catch (error) {
    // Someone registered the same username between the check and the insert.
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}

/** readSignIn's SQL, built once per data source (the person's columns come from its metadata). */
const signInSql = new WeakMap<DataSource, string>();

/**
 * A password sign-in's one read: the local person of the username (if any), the credential's and the
 * address's throttle rows and the person's last successful sign-in, in one statement.
 */
async function readSignIn(
  dataSource: DataSource,
  username: string,
  keyHash: string,
  ipAddress: string | null,
): Promise<{ user: User | null; state: ThrottleState }> {
  let sql = signInSql.get(dataSource);
  if (!sql) {
    const throttles = throttleStateSql('u.id');
    sql =
      `SELECT ${userColumns(dataSource, 'u', 'u_')}, ${throttles.select} FROM (SELECT 1 AS one) k` +
      ` LEFT JOIN app_user u ON u.username_key = ?${throttles.joins}`;
    signInSql.set(dataSource, sql);
  }
  const { rows } = await runStatement(dataSource, {
    sql,
    // A username that cannot exist matches no key ('' is never one).
    values: [localUsernameKey(username) ?? '', ...throttleStateValues(keyHash, ipAddress)],
  });
  const [row] = rows;
  const user = row ? userFromRow(dataSource, row, 'u_') : null;
  return { user, state: throttleStateOf(dataSource, row, user?.lastSignInAt ?? null) };
}

/**
 * Signs in with a username and password. Unknown usernames cost the same as known ones (a verify against a
 * dummy hash) and get the same answer (INVALID_CREDENTIALS); failures count toward the lockout of the
 * username (LOCKED) and the address (THROTTLED) whether or not it exists. A revoked credential with its
 * right password answers CREDENTIAL_REVOKED. Answers problems, throws nothing of its own.
 */
export async function signInLocal(
  dataSource: DataSource,
  config: AppConfig,
  input: { username: string; password: string },
  client: ClientInfo,
  replacesToken?: string,
): Promise<Outcome<StartedSession>> {
  const problems = [
    ...requiredProblems(input.username, ['input', 'username'], 'username'),
    ...(input.password.length === 0 ? fieldProblems(['input', 'password'], 'password', ['REQUIRED']) : []),
  ];
  if (problems.length) return fail(problems);

  const now = config.now();
  const keyHash = await throttleKey(dataSource, config, input.username);
  const { user, state } = await readSignIn(dataSource, input.username, keyHash, client.ipAddress);
  const claim = await claimCheck(dataSource, config, { keyHash, user, client, now }, state);
  if (claim.refused) return fail([claim.refused]);

  const matches = await verifySecret(user?.passwordHash, input.password);
  if (!matches || !user) {
    const locked = await countFailure(dataSource, {
      user,
      client,
      event: SecurityEventType.SIGN_IN_FAILED,
      lockedUntil: claim.lockedUntil,
      now,
    });
    return fail([locked ?? formProblem('INVALID_CREDENTIALS')]);
  }
  if (user.revokedAt) {
    await inTransaction(dataSource, async (manager) => {
      await clearFailures(manager, keyHash);
      await recordSecurityEvents(manager, [
        {
          type: SecurityEventType.SIGN_IN_FAILED,
          userId: user.id,
          ipAddress: client.ipAddress,
          occurredAt: now,
        },
      ]);
    });
    await releaseAddressAttempt(dataSource, client.ipAddress);
    return fail([formProblem('CREDENTIAL_REVOKED')]);
  }
  // A first-try sign-in leaves the credential's row as its claim made it: this sign-in's SIGN_IN_SUCCEEDED
  // makes that count void (claimAttempt, decision 0035). After failures the row is cleared (one statement
  // more), so that no lock nor count stays there for officers to see. The address's failure is given back.
  // The writes go in order, in one commit on SQLite (decision 0052).
  const { started, statements } = sessionStart(
    config,
    { user, previousSignInAt: state.lastSignInAt },
    { userId: user.id, ipAddress: client.ipAddress, userAgent: client.userAgent, replacesToken },
  );
  const release = releaseAddressStatement(client.ipAddress);
  const writes: Statement[] = [
    ...(claim.failedAttempts > 1 ? [clearFailuresStatement(keyHash)] : []),
    ...statements,
    ...(release ? [release] : []),
  ];
  await runInOrder(dataSource, writes);
  return ok(started);
}

/**
 * Whether a username can be registered: it meets the rules and nobody has it (revoked ones stay taken).
 * Counted per address; throws THROTTLED (extensions.retryAt) past ADDRESS_LOOKUP_LIMIT per window.
 */
export async function isUsernameAvailable(
  dataSource: DataSource,
  config: AppConfig,
  username: string,
  client: ClientInfo,
): Promise<boolean> {
  if (usernameProblems(username).length) return false;
  const lookup = await countLookup(dataSource, config, client.ipAddress);
  if (!lookup.allowed) throw throttledError(lookup.retryAt, config.now());
  return !(await usernameExists(dataSource, username));
}

export interface RecoveryChallengeValues {
  questionId: string;
  memorablePersonHint: string | null;
  memorableDateHint: string | null;
}

/**
 * The recovery question and hints of a username. An unknown (or revoked, or recovery-less) username gets a
 * question picked by an HMAC of the username, so the same username always gets the same one, and no hints:
 * the answer does not tell whether the username exists. Counted per address like other username lookups;
 * throws THROTTLED (extensions.retryAt) past the limit.
 */
export async function passwordRecoveryChallenge(
  dataSource: DataSource,
  config: AppConfig,
  username: string,
  client: ClientInfo,
): Promise<RecoveryChallengeValues> {
  const lookup = await countLookup(dataSource, config, client.ipAddress);
  if (!lookup.allowed) throw throttledError(lookup.retryAt, config.now());
  const { recovery } = await findRecovery(dataSource, username);
  // Computed on both paths so that they take the same time.
  const digest = usernameDigest(await identitySecret(dataSource, config), 'question', username);
  if (recovery) {
    return {
      questionId: recovery.questionId,
      memorablePersonHint: recovery.memorablePersonHint,
      memorableDateHint: recovery.memorableDateHint,
    };
  }
  const decoy = RECOVERY_QUESTIONS[Number.parseInt(digest.slice(0, 8), 16) % RECOVERY_QUESTIONS.length];
  return { questionId: decoy.id, memorablePersonHint: null, memorableDateHint: null };
}

/** The person and recovery questions of a username, in two queries whether or not it exists. */
async function findRecovery(
  dataSource: DataSource,
  username: string,
): Promise<{ user: User | null; recovery: CredentialRecovery | null }> {
  const found = await findLocalUser(dataSource, username);
  const user = found && !found.revokedAt ? found : null;
  // The second query runs for unknown usernames too (with an id that matches nothing): same work, same time.
  const recovery = await dataSource
    .getRepository(CredentialRecovery)
    .findOneBy({ userId: user?.id ?? '00000000-0000-0000-0000-000000000000' });
  return { user, recovery };
}

export interface ResetForgottenPasswordValues {
  username: string;
  answer: string;
  memorablePerson: string;
  memorableDate: string;
  newPassword: string;
  newPasswordConfirmation: string;
}

/**
 * Sets a new password after the right recovery answer, memorable person and memorable date (compared in
 * their normalised form). Wrong answers, unknown and revoked usernames all answer RECOVERY_FAILED after the
 * same three verifications, and count toward the username's lockout (LOCKED) and the address (THROTTLED).
 * Success ends every session of the person; it does not sign in. Answers problems, throws nothing of its own.
 */
export async function resetForgottenPassword(
  dataSource: DataSource,
  config: AppConfig,
  input: ResetForgottenPasswordValues,
  client: ClientInfo,
): Promise<Outcome<{ userId: string }>> {
  const problems = [
    ...requiredProblems(input.username, ['input', 'username'], 'username'),
    ...requiredProblems(input.answer, ['input', 'answer'], 'answer'),
    ...requiredProblems(input.memorablePerson, ['input', 'memorablePerson'], 'memorablePerson'),
    ...requiredProblems(input.memorableDate, ['input', 'memorableDate'], 'memorableDate'),
    ...newPasswordProblems(input.newPassword, input.newPasswordConfirmation, input.username, {
      password: ['input', 'newPassword'],
      confirmation: ['input', 'newPasswordConfirmation'],
    }),
  ];
  if (problems.length) return fail(problems);

  const now = config.now();
  const keyHash = await throttleKey(dataSource, config, input.username);
  const { user, recovery } = await findRecovery(dataSource, input.username);
  const claim = await claimCheck(dataSource, config, { keyHash, user, client, now });
  if (claim.refused) return fail([claim.refused]);
  const checks = await Promise.all([
    verifySecret(recovery?.answerHash, normalizeRecoveryAnswer(input.answer)),
    verifySecret(recovery?.memorablePersonHash, normalizeRecoveryAnswer(input.memorablePerson)),
    verifySecret(recovery?.memorableDateHash, input.memorableDate.trim()),
  ]);
  if (!user || !recovery || !checks.every(Boolean)) {
    const locked = await countFailure(dataSource, {
      user,
      client,
      event: SecurityEventType.PASSWORD_RECOVERY_FAILED,
      lockedUntil: claim.lockedUntil,
      now,
    });
    return fail([locked ?? formProblem('RECOVERY_FAILED')]);
  }

  const passwordHash = await hashSecret(input.newPassword);
  await inTransaction(dataSource, async (manager) => {
    await setPasswordHash(manager, user.id, passwordHash, now);
    await clearFailures(manager, keyHash);
    await endAllSessionsIn(manager, user.id);
    await recordSecurityEvents(manager, [
      {
        type: SecurityEventType.PASSWORD_RECOVERED,
        userId: user.id,
        ipAddress: client.ipAddress,
        occurredAt: now,
      },
    ]);
  });
  await releaseAddressAttempt(dataSource, client.ipAddress);
  return ok({ userId: user.id });
}

/**
 * Checks the signed-in person's current password before a sensitive change. A wrong one counts toward the
 * lockout like a failed sign-in (WRONG_PASSWORD, then LOCKED); a locked credential or address answers
 * LOCKED or THROTTLED without checking.
 */
async function currentPasswordProblems(
  dataSource: DataSource,
  config: AppConfig,
  user: User,
  password: string | null | undefined,
  client: ClientInfo,
): Promise<Problem[]> {
  const path = ['input', 'currentPassword'];
  if (!password) return fieldProblems(path, 'currentPassword', ['REQUIRED']);
  const now = config.now();
  const keyHash = await throttleKey(dataSource, config, user.username ?? '');
  const claim = await claimCheck(dataSource, config, { keyHash, user, client, now });
  if (claim.refused) return [claim.refused];
  if (await verifySecret(user.passwordHash, password)) {
    await releaseClaim(dataSource, keyHash, client);
    return [];
  }
  const locked = await countFailure(dataSource, {
    user,
    client,
    event: null,
    lockedUntil: claim.lockedUntil,
    now,
  });
  return [locked ?? fieldProblems(path, 'currentPassword', ['WRONG_PASSWORD'])[0]];
}

function localUser(active: ActiveSession): Outcome<User> {
  return active.user.credentialKind === CredentialKind.LOCAL
    ? ok(active.user)
    : fail([formProblem('NOT_LOCAL_CREDENTIAL')]);
}

/**
 * Changes the signed-in person's password: the current one must be right (see currentPasswordProblems), the
 * new one meets the rules. Every other session of the person ends; this one stays. NOT_LOCAL_CREDENTIAL for a
 * sign-in partner. Answers problems, throws nothing of its own.
 */
export async function changePassword(
  dataSource: DataSource,
  config: AppConfig,
  active: ActiveSession,
  input: { currentPassword: string; newPassword: string; newPasswordConfirmation: string },
  client: ClientInfo,
): Promise<Outcome<null>> {
  const local = localUser(active);
  if (!local.ok) return fail(local.problems);
  const user = local.value;
  const problems = [
    ...(input.currentPassword
      ? []
      : fieldProblems(['input', 'currentPassword'], 'currentPassword', ['REQUIRED'])),
    ...newPasswordProblems(input.newPassword, input.newPasswordConfirmation, user.username ?? '', {
      password: ['input', 'newPassword'],
      confirmation: ['input', 'newPasswordConfirmation'],
    }),
  ];
  if (problems.length) return fail(problems);
  const wrong = await currentPasswordProblems(dataSource, config, user, input.currentPassword, client);
  if (wrong.length) return fail(wrong);

  const now = config.now();
  const [passwordHash, keyHash] = await Promise.all([
    hashSecret(input.newPassword),
    throttleKey(dataSource, config, user.username ?? ''),
  ]);
  await inTransaction(dataSource, async (manager) => {
    await setPasswordHash(manager, user.id, passwordHash, now);
    await clearFailures(manager, keyHash);
    await endAllSessionsIn(manager, user.id, active.session.id);
    await recordSecurityEvents(manager, [
      {
        type: SecurityEventType.PASSWORD_CHANGED,
        userId: user.id,
        ipAddress: client.ipAddress,
        occurredAt: now,
      },
    ]);
  });
  user.passwordHash = passwordHash;
  return ok(null);
}

/**
 * Replaces the signed-in person's recovery questions after checking the current password.
 * NOT_LOCAL_CREDENTIAL for a sign-in partner. Answers problems, throws nothing of its own.
 */
export async function changeRecovery(
  dataSource: DataSource,
  config: AppConfig,
  active: ActiveSession,
  input: { currentPassword: string; recovery: RecoveryValues },
  client: ClientInfo,
): Promise<Outcome<null>> {
  const local = localUser(active);
  if (!local.ok) return fail(local.problems);
  const user = local.value;
  const now = config.now();
  const problems = [
    ...(input.currentPassword
      ? []
      : fieldProblems(['input', 'currentPassword'], 'currentPassword', ['REQUIRED'])),
    ...recoveryProblems(input.recovery, ['input', 'recovery'], agencyDay(now)),
  ];
  if (problems.length) return fail(problems);
  const wrong = await currentPasswordProblems(dataSource, config, user, input.currentPassword, client);
  if (wrong.length) return fail(wrong);

  const [hashes, keyHash] = await Promise.all([
    hashRecovery(input.recovery),
    throttleKey(dataSource, config, user.username ?? ''),
  ]);
  await inTransaction(dataSource, async (manager) => {
    await saveRecovery(manager, user.id, hashes, now);
    await clearFailures(manager, keyHash);
    await recordSecurityEvents(manager, [
      {
        type: SecurityEventType.RECOVERY_CHANGED,
        userId: user.id,
        ipAddress: client.ipAddress,
        occurredAt: now,
      },
    ]);
  });
  return ok(null);
}

/**
 * Revokes the signed-in person's credential for good: every session ends, the recovery questions are
 * deleted, and the username can never sign in or be registered again. A LOCAL credential needs its current
 * password. Answers problems, throws nothing of its own.
 */
export async function revokeCredential(
  dataSource: DataSource,
  config: AppConfig,
  active: ActiveSession,
  input: { currentPassword?: string | null },
  client: ClientInfo,
): Promise<Outcome<null>> {
  const user = active.user;
  if (user.credentialKind === CredentialKind.LOCAL) {
    const wrong = await currentPasswordProblems(dataSource, config, user, input.currentPassword, client);
    if (wrong.length) return fail(wrong);
  }
  const now = config.now();
  await inTransaction(dataSource, async (manager) => {
    await revokeUser(manager, user.id, now);
    await manager.delete(CredentialRecovery, { userId: user.id });
    await endAllSessionsIn(manager, user.id);
    await recordSecurityEvents(manager, [
      {
        type: SecurityEventType.CREDENTIAL_REVOKED,
        userId: user.id,
        ipAddress: client.ipAddress,
        occurredAt: now,
      },
    ]);
  });
  user.revokedAt = now;
  return ok(null);
}
