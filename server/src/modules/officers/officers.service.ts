import { type DataSource } from 'typeorm';
import { type ClientInfo } from '../../app/context.js';
import { type AppConfig } from '../../config/env.js';
import { fieldProblems, formProblem, type Problem } from '../../common/errors/problems.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { recordSecurityEvents } from '../audit/audit.service.js';
import { SecurityEventType } from '../audit/security-event.types.js';
import { newPasswordProblems, newUsernameProblems } from '../credentials/credential-validation.js';
import { hashSecret } from '../credentials/password-hashing.js';
import { listLocked, unlockUser } from '../throttling/throttling.service.js';
import { PersonRole } from '../users/user.types.js';
import {
  findUserById,
  findUsersByIds,
  insertLocalUser,
  type User,
  usernameExists,
} from '../users/users.service.js';

export interface LockedCredentialView {
  userId: string;
  username: string;
  lockedUntil: Date;
  failedAttempts: number;
}

/**
 * Creates an agency officer with a local credential, under the same username and password rules as
 * everyone (no recovery questions: an officer who forgets the password gets a new credential). Answers
 * problems (rules, USERNAME_TAKEN), throws nothing of its own.
 */
export async function createOfficer(
  dataSource: DataSource,
  config: AppConfig,
  input: { username: string; password: string },
): Promise<{ ok: true; user: User } | { ok: false; problems: Problem[] }> {
  const problems = [
    ...newUsernameProblems(input.username, ['username']),
    ...newPasswordProblems(input.password, input.password, input.username, {
      password: ['password'],
      confirmation: ['password'],
    }),
  ];
  if (problems.length) return { ok: false, problems };
  const taken = { ok: false as const, problems: fieldProblems(['username'], 'username', ['USERNAME_TAKEN']) };
  if (await usernameExists(dataSource, input.username)) return taken;
  const passwordHash = await hashSecret(input.password);
  try {
    const user = await inTransaction(dataSource, (manager) =>
      insertLocalUser(
        manager,
        { username: input.username, passwordHash, role: PersonRole.OFFICER },
        config.now(),
      ),
    );
    return { ok: true, user };
  } catch (error) {
    if (isUniqueViolation(error)) return taken;
    throw error;
  }
}

/** Local credentials locked right now, with their usernames, soonest unlock first. Throws nothing of its own. */
export async function listLockedCredentials(
  dataSource: DataSource,
  config: AppConfig,
): Promise<LockedCredentialView[]> {
  const locked = await listLocked(dataSource, config.now());
  if (locked.length === 0) return [];
  const users = await findUsersByIds(
    dataSource,
    locked.map((row) => row.userId),
  );
  const usernames = new Map(users.map((user) => [user.id, user.username]));
  return locked.flatMap((row) => {
    const username = usernames.get(row.userId);
    return username ? [{ ...row, username }] : [];
  });
}

/**
 * Unlocks a person's credential and forgets its failures; records CREDENTIAL_UNLOCKED with the officer as
 * actor when it was locked. Answers NOT_FOUND (field userId) for an unknown person. Throws nothing of its own.
 */
export async function unlockCredential(
  dataSource: DataSource,
  config: AppConfig,
  officer: User,
  userId: string,
  client: ClientInfo,
): Promise<{ ok: true; unlocked: boolean } | { ok: false; problems: Problem[] }> {
  const user = await findUserById(dataSource, userId);
  if (!user) return { ok: false, problems: [{ ...formProblem('NOT_FOUND'), field: ['userId'] }] };
  const now = config.now();
  const unlocked = await inTransaction(dataSource, async (manager) => {
    const wasLocked = await unlockUser(manager, user.id, now);
    if (wasLocked) {
      await recordSecurityEvents(manager, [
        {
          type: SecurityEventType.CREDENTIAL_UNLOCKED,
          userId: user.id,
          actorId: officer.id,
          ipAddress: client.ipAddress,
          occurredAt: now,
        },
      ]);
    }
    return wasLocked;
  });
  return { ok: true, unlocked };
}
