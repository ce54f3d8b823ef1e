import { expect } from 'vitest';
import { type GqlClient } from './gql-client.js';
import { PROFILE, SAVE_PROFILE, acceptTerms, payload, seedUser, signIn } from './identity.js';
import { type TestApp } from './test-app.js';

// GraphQL documents and helpers for the businesses tests.

export const REGISTRATION_FIELDS = `id businessNumber programAccountReference attestationName step
  questions { kind transactionNumber } attemptsRemaining business { id businessNumber name }`;
export const ERRORS = 'userErrors { field code message }';
export const START = `mutation($input: StartBusinessRegistrationInput!) {
  startBusinessRegistration(input: $input) { registration { ${REGISTRATION_FIELDS} } ${ERRORS} } }`;
export const VALIDATE = `mutation($input: ValidateBusinessInput!) {
  validateBusiness(input: $input) { registration { ${REGISTRATION_FIELDS} } ${ERRORS} } }`;
export const ANSWER = `mutation($input: AnswerRegistrationQuestionsInput!) {
  answerRegistrationQuestions(input: $input) { registration { ${REGISTRATION_FIELDS} } ${ERRORS} } }`;

export interface Registration {
  id: string;
  businessNumber: string;
  programAccountReference: string;
  attestationName: string;
  step: string;
  questions: Array<{ kind: string; transactionNumber: string | null }>;
  attemptsRemaining: number;
  business: { id: string; businessNumber: string; name: string } | null;
}
export interface RegistrationPayload {
  registration: Registration | null;
  userErrors: Array<{ field: string[]; code: string; message: string }>;
}

/** Northern Lights Imports Inc. (docs/reference-data.md): monthly statement, 3 questions. */
export const NORTHERN_LIGHTS = {
  businessNumber: '123456789',
  legalName: 'Northern Lights Imports Inc.',
  address: { line1: '240 Sparks Street', line2: 'Suite 1200', poBoxOrRuralRoute: null, country: 'CA' },
  totals: {
    '13409539086039': '4829.15',
    '13409539085981': '12500.00',
    '13409539085874': '0.00',
    '13409539085760': '3678.42',
    '13409539085652': '915.75',
  } as Record<string, string>,
  latestPayment: '12345.67',
  statementBalance: '8765.43',
};

/** Marie-Ève Tremblay, sole proprietor: daily notice, 2 questions. */
export const TREMBLAY = {
  businessNumber: '234567891',
  legalName: 'Marie-Ève Tremblay',
  address: { line1: '1452 Rang Saint-Joseph', line2: null, poBoxOrRuralRoute: 'RR 2', country: 'CA' },
  totals: {
    '20417730051128': '183.42',
    '20417730051096': '75.19',
    '20417730051044': '0.00',
    '20417730050987': '260.04',
    '20417730050932': '48.75',
  } as Record<string, string>,
  latestPayment: '75.19',
};

/** A person seeded in the database, signed in with a client, terms accepted and profile saved. */
export async function signedInPerson(
  t: TestApp,
  username: string,
  profile: Partial<typeof PROFILE> = {},
): Promise<{ client: GqlClient; userId: string }> {
  const user = await seedUser(t.dataSource, username);
  const client = t.client();
  await signIn(client, username);
  await acceptTerms(client);
  const saved = payload<{ userErrors: unknown[] }>(
    await client.gql(SAVE_PROFILE, { input: { ...PROFILE, ...profile } }),
  );
  expect(saved.userErrors).toEqual([]);
  return { client, userId: user.id };
}

export async function start(
  client: GqlClient,
  businessNumber: string,
  programAccountReference = 'RM0001',
): Promise<RegistrationPayload> {
  return payload<RegistrationPayload>(
    await client.gql(START, { input: { businessNumber, programAccountReference, attest: true } }),
  );
}

/** Runs the three steps with the right answers; answers the completed registration. */
export async function registerBusiness(
  client: GqlClient,
  business: typeof NORTHERN_LIGHTS | typeof TREMBLAY,
): Promise<Registration> {
  const started = await start(client, business.businessNumber);
  expect(started.userErrors).toEqual([]);
  const id = started.registration!.id;
  const validated = payload<RegistrationPayload>(
    await client.gql(VALIDATE, {
      input: { registrationId: id, legalName: business.legalName, address: business.address },
    }),
  );
  expect(validated.userErrors).toEqual([]);
  const transactionNumber = started.registration!.questions[0].transactionNumber!;
  const answered = payload<RegistrationPayload>(
    await client.gql(ANSWER, {
      input: {
        registrationId: id,
        transactionTotal: business.totals[transactionNumber],
        latestPayment: business.latestPayment,
        statementBalance: 'statementBalance' in business ? business.statementBalance : null,
      },
    }),
  );
  expect(answered.userErrors).toEqual([]);
  return answered.registration!;
}
