import { randomInt } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { type Problem } from '../../common/errors/problems.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { isMessageKey, type MessageKey, type MessageParams } from '../../common/i18n/messages.js';
import { findProfile } from '../profiles/profile.service.js';
import {
  latestPaymentOf,
  latestStatementOf,
  programAccountByNumber,
  recentTransactionsOf,
  registryAddressesOf,
  registryBusinessByNumber,
  registryBusinessesByIds,
  type RegistryPayment,
  type RegistryStatement,
  type RegistryTransaction,
  transactionByNumber,
} from '../registry/registry-lookups.service.js';
import { publish } from '../../common/events/event-bus.js';
import { recordBusinessAudit } from './business-audit.service.js';
import {
  Business,
  BusinessMembership,
  BusinessRegistration,
  RegistrationLock,
} from './businesses.entities.js';
import { BusinessRole, MembershipStatus, RegistrationStep } from './businesses.types.js';
import { characterCount } from '../../common/rules/text-rules.js';

/** Failed attempts (steps 2 and 3 together, every person together) after which registration locks. */
export const REGISTRATION_MAX_FAILED_ATTEMPTS = 10;
export const LEGAL_NAME_MAX_LENGTH = 175;
/** Question 1 shows one of this many most recent transactions. */
export const RECENT_TRANSACTIONS = 5;
const AMOUNT = /^\d+(\.\d{1,2})?$/;
/** Question 3 only: a statement balance may be a credit (negative), written with a leading minus. */
const BALANCE = /^-?\d+(\.\d{1,2})?$/;

/** A problem for the businesses module: `businesses.<kind>.<CODE>` when it exists, else `businesses.<CODE>`. */
export function businessProblem(
  field: string[],
  code: string,
  params: MessageParams = {},
  kind?: string,
): Problem {
  const specific = kind ? `businesses.${kind}.${code}` : '';
  const general = `businesses.${code}`;
  const messageKey: MessageKey = isMessageKey(specific)
    ? specific
    : isMessageKey(general)
      ? general
      : 'errors.badRequest';
  return { field, code, messageKey, params };
}

export type RegistrationResult =
  | { ok: true; registration: BusinessRegistration; problems: Problem[] }
  | { ok: false; registration: BusinessRegistration | null; problems: Problem[] };

/** The failed-attempt counter of a registry business (a row exists once someone started registering it). */
export async function lockStateOf(
  manager: EntityManager | DataSource,
  registryBusinessId: string,
): Promise<{ failedAttempts: number; locked: boolean }> {
  const row = await manager.getRepository(RegistrationLock).findOneBy({ registryBusinessId });
  return { failedAttempts: row?.failedAttempts ?? 0, locked: row?.lockedAt != null };
}

export function attemptsRemaining(failedAttempts: number): number {
  return Math.max(0, REGISTRATION_MAX_FAILED_ATTEMPTS - failedAttempts);
}

async function ensureLockRow(manager: EntityManager, registryBusinessId: string, now: Date): Promise<void> {
  if (await manager.findOneBy(RegistrationLock, { registryBusinessId })) return;
  try {
    await manager.insert(RegistrationLock, {
      registryBusinessId,
      failedAttempts: 0,
      lockedAt: null,
      updatedAt: now,
    });
  } catch (error) {
    // Someone else created it at the same moment: fine.
    if (!isUniqueViolation(error)) throw error;
  }
}

/**
 * Takes one attempt before the answers are compared, in one conditional UPDATE: only while registration is
 * not locked and fewer than REGISTRATION_MAX_FAILED_ATTEMPTS are counted. The row stays locked by this
 * transaction until it ends, so concurrent attempts each see the count the others left (the lockout of
 * decision 0021, as for passwords): at most 10 answers are ever compared. Before, the lock was read, the
 * answers compared and the failure counted apart, and 40 concurrent guesses on MariaDB were all compared.
 * Answers false when no attempt is left (locked).
 */
async function claimAttempt(manager: EntityManager, registryBusinessId: string, now: Date): Promise<boolean> {
  await ensureLockRow(manager, registryBusinessId, now);
  const claimed = await manager
    .createQueryBuilder()
    .update(RegistrationLock)
    .set({ failedAttempts: () => 'failed_attempts + 1', updatedAt: now })
    .where('registry_business_id = :id AND locked_at IS NULL AND failed_attempts < :max', {
      id: registryBusinessId,
      max: REGISTRATION_MAX_FAILED_ATTEMPTS,
    })
    .execute();
  return Boolean(claimed.affected);
}

/** Right answers: the attempt taken by claimAttempt was not a failure, so it is given back. */
async function giveAttemptBack(manager: EntityManager, registryBusinessId: string): Promise<void> {
  await manager
    .createQueryBuilder()
    .update(RegistrationLock)
    .set({ failedAttempts: () => 'failed_attempts - 1' })
    .where('registry_business_id = :id AND failed_attempts > 0', { id: registryBusinessId })
    .execute();
}

/**
 * Records a failed attempt already counted by claimAttempt, and locks registration when it was the last one
 * allowed. Records REGISTRATION_FAILED, and REGISTRATION_LOCKED on the failure that locks. Answers the
 * count after this failure.
 */
async function recordFailure(
  manager: EntityManager,
  registryBusinessId: string,
  userId: string,
  step: RegistrationStep,
  now: Date,
): Promise<{ failedAttempts: number; locked: boolean }> {
  const row = (await manager.findOneBy(RegistrationLock, { registryBusinessId }))!;
  await recordBusinessAudit(manager, {
    registryBusinessId,
    type: 'REGISTRATION_FAILED',
    actorId: userId,
    details: { step, attempt: row.failedAttempts },
    occurredAt: now,
  });
  if (row.lockedAt === null && row.failedAttempts >= REGISTRATION_MAX_FAILED_ATTEMPTS) {
    await manager.update(RegistrationLock, { registryBusinessId }, { lockedAt: now, updatedAt: now });
    await recordBusinessAudit(manager, {
      registryBusinessId,
      type: 'REGISTRATION_LOCKED',
      actorId: null,
      details: { failedAttempts: row.failedAttempts },
      occurredAt: now,
    });
    await publish(manager, { type: 'REGISTRATION_LOCKED', payload: { registryBusinessId } }, now);
    return { failedAttempts: row.failedAttempts, locked: true };
  }
  return { failedAttempts: row.failedAttempts, locked: row.lockedAt !== null };
}

/** The 5 most recent transactions of an account, newest first (date, then number). */
function recentTransactions(
  manager: EntityManager,
  programAccountId: string,
): Promise<RegistryTransaction[]> {
  return recentTransactionsOf(manager, programAccountId, RECENT_TRANSACTIONS);
}

function latestPayment(manager: EntityManager, programAccountId: string): Promise<RegistryPayment | null> {
  return latestPaymentOf(manager, programAccountId);
}

function latestStatement(
  manager: EntityManager,
  programAccountId: string,
): Promise<RegistryStatement | null> {
  return latestStatementOf(manager, programAccountId);
}

export interface StartInput {
  businessNumber: string;
  programAccountReference: string;
  attest: boolean;
}

/**
 * Step 1: BN9 + RM reference of one of the business's importer accounts, and the attestation. Checks the
 * form, the registry, that the business is not registered yet and that its registration is not locked, then
 * starts a registration with question 1's transaction picked once, at random among the 5 most recent.
 * Throws nothing of its own.
 */
export async function startBusinessRegistration(
  dataSource: DataSource,
  config: AppConfig,
  userId: string,
  input: StartInput,
): Promise<RegistrationResult> {
  const at = (field: string) => ['input', field];
  const businessNumber = input.businessNumber.trim();
  const reference = input.programAccountReference.trim().toUpperCase();
  const problems: Problem[] = [];
  if (!/^\d{9}$/.test(businessNumber))
    problems.push(businessProblem(at('businessNumber'), 'INVALID_FORMAT', {}, 'businessNumber'));
  if (!/^RM\d{4}$/.test(reference))
    problems.push(
      businessProblem(at('programAccountReference'), 'INVALID_FORMAT', {}, 'programAccountReference'),
    );
  if (input.attest !== true)
    problems.push(businessProblem(at('attest'), 'ATTESTATION_REQUIRED', {}, 'attest'));
  if (problems.length) return { ok: false, registration: null, problems };

  const profile = await findProfile(dataSource, userId);
  if (!profile) return { ok: false, registration: null, problems: [businessProblem([], 'PROFILE_REQUIRED')] };

  const registryBusiness = await registryBusinessByNumber(dataSource, businessNumber);
  const account = registryBusiness
    ? await programAccountByNumber(dataSource, registryBusiness.id, `${businessNumber}${reference}`)
    : null;
  // Compared in code too: MySQL's collation would match a lower-case reference.
  if (!registryBusiness || !account || account.accountNumber !== `${businessNumber}${reference}`)
    return { ok: false, registration: null, problems: [businessProblem([], 'NOT_IN_REGISTRY')] };

  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<RegistrationResult> => {
    if (await manager.existsBy(Business, { registryBusinessId: registryBusiness.id }))
      return { ok: false, registration: null, problems: [businessProblem([], 'ALREADY_REGISTERED')] };
    if ((await lockStateOf(manager, registryBusiness.id)).locked)
      return { ok: false, registration: null, problems: [businessProblem([], 'REGISTRATION_LOCKED')] };
    const transactions = await recentTransactions(manager, account.id);
    const payment = await latestPayment(manager, account.id);
    if (transactions.length === 0 || !payment)
      return { ok: false, registration: null, problems: [businessProblem([], 'NO_FINANCIAL_RECORDS')] };
    await ensureLockRow(manager, registryBusiness.id, now);
    const registration = manager.create(BusinessRegistration, {
      id: timeOrderedId(),
      userId,
      registryBusinessId: registryBusiness.id,
      businessNumber,
      programAccountId: account.id,
      programAccountReference: reference,
      attestedByName: `${profile.firstName} ${profile.lastName}`,
      step: RegistrationStep.IDENTIFY,
      transactionNumber: transactions[randomInt(transactions.length)].transactionNumber,
      asksStatementBalance: account.billingType === 'MONTHLY_STATEMENT',
      startedAt: now,
      updatedAt: now,
      businessId: null,
    });
    await manager.insert(BusinessRegistration, registration);
    return { ok: true, registration, problems: [] };
  });
}

/** The person's own registration, or a problem at registrationId. */
async function ownRegistration(
  manager: EntityManager,
  userId: string,
  registrationId: string,
): Promise<BusinessRegistration | Problem> {
  const registration = await manager.findOneBy(BusinessRegistration, { id: registrationId, userId });
  return registration ?? businessProblem(['input', 'registrationId'], 'REGISTRATION_NOT_FOUND');
}

/** Problems that stop a step before it counts as an attempt: wrong step, registered, locked. */
async function stepGate(
  manager: EntityManager,
  registration: BusinessRegistration,
  allowed: RegistrationStep[],
): Promise<Problem | null> {
  if (await manager.existsBy(Business, { registryBusinessId: registration.registryBusinessId }))
    return businessProblem([], 'ALREADY_REGISTERED');
  if ((await lockStateOf(manager, registration.registryBusinessId)).locked)
    return businessProblem([], 'REGISTRATION_LOCKED');
  if (!allowed.includes(registration.step)) return businessProblem([], 'WRONG_STEP');
  return null;
}

const text = (value: string | null | undefined) => (value ?? '').trim();

export interface ValidateInput {
  registrationId: string;
  legalName: string;
  address: { line1: string; line2?: string | null; poBoxOrRuralRoute?: string | null; country: string };
}

/**
 * Step 2: the legal name and one address on record (line 1, line 2, PO box / rural route, country) must
 * match exactly: compared here in TypeScript after trimming surrounding whitespace only (never in SQL,
 * whose collation ignores case and accents). A mismatch counts as a failed attempt. Throws nothing of its own.
 */
export async function validateBusiness(
  dataSource: DataSource,
  config: AppConfig,
  userId: string,
  input: ValidateInput,
): Promise<RegistrationResult> {
  const at = (...field: string[]) => ['input', ...field];
  const legalName = text(input.legalName);
  const address = {
    line1: text(input.address.line1),
    line2: text(input.address.line2),
    poBox: text(input.address.poBoxOrRuralRoute),
    country: text(input.address.country),
  };
  const formProblems: Problem[] = [];
  if (!legalName) formProblems.push(businessProblem(at('legalName'), 'REQUIRED', {}, 'legalName'));
  else if (characterCount(legalName) > LEGAL_NAME_MAX_LENGTH)
    formProblems.push(
      businessProblem(at('legalName'), 'TOO_LONG', { max: LEGAL_NAME_MAX_LENGTH }, 'legalName'),
    );
  if (!address.line1) formProblems.push(businessProblem(at('address', 'line1'), 'REQUIRED', {}, 'line1'));
  if (!address.country)
    formProblems.push(businessProblem(at('address', 'country'), 'REQUIRED', {}, 'country'));

  const now = config.now();
  return inTransaction(dataSource, async (manager): Promise<RegistrationResult> => {
    const registration = await ownRegistration(manager, userId, input.registrationId);
    if (!(registration instanceof BusinessRegistration))
      return { ok: false, registration: null, problems: [registration] };
    const gate = await stepGate(manager, registration, [RegistrationStep.IDENTIFY]);
    if (gate) return { ok: false, registration, problems: [gate] };
    if (formProblems.length) return { ok: false, registration, problems: formProblems };

    if (!(await claimAttempt(manager, registration.registryBusinessId, now)))
      return { ok: false, registration, problems: [businessProblem([], 'REGISTRATION_LOCKED')] };
    const [business] = await registryBusinessesByIds(manager, [registration.registryBusinessId]);
    if (!business) throw new Error(`No registry business ${registration.registryBusinessId}`);
    const addresses = await registryAddressesOf(manager, [business.id]);
    // Registry texts are NFC (the import normalizes them); the input is too, so "é" typed either way matches.
    const nameMatches = legalName.normalize('NFC') === business.legalName;
    const addressMatches = addresses.some(
      (record) =>
        record.line1 === address.line1.normalize('NFC') &&
        record.line2 === address.line2.normalize('NFC') &&
        record.poBox === address.poBox.normalize('NFC') &&
        record.country === address.country,
    );
    if (nameMatches && addressMatches) {
      await giveAttemptBack(manager, business.id);
      await manager.update(
        BusinessRegistration,
        { id: registration.id },
        { step: RegistrationStep.VALIDATE_BUSINESS, updatedAt: now },
      );
      return {
        ok: true,
        registration: { ...registration, step: RegistrationStep.VALIDATE_BUSINESS },
        problems: [],
      };
    }
    const state = await recordFailure(manager, business.id, userId, RegistrationStep.VALIDATE_BUSINESS, now);
    return {
      ok: false,
      registration,
      problems: [
        state.locked
          ? businessProblem([], 'REGISTRATION_LOCKED')
          : businessProblem([], 'BUSINESS_MISMATCH', {
              attemptsRemaining: attemptsRemaining(state.failedAttempts),
            }),
      ],
    };
  });
}

/** Dollars as typed ("1234.5") to cents; null when the format is wrong. */
export function amountToCents(value: string, pattern: RegExp = AMOUNT): number | null {
  if (!pattern.test(value)) return null;
  const negative = value.startsWith('-');
  const [whole, fraction = ''] = (negative ? value.slice(1) : value).split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return negative ? -cents : cents;
}

export interface AnswerInput {
  registrationId: string;
  transactionTotal: string;
  latestPayment: string;
  statementBalance?: string | null;
}

/**
 * Step 3: the answers about the account's financial records. A format problem ('$', ',', letters) is a
 * userError that does not count; wrong answers count one failed attempt per submission. All right: the
 * business is registered, the person becomes its BAM (scope: every program account, computed), with the
 * audit event and the REGISTERED domain event, in one transaction. Throws nothing of its own.
 */
export async function answerRegistrationQuestions(
  dataSource: DataSource,
  config: AppConfig,
  userId: string,
  input: AnswerInput,
): Promise<RegistrationResult> {
  const at = (field: string) => ['input', field];
  const now = config.now();
  try {
    return await inTransaction(dataSource, async (manager): Promise<RegistrationResult> => {
      const registration = await ownRegistration(manager, userId, input.registrationId);
      if (!(registration instanceof BusinessRegistration))
        return { ok: false, registration: null, problems: [registration] };
      const gate = await stepGate(manager, registration, [RegistrationStep.VALIDATE_BUSINESS]);
      if (gate) return { ok: false, registration, problems: [gate] };

      const answers: Array<[string, string | null | undefined, RegExp]> = [
        ['transactionTotal', input.transactionTotal, AMOUNT],
        ['latestPayment', input.latestPayment, AMOUNT],
      ];
      if (registration.asksStatementBalance)
        answers.push(['statementBalance', input.statementBalance, BALANCE]);
      const formProblems: Problem[] = [];
      const cents = new Map<string, number>();
      for (const [field, raw, pattern] of answers) {
        const value = text(raw);
        if (!value) formProblems.push(businessProblem(at(field), 'REQUIRED', {}, 'amount'));
        else {
          const parsed = amountToCents(value, pattern);
          if (parsed === null) formProblems.push(businessProblem(at(field), 'AMOUNT_FORMAT'));
          else cents.set(field, parsed);
        }
      }
      if (formProblems.length) return { ok: false, registration, problems: formProblems };
      if (!(await claimAttempt(manager, registration.registryBusinessId, now)))
        return { ok: false, registration, problems: [businessProblem([], 'REGISTRATION_LOCKED')] };

      const transaction = await transactionByNumber(
        manager,
        registration.programAccountId,
        registration.transactionNumber,
      );
      const payment = await latestPayment(manager, registration.programAccountId);
      const statement = registration.asksStatementBalance
        ? await latestStatement(manager, registration.programAccountId)
        : null;
      const right =
        transaction !== null &&
        transaction.dutiesAndTaxesCents === cents.get('transactionTotal') &&
        payment !== null &&
        payment.amountCents === cents.get('latestPayment') &&
        (!registration.asksStatementBalance ||
          (statement !== null && statement.balanceCents === cents.get('statementBalance')));
      if (!right) {
        const state = await recordFailure(
          manager,
          registration.registryBusinessId,
          userId,
          RegistrationStep.COMPLETED,
          now,
        );
        return {
          ok: false,
          registration,
          problems: [
            state.locked
              ? businessProblem([], 'REGISTRATION_LOCKED')
              : businessProblem([], 'ANSWERS_WRONG', {
                  attemptsRemaining: attemptsRemaining(state.failedAttempts),
                }),
          ],
        };
      }
      await giveAttemptBack(manager, registration.registryBusinessId);
      const business = await registerBusiness(
        manager,
        registration.registryBusinessId,
        userId,
        now,
        'QUESTIONS',
      );
      await manager.update(
        BusinessRegistration,
        { id: registration.id },
        { step: RegistrationStep.COMPLETED, businessId: business.id, updatedAt: now },
      );
      return {
        ok: true,
        registration: {
          ...registration,
          step: RegistrationStep.COMPLETED,
          businessId: business.id,
          updatedAt: now,
        },
        problems: [],
      };
    });
  } catch (error) {
    // Registered by someone else between the check and the insert (unique registry_business_id).
    if (!isUniqueViolation(error)) throw error;
    return { ok: false, registration: null, problems: [businessProblem([], 'ALREADY_REGISTERED')] };
  }
}

/**
 * Registers a registry business on the portal with the person as its BAM; audit REGISTERED and the
 * REGISTERED domain event. Runs in the caller's transaction; a concurrent registration of the same business
 * breaks the unique index on registry_business_id (the caller answers ALREADY_REGISTERED).
 */
export async function registerBusiness(
  manager: EntityManager,
  registryBusinessId: string,
  userId: string,
  now: Date,
  via: 'QUESTIONS' | 'ACTIVATION_KEY',
): Promise<Business> {
  const [registry] = await registryBusinessesByIds(manager, [registryBusinessId]);
  if (!registry) throw new Error(`No registry business ${registryBusinessId}`);
  const business = manager.create(Business, {
    id: timeOrderedId(),
    registryBusinessId,
    businessNumber: registry.businessNumber,
    registeredAt: now,
    registeredBy: userId,
    businessActivity: '',
    contactsJson: '[]',
    updatedAt: now,
  });
  await manager.insert(Business, business);
  await manager.insert(BusinessMembership, {
    id: timeOrderedId(),
    businessId: business.id,
    userId,
    role: BusinessRole.BUSINESS_ACCOUNT_MANAGER,
    status: MembershipStatus.ACTIVE,
    grantedAt: now,
    grantedBy: null,
    updatedAt: now,
  });
  await recordBusinessAudit(manager, {
    registryBusinessId,
    type: 'REGISTERED',
    actorId: userId,
    details: { via },
    occurredAt: now,
  });
  await publish(
    manager,
    {
      type: 'REGISTERED',
      payload: { businessId: business.id, businessNumber: business.businessNumber, userId, via },
    },
    now,
  );
  return business;
}
