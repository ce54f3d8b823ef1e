import { type DataSource } from 'typeorm';
import { expect } from 'vitest';
import { inTransaction } from '../../src/common/database/transactions.js';
import { normalizeRecoveryAnswer } from '../../src/common/rules/credential-rules.js';
import { CredentialRecovery } from '../../src/modules/credentials/credential-recovery.entity.js';
import { hashSecret } from '../../src/modules/credentials/password-hashing.js';
import { type User } from '../../src/modules/users/user.entity.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import { insertLocalUser } from '../../src/modules/users/users.service.js';
import { type GqlClient, type GqlResult } from './gql-client.js';

// GraphQL documents and valid inputs for the identity tests.

export const VIEWER_FIELDS = 'id role credentialKind username previousSignInAt termsAccepted';
export const USER_ERRORS = 'userErrors { field code message }';

export const REGISTER = `mutation($input: RegisterLocalCredentialInput!) {
  registerLocalCredential(input: $input) { viewer { ${VIEWER_FIELDS} } ${USER_ERRORS} } }`;
export const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { viewer { ${VIEWER_FIELDS} } ${USER_ERRORS} } }`;
export const SIGN_OUT = `mutation { signOut { signedOut ${USER_ERRORS} } }`;
export const SIGN_OUT_EVERYWHERE = `mutation { signOutEverywhere { signedOut ${USER_ERRORS} } }`;
export const RESPOND_TO_TERMS = `mutation($accept: Boolean!) { respondToTerms(accept: $accept) { viewer { ${VIEWER_FIELDS} } ${USER_ERRORS} } }`;
export const ME = `{ me { ${VIEWER_FIELDS} profile { firstName lastName phone phoneExtension email receiveNoticeEmails preferredLanguage } recentSecurityEvents(first: 50) { id type occurredAt ipAddress } } }`;
export const SESSION = '{ session { csrfToken idleExpiresAt absoluteExpiresAt } }';
export const SAVE_PROFILE = `mutation($input: SavePersonalProfileInput!) {
  savePersonalProfile(input: $input) { profile { firstName lastName phone phoneExtension email receiveNoticeEmails preferredLanguage } ${USER_ERRORS} } }`;
export const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { viewer { id } ${USER_ERRORS} } }`;
export const CHANGE_RECOVERY = `mutation($input: ChangeRecoveryInput!) { changeRecovery(input: $input) { viewer { id } ${USER_ERRORS} } }`;
export const REVOKE = `mutation($input: RevokeCredentialInput!) { revokeCredential(input: $input) { signedOut ${USER_ERRORS} } }`;
export const RESET = `mutation($input: ResetForgottenPasswordInput!) { resetForgottenPassword(input: $input) { signedOut ${USER_ERRORS} } }`;
export const CHALLENGE = `query($username: String!) { passwordRecoveryChallenge(username: $username) { question { id text } memorablePersonHint memorableDateHint } }`;
export const USERNAME_AVAILABLE = 'query($username: String!) { usernameAvailable(username: $username) }';
export const LOCKED_CREDENTIALS = '{ lockedCredentials { userId username lockedUntil failedAttempts } }';
export const UNLOCK = `mutation($userId: ID!) { unlockCredential(userId: $userId) { unlocked ${USER_ERRORS} } }`;

export const PASSWORD = 'Xk7pQ2vz!m';

export const RECOVERY = {
  questionId: 'first-pet',
  answer: 'Pistache',
  memorablePerson: 'Tante Hélène',
  memorablePersonHint: "Ma tante d'Amérique",
  memorableDate: '1985-07-14',
  memorableDateHint: 'Un été chaud',
};

export function registration(username: string, overrides: Record<string, unknown> = {}) {
  return {
    acceptTerms: true,
    username,
    password: PASSWORD,
    passwordConfirmation: PASSWORD,
    recovery: RECOVERY,
    ...overrides,
  };
}

export const PROFILE = {
  firstName: 'Marie-Ève',
  lastName: "O'Connor",
  phone: '(613) 555-0101',
  phoneExtension: '42',
  email: 'marie@example.ca',
  emailConfirmation: 'Marie@Example.ca',
  receiveNoticeEmails: true,
  acceptNoticeTerms: true,
  preferredLanguage: 'FR',
};

export type Viewer = {
  id: string;
  role: string;
  credentialKind: string;
  username: string | null;
  previousSignInAt: string | null;
  termsAccepted: boolean;
};

export interface UserErrorShape {
  field: string[];
  code: string;
  message: string;
}

/** The payload of the only root field of a result. */
export function payload<T = Record<string, unknown>>(result: GqlResult): T {
  expect(result.body.errors, JSON.stringify(result.body.errors)).toBeUndefined();
  return Object.values(result.body.data ?? {})[0] as T;
}

/**
 * A request refused by `@access`: the one error is FORBIDDEN naming `area`, at `path` (the root field when
 * not given), and that field's value is null.
 */
export function expectForbidden(result: GqlResult, area: string, path?: string): void {
  const errors = result.body.errors ?? [];
  expect(
    errors.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.area]),
    JSON.stringify(errors),
  ).toEqual([[path ?? errors[0]?.path?.[0], 'FORBIDDEN', area]]);
}

export function userErrors(result: GqlResult): UserErrorShape[] {
  return payload<{ userErrors: UserErrorShape[] }>(result).userErrors;
}

export function codes(result: GqlResult): string[] {
  return userErrors(result).map((e) => e.code);
}

/** Registers through the API (the client is then signed in) and answers the viewer. */
export async function register(
  client: GqlClient,
  username: string,
  overrides: Record<string, unknown> = {},
): Promise<Viewer> {
  const result = await client.gql(REGISTER, { input: registration(username, overrides) });
  const data = payload<{ viewer: Viewer; userErrors: UserErrorShape[] }>(result);
  expect(data.userErrors).toEqual([]);
  return data.viewer;
}

export async function signIn(client: GqlClient, username: string, password = PASSWORD): Promise<GqlResult> {
  return client.gql(SIGN_IN, { input: { username, password } });
}

export async function acceptTerms(client: GqlClient): Promise<void> {
  const result = await client.gql(RESPOND_TO_TERMS, { accept: true });
  expect(payload<{ viewer: Viewer }>(result).viewer.termsAccepted).toBe(true);
}

let seedHashes:
  Promise<{ password: string; answer: string; memorablePerson: string; memorableDate: string }> | undefined;

/**
 * Creates a LOCAL person with PASSWORD and RECOVERY straight in the database, with hashes made once per test
 * file: for tests about what happens after registration, so that the suite does not pay four argon2 hashes
 * per person (registration itself is tested through the API).
 */
export async function seedUser(
  dataSource: DataSource,
  username: string,
  role: PersonRole = PersonRole.PERSON,
): Promise<User> {
  seedHashes ??= (async () => {
    const [password, answer, memorablePerson, memorableDate] = await Promise.all([
      hashSecret(PASSWORD),
      hashSecret(normalizeRecoveryAnswer(RECOVERY.answer)),
      hashSecret(normalizeRecoveryAnswer(RECOVERY.memorablePerson)),
      hashSecret(RECOVERY.memorableDate),
    ]);
    return { password, answer, memorablePerson, memorableDate };
  })();
  const hashes = await seedHashes;
  return inTransaction(dataSource, async (manager) => {
    const user = await insertLocalUser(
      manager,
      { username, passwordHash: hashes.password, role },
      new Date(),
    );
    await manager.insert(CredentialRecovery, {
      userId: user.id,
      questionId: RECOVERY.questionId,
      answerHash: hashes.answer,
      memorablePersonHash: hashes.memorablePerson,
      memorablePersonHint: RECOVERY.memorablePersonHint,
      memorableDateHash: hashes.memorableDate,
      memorableDateHint: RECOVERY.memorableDateHint,
      updatedAt: new Date(),
    });
    return user;
  });
}
