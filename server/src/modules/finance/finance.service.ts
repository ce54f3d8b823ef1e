import { type DataSource, type EntityManager } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { type Problem } from '../../common/errors/problems.js';
import { isMessageKey, type MessageKey, type MessageParams } from '../../common/i18n/messages.js';
import { businessRefOfRegistry } from '../businesses/business-directory.service.js';
import { publish } from '../../common/events/event-bus.js';
import { recordBusinessAudit } from '../businesses/business-audit.service.js';
import { lockTransactions, programAccountById } from '../registry/registry-lookups.service.js';
import { padAgreementProblems, securityChangeProblems } from '../../common/rules/finance-rules.js';
import {
  CreditApplication,
  FinancialSecurityChange,
  PadAgreement,
  TransactionAllocation,
} from './finance.entities.js';
import { ALLOCATIONS_MAX, effectiveState } from './finance.rules.js';
import {
  type ApplyCreditInput,
  type CreatePadAgreementInput,
  type SubmitFinancialSecurityChangeInput,
} from './finance.types.js';

// The rules of program account finances (docs/finance.md). The directive has already decided who may act
// (REQUESTS_AND_TRANSACTIONS, FINANCIAL_SECURITY, PAD); these functions decide whether what they ask is
// valid, and do it in one transaction, audited, or change nothing.

type Result<T> = ({ ok: true } & T) | { ok: false; problems: Problem[] };

/**
 * A problem at `field`, with the message `finance.<group>.<code>` (group: the field's name unless given), else
 * `finance.<code>`. Money params end in `Cents`; the resolver writes them as amounts in the caller's language.
 */
function problem(field: string[], code: string, params: MessageParams = {}, group = field.at(-1)): Problem {
  const specific = `finance.${group}.${code}`;
  const general = `finance.${code}`;
  const messageKey: MessageKey = isMessageKey(specific)
    ? specific
    : isMessageKey(general)
      ? general
      : 'errors.badRequest';
  return { field, code, messageKey, params };
}

/** Thrown inside a transaction to roll it back with problems for the caller. */
class Refused extends Error {
  constructor(readonly problems: Problem[]) {
    super('refused');
  }
}

async function refusedToProblems<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: error.problems };
    throw error;
  }
}

async function accountAndBusiness(manager: EntityManager, programAccountId: string) {
  const account = await programAccountById(manager, programAccountId);
  if (!account) throw new Error(`No program account ${programAccountId}`);
  const business = await businessRefOfRegistry(manager, account.businessId);
  if (!business) throw new Error(`No portal business for registry business ${account.businessId}`);
  return { account, business };
}

/**
 * Raises a transaction's allocation by `amount` only while it stays within `limit`: one conditional UPDATE,
 * atomic on both drivers (MySQL re-reads the row under its lock; SQLite has one writer), so two requests can
 * never together go over. False when it would.
 */
async function allocate(manager: EntityManager, transactionId: string, amount: number, limit: number) {
  const result = await manager
    .createQueryBuilder()
    .update(TransactionAllocation)
    .set({ allocatedCents: () => 'allocated_cents + :amount' })
    .where('transaction_id = :transactionId AND allocated_cents + :amount <= :limit')
    .setParameters({ transactionId, amount, limit })
    .execute();
  return result.affected === 1;
}

async function allocationOf(manager: EntityManager, transactionId: string): Promise<number> {
  const row = await manager.findOneBy(TransactionAllocation, { transactionId });
  return row?.allocatedCents ?? 0;
}

/**
 * Applies a credit of a program account as payment to chosen transactions of the same account, in one
 * transaction: never more than the credit has left, never more than a transaction owes, also under
 * concurrent requests. Problems: allocations REQUIRED, TOO_MANY, DUPLICATE, AMOUNT_INVALID,
 * TRANSACTION_NOT_FOUND, NOT_PAYABLE, OVER_OWING; CREDIT_NOT_FOUND, NOT_A_CREDIT, OVER_CREDIT. Audit and
 * domain event CREDIT_APPLIED.
 */
export async function applyCredit(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: ApplyCreditInput,
): Promise<Result<{ businessId: string; creditId: string; targetIds: string[] }>> {
  const problems: Problem[] = [];
  const allocations = input.allocations;
  if (allocations.length === 0) problems.push(problem(['input', 'allocations'], 'REQUIRED'));
  if (allocations.length > ALLOCATIONS_MAX)
    problems.push(problem(['input', 'allocations'], 'TOO_MANY', { max: ALLOCATIONS_MAX }));
  const seen = new Set<string>();
  allocations.forEach((allocation, index) => {
    const at = ['input', 'allocations', String(index)];
    if (seen.has(allocation.transactionId))
      problems.push(problem([...at, 'transactionId'], 'DUPLICATE', {}, 'allocations'));
    seen.add(allocation.transactionId);
    if (!Number.isSafeInteger(allocation.amountCents) || allocation.amountCents < 1)
      problems.push(problem([...at, 'amountCents'], 'AMOUNT_INVALID', {}, 'allocations'));
  });
  if (problems.length) return { ok: false, problems };
  const now = config.now();

  return refusedToProblems(() =>
    inTransaction(dataSource, async (manager) => {
      // First statement of the transaction: lock the credit's and the targets' rows, in id order (one
      // statement, so every request takes them in the same order: no deadlock). Concurrent applications that
      // share a transaction wait here, and what they read next is what the one before them committed. SQLite
      // has one writer (transactions are queued) and no row locks.
      const rows = await lockTransactions(manager, input.programAccountId, [
        input.creditTransactionId,
        ...allocations.map((a) => a.transactionId),
      ]);
      const { account, business } = await accountAndBusiness(manager, input.programAccountId);
      const credit = rows.find((row) => row.id === input.creditTransactionId);
      if (!credit) throw new Refused([problem(['input', 'creditTransactionId'], 'CREDIT_NOT_FOUND')]);
      const targetIds = new Set(allocations.map((a) => a.transactionId));
      const targetRows = rows.filter((row) => targetIds.has(row.id));
      const targets = new Map(targetRows.map((row) => [row.id, row]));
      const found: Problem[] = [];
      if (!effectiveState(credit, await allocationOf(manager, credit.id)).isApplicableCredit)
        found.push(problem(['input', 'creditTransactionId'], 'NOT_A_CREDIT'));
      for (const [index, allocation] of allocations.entries()) {
        const at = ['input', 'allocations', String(index)];
        const target = targets.get(allocation.transactionId);
        if (!target)
          found.push(problem([...at, 'transactionId'], 'TRANSACTION_NOT_FOUND', {}, 'allocations'));
        else if (!effectiveState(target, await allocationOf(manager, target.id)).isPayable)
          found.push(problem([...at, 'transactionId'], 'NOT_PAYABLE', {}, 'allocations'));
      }
      if (found.length) throw new Refused(found);

      // Counter rows exist before the conditional updates: INSERT IGNORE / INSERT OR IGNORE keeps whichever
      // concurrent request created one first.
      await manager
        .createQueryBuilder()
        .insert()
        .into(TransactionAllocation)
        .values(
          [credit, ...targetRows].map((row) => ({
            transactionId: row.id,
            programAccountId: account.id,
            allocatedCents: 0,
          })),
        )
        .orIgnore()
        .updateEntity(false)
        .execute();

      // The credit first, then the targets in id order: every request locks rows in the same order (no
      // deadlock on MySQL) and the credit's row serializes concurrent applications of one credit.
      const total = allocations.reduce((sum, a) => sum + a.amountCents, 0);
      if (!(await allocate(manager, credit.id, total, -credit.amountCents))) {
        const available = -credit.amountCents - (await allocationOf(manager, credit.id));
        throw new Refused([
          problem(['input', 'allocations'], 'OVER_CREDIT', { availableCents: Math.max(available, 0) }),
        ]);
      }
      const ordered = [...allocations.entries()].sort(([, a], [, b]) =>
        a.transactionId < b.transactionId ? -1 : 1,
      );
      for (const [index, allocation] of ordered) {
        const target = targets.get(allocation.transactionId)!;
        if (!(await allocate(manager, target.id, allocation.amountCents, target.amountCents))) {
          const owing = target.amountCents - (await allocationOf(manager, target.id));
          throw new Refused([
            problem(
              ['input', 'allocations', String(index), 'amountCents'],
              'OVER_OWING',
              { owingCents: Math.max(owing, 0) },
              'allocations',
            ),
          ]);
        }
      }

      const batchId = timeOrderedId();
      await manager.insert(
        CreditApplication,
        allocations.map((allocation) => ({
          id: timeOrderedId(),
          programAccountId: account.id,
          batchId,
          creditTransactionId: credit.id,
          targetTransactionId: allocation.transactionId,
          amountCents: allocation.amountCents,
          appliedBy: actorId,
          appliedAt: now,
        })),
      );
      await recordBusinessAudit(manager, {
        registryBusinessId: business.registryBusinessId,
        type: 'CREDIT_APPLIED',
        actorId,
        details: {
          account: account.accountNumber,
          credit: credit.transactionNumber,
          cents: total,
          transactions: allocations.length,
        },
        occurredAt: now,
      });
      await publish(
        manager,
        {
          type: 'CREDIT_APPLIED',
          payload: {
            businessId: business.id,
            programAccountId: account.id,
            batchId,
            appliedBy: actorId,
            totalCents: total,
          },
        },
        now,
      );
      return {
        ok: true as const,
        businessId: business.id,
        creditId: credit.id,
        targetIds: allocations.map((a) => a.transactionId),
      };
    }),
  );
}

const tidy = (value: string | null | undefined) => (value ?? '').normalize('NFC').trim();

/**
 * Records a change to the account's financial security for the agency to process (status SUBMITTED).
 * Problems: NOT_AN_RM_ACCOUNT; amountCents OUT_OF_RANGE; provider REQUIRED, TOO_LONG; reference
 * INVALID_FORMAT; effectiveDate, expiryDate INVALID_DATE; expiryDate BEFORE_EFFECTIVE; reason REQUIRED,
 * TOO_LONG. Audit and domain event SECURITY_CHANGE_SUBMITTED.
 */
export async function submitFinancialSecurityChange(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: SubmitFinancialSecurityChangeInput,
): Promise<Result<{ businessId: string; change: FinancialSecurityChange }>> {
  const at = (field: string) => ['input', field];
  const problems: Problem[] = securityChangeProblems(input).map((p) =>
    problem(at(p.field), p.code, p.params),
  );
  if (problems.length) return { ok: false, problems };
  const provider = tidy(input.provider);
  const reference = tidy(input.reference);
  const effectiveDate = tidy(input.effectiveDate);
  const expiryDate = tidy(input.expiryDate);
  const reason = tidy(input.reason);
  const now = config.now();

  return refusedToProblems(() =>
    inTransaction(dataSource, async (manager) => {
      const { account, business } = await accountAndBusiness(manager, input.programAccountId);
      if (account.programCode !== 'RM')
        throw new Refused([problem(at('programAccountId'), 'NOT_AN_RM_ACCOUNT')]);
      const change = manager.create(FinancialSecurityChange, {
        id: timeOrderedId(),
        programAccountId: account.id,
        securityType: input.type,
        amountCents: input.amountCents,
        provider,
        reference,
        effectiveDate,
        expiryDate,
        reason,
        status: 'SUBMITTED',
        submittedBy: actorId,
        submittedAt: now,
      });
      await manager.insert(FinancialSecurityChange, change);
      await recordBusinessAudit(manager, {
        registryBusinessId: business.registryBusinessId,
        type: 'SECURITY_CHANGE_SUBMITTED',
        actorId,
        details: { account: account.accountNumber, type: input.type, cents: input.amountCents },
        occurredAt: now,
      });
      await publish(
        manager,
        {
          type: 'SECURITY_CHANGE_SUBMITTED',
          payload: {
            businessId: business.id,
            programAccountId: account.id,
            changeId: change.id,
            submittedBy: actorId,
          },
        },
        now,
      );
      return { ok: true as const, businessId: business.id, change };
    }),
  );
}

/**
 * Creates the account's monthly pre-authorized debit agreement; only the last four digits of the bank
 * account are kept, and none of the numbers reach a log or the audit trail. Problems: institutionNumber,
 * transitNumber, accountNumber INVALID_FORMAT; accountHolder REQUIRED, TOO_LONG; debitDay OUT_OF_RANGE;
 * acceptTerms REQUIRED; NOT_AN_RM_ACCOUNT, ACCOUNT_CLOSED, PAD_EXISTS (one active per account, held by a
 * unique index). Audit and domain event PAD_CREATED.
 */
export async function createPadAgreement(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: CreatePadAgreementInput,
): Promise<Result<{ businessId: string; agreement: PadAgreement }>> {
  const at = (field: string) => ['input', field];
  const problems: Problem[] = padAgreementProblems(input).map((p) => problem(at(p.field), p.code, p.params));
  const institution = input.institutionNumber.trim();
  const transit = input.transitNumber.trim();
  const bankAccount = input.accountNumber.trim();
  const holder = tidy(input.accountHolder);
  if (problems.length) return { ok: false, problems };
  const now = config.now();

  try {
    return await refusedToProblems(() =>
      inTransaction(dataSource, async (manager) => {
        const { account, business } = await accountAndBusiness(manager, input.programAccountId);
        if (account.programCode !== 'RM')
          throw new Refused([problem(at('programAccountId'), 'NOT_AN_RM_ACCOUNT')]);
        if (account.status !== 'ACTIVE')
          throw new Refused([problem(at('programAccountId'), 'ACCOUNT_CLOSED')]);
        if (await manager.existsBy(PadAgreement, { activeAccountId: account.id }))
          throw new Refused([problem(at('programAccountId'), 'PAD_EXISTS')]);
        const agreement = manager.create(PadAgreement, {
          id: timeOrderedId(),
          programAccountId: account.id,
          activeAccountId: account.id,
          institutionNumber: institution,
          transitNumber: transit,
          accountLast4: bankAccount.slice(-4),
          accountHolder: holder,
          debitDay: input.debitDay,
          status: 'ACTIVE',
          createdBy: actorId,
          createdAt: now,
          cancelledBy: null,
          cancelledAt: null,
        });
        await manager.insert(PadAgreement, agreement);
        await recordBusinessAudit(manager, {
          registryBusinessId: business.registryBusinessId,
          type: 'PAD_CREATED',
          actorId,
          details: { account: account.accountNumber, day: input.debitDay },
          occurredAt: now,
        });
        await publish(
          manager,
          {
            type: 'PAD_CREATED',
            payload: {
              businessId: business.id,
              programAccountId: account.id,
              agreementId: agreement.id,
              createdBy: actorId,
            },
          },
          now,
        );
        return { ok: true as const, businessId: business.id, agreement };
      }),
    );
  } catch (error) {
    // Two concurrent creations: the unique index on the active account keeps one.
    if (isUniqueViolation(error))
      return { ok: false, problems: [problem(at('programAccountId'), 'PAD_EXISTS')] };
    throw error;
  }
}

/** Cancels an active agreement. Problems: PAD_NOT_FOUND, PAD_NOT_ACTIVE. Audit and domain event PAD_CANCELLED. */
export async function cancelPadAgreement(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  agreementId: string,
): Promise<Result<{ businessId: string; agreement: PadAgreement }>> {
  const now = config.now();
  return refusedToProblems(() =>
    inTransaction(dataSource, async (manager) => {
      const agreement = await manager.findOneBy(PadAgreement, { id: agreementId });
      if (!agreement) throw new Refused([problem(['padAgreementId'], 'PAD_NOT_FOUND')]);
      // Conditional: of two concurrent cancellations, one changes the row.
      const result = await manager.update(
        PadAgreement,
        { id: agreement.id, status: 'ACTIVE' },
        { status: 'CANCELLED', activeAccountId: null, cancelledBy: actorId, cancelledAt: now },
      );
      if (result.affected !== 1) throw new Refused([problem(['padAgreementId'], 'PAD_NOT_ACTIVE')]);
      const { account, business } = await accountAndBusiness(manager, agreement.programAccountId);
      await recordBusinessAudit(manager, {
        registryBusinessId: business.registryBusinessId,
        type: 'PAD_CANCELLED',
        actorId,
        details: { account: account.accountNumber },
        occurredAt: now,
      });
      await publish(
        manager,
        {
          type: 'PAD_CANCELLED',
          payload: {
            businessId: business.id,
            programAccountId: account.id,
            agreementId: agreement.id,
            cancelledBy: actorId,
          },
        },
        now,
      );
      return {
        ok: true as const,
        businessId: business.id,
        agreement: {
          ...agreement,
          status: 'CANCELLED',
          activeAccountId: null,
          cancelledBy: actorId,
          cancelledAt: now,
        },
      };
    }),
  );
}

export const SECURITY_DECISION_REASON_MAX = 500;

export interface DecideSecurityChangeValues {
  changeId: string;
  decision: 'APPROVED' | 'REJECTED';
  reasonEn: string;
  reasonFr: string;
}

/**
 * An agency officer approves or rejects a submitted financial security change (decision 0046), with the
 * reason in both languages: dated and signed (decided_at, decided_by), audited SECURITY_CHANGE_DECIDED on the
 * business and published as that domain event, whose subscribers write the webhook event and the letter
 * (and so its notice) in the same transaction. Problems: changeId NOT_FOUND, NOT_SUBMITTED (already
 * decided, also by another officer at the same moment); reasonEn/reasonFr REQUIRED, TOO_LONG.
 */
export async function decideFinancialSecurityChange(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: DecideSecurityChangeValues,
): Promise<Result<{ change: FinancialSecurityChange }>> {
  const reasonProblems = (value: string, field: 'reasonEn' | 'reasonFr'): Problem[] => {
    const text = tidy(value);
    if (!text) return [problem(['input', field], 'REQUIRED')];
    if ([...text].length > SECURITY_DECISION_REASON_MAX)
      return [problem(['input', field], 'TOO_LONG', { max: SECURITY_DECISION_REASON_MAX })];
    return [];
  };
  const problems = [
    ...(input.decision === 'APPROVED' || input.decision === 'REJECTED'
      ? []
      : [problem(['input', 'decision'], 'REQUIRED')]),
    ...reasonProblems(input.reasonEn, 'reasonEn'),
    ...reasonProblems(input.reasonFr, 'reasonFr'),
  ];
  if (problems.length) return { ok: false, problems };
  const now = config.now();
  return refusedToProblems(() =>
    inTransaction(dataSource, async (manager) => {
      const change = await manager.findOneBy(FinancialSecurityChange, { id: input.changeId });
      if (!change) throw new Refused([problem(['input', 'changeId'], 'NOT_FOUND')]);
      const set = {
        status: input.decision,
        decisionReasonEn: tidy(input.reasonEn),
        decisionReasonFr: tidy(input.reasonFr),
        decidedBy: actorId,
        decidedAt: now,
      };
      // Conditional: a change is decided once, whoever comes second is refused.
      const changed = await manager
        .createQueryBuilder()
        .update(FinancialSecurityChange)
        .set(set)
        .where('id = :id AND status = :status', { id: change.id, status: 'SUBMITTED' })
        .execute();
      if (changed.affected !== 1) throw new Refused([problem(['input', 'changeId'], 'NOT_SUBMITTED')]);
      const { account, business } = await accountAndBusiness(manager, change.programAccountId);
      await recordBusinessAudit(manager, {
        registryBusinessId: business.registryBusinessId,
        type: 'SECURITY_CHANGE_DECIDED',
        actorId,
        details: { account: account.accountNumber, to: input.decision },
        occurredAt: now,
      });
      await publish(
        manager,
        {
          type: 'SECURITY_CHANGE_DECIDED',
          payload: {
            businessId: business.id,
            programAccountId: account.id,
            changeId: change.id,
            decision: input.decision,
            reasonEn: set.decisionReasonEn,
            reasonFr: set.decisionReasonFr,
            decidedBy: actorId,
          },
        },
        now,
      );
      return { ok: true as const, change: { ...change, ...set } };
    }),
  );
}
