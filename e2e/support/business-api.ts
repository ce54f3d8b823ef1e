import { randomInt } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { registerThroughApi } from './identity-api.js';
import { repoRoot } from './server-process.js';
import { SessionApi } from './session-api.js';

// Setting people and businesses up through the API, as a broker's system would, for journeys whose subject
// is another page.

export type Language = 'en' | 'fr';

export const password = 'Maple!Leaf7';

// The demo registry, as the server imported it on its first start (docs/reference-data.md).
export interface DemoAddress {
  line1: string;
  line2?: string;
  poBox?: string;
  country: string;
}
export interface DemoAccount {
  accountNumber: string;
  name: string;
  transactions?: Array<{ transactionNumber: string; dutiesAndTaxesCents: number }>;
  payments?: Array<{ reference: string; date: string; amountCents: number }>;
  statements?: Array<{ statementDate: string; balanceCents: number }>;
}
export interface DemoBusiness {
  businessNumber: string;
  legalName: string;
  operatingName?: string;
  addresses: DemoAddress[];
  programAccounts: DemoAccount[];
}
const demo = JSON.parse(readFileSync(path.join(repoRoot, 'server/reference-data/demo.json'), 'utf8')) as {
  businesses: DemoBusiness[];
};

export function demoBusiness(businessNumber: string): DemoBusiness {
  const found = demo.businesses.find((business) => business.businessNumber === businessNumber);
  if (!found) throw new Error(`demo business ${businessNumber} is missing`);
  return found;
}

/** Cents as a person types them at registration: digits, a point, two decimals. */
export function amount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const absolute = Math.abs(cents);
  return `${sign}${Math.floor(absolute / 100)}.${String(absolute % 100).padStart(2, '0')}`;
}

/** A username no other run has used, from letters not in the password (no 3 shared characters). */
export function uniqueUsername(prefix: string): string {
  const alphabet = 'bdghjknquvwxyz';
  let suffix = '';
  for (let i = 0; i < 10; i++) suffix += alphabet[randomInt(alphabet.length)];
  return `qz${prefix}${suffix}`;
}

const savePersonalProfile = `mutation ($input: SavePersonalProfileInput!) {
  savePersonalProfile(input: $input) { userErrors { field code } }
}`;

/** A GCKey with a personal profile, signed in through the API with the terms accepted. */
export async function personThroughApi(
  baseUrl: string,
  username: string,
  name: { firstName: string; lastName: string },
  language: Language,
): Promise<SessionApi> {
  await registerThroughApi(baseUrl, username, password);
  const api = await SessionApi.signIn(baseUrl, username, password, language);
  const email = `${username}@example.com`;
  const saved = (await api.request(savePersonalProfile, {
    input: {
      ...name,
      phone: '613-555-0101',
      email,
      emailConfirmation: email,
      receiveNoticeEmails: false,
      acceptNoticeTerms: true,
      preferredLanguage: language.toUpperCase(),
    },
  })) as { savePersonalProfile: { userErrors: unknown[] } };
  expect(saved.savePersonalProfile.userErrors).toEqual([]);
  return api;
}

/** The three registration steps with the answers the demo registry holds: the person becomes the BAM. */
export async function registerBusinessThroughApi(api: SessionApi, business: DemoBusiness): Promise<void> {
  const rm0001 = business.programAccounts.find((account) => account.accountNumber.endsWith('RM0001'));
  if (!rm0001) throw new Error(`${business.businessNumber} has no RM0001`);
  const started = (await api.request(
    `mutation ($input: StartBusinessRegistrationInput!) {
      startBusinessRegistration(input: $input) {
        registration { id questions { kind transactionNumber } }
        userErrors { code message }
      }
    }`,
    { input: { businessNumber: business.businessNumber, programAccountReference: 'RM0001', attest: true } },
  )) as {
    startBusinessRegistration: {
      registration: {
        id: string;
        questions: Array<{ kind: string; transactionNumber: string | null }>;
      } | null;
      userErrors: unknown[];
    };
  };
  expect(started.startBusinessRegistration.userErrors).toEqual([]);
  const registration = started.startBusinessRegistration.registration!;

  const address = business.addresses[0];
  const validated = (await api.request(
    `mutation ($input: ValidateBusinessInput!) {
      validateBusiness(input: $input) { registration { step } userErrors { code message } }
    }`,
    {
      input: {
        registrationId: registration.id,
        legalName: business.legalName,
        address: {
          line1: address.line1,
          line2: address.line2 ?? null,
          poBoxOrRuralRoute: address.poBox ?? null,
          country: address.country,
        },
      },
    },
  )) as { validateBusiness: { userErrors: unknown[] } };
  expect(validated.validateBusiness.userErrors).toEqual([]);

  const transactionNumber = registration.questions.find(
    (q) => q.kind === 'TRANSACTION_TOTAL',
  )?.transactionNumber;
  const transaction = rm0001.transactions?.find((t) => t.transactionNumber === transactionNumber);
  if (!transaction) throw new Error(`transaction ${transactionNumber} is not in the demo data`);
  const latestPayment = [...(rm0001.payments ?? [])].sort((a, b) =>
    `${b.date} ${b.reference}`.localeCompare(`${a.date} ${a.reference}`),
  )[0];
  const latestStatement = [...(rm0001.statements ?? [])].sort((a, b) =>
    b.statementDate.localeCompare(a.statementDate),
  )[0];
  const asksStatement = registration.questions.some((q) => q.kind === 'STATEMENT_BALANCE');
  const answered = (await api.request(
    `mutation ($input: AnswerRegistrationQuestionsInput!) {
      answerRegistrationQuestions(input: $input) {
        registration { step business { businessNumber } }
        userErrors { code message }
      }
    }`,
    {
      input: {
        registrationId: registration.id,
        transactionTotal: amount(transaction.dutiesAndTaxesCents),
        latestPayment: amount(latestPayment.amountCents),
        statementBalance: asksStatement && latestStatement ? amount(latestStatement.balanceCents) : null,
      },
    },
  )) as {
    answerRegistrationQuestions: {
      registration: { step: string; business: { businessNumber: string } | null } | null;
      userErrors: unknown[];
    };
  };
  expect(answered.answerRegistrationQuestions).toEqual({
    registration: { step: 'COMPLETED', business: { businessNumber: business.businessNumber } },
    userErrors: [],
  });
}
