import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import {
  financialSecurityOf,
  programAccountBalance,
  transactionNumbersByIds,
} from '../registry/registry-finance.service.js';
import type { RegistryProgramAccount, RegistryTransaction } from '../registry/registry-lookups.service.js';
import {
  CreditApplication,
  FinancialSecurityChange,
  PadAgreement,
  TransactionAllocation,
} from './finance.entities.js';
import { effectiveState } from './finance.rules.js';
import { type AccountTransaction } from './finance.types.js';

// Reads of program account finances: finance's own tables here, the registry's financial records through the
// registry's functions (registry-finance.service.ts), which own their keyset pages and cursors.

export {
  type DatePage,
  decodeDateCursor,
  encodeDateCursor,
  invoicesPage,
  recentTransactionRows,
  statementsPage,
  transactionsPage,
} from '../registry/registry-finance.service.js';

/** The allocations of transactions, by id (0 when the portal never touched one): one statement per batch. */
export function createAllocationLoader(dataSource: DataSource): DataLoader<string, number> {
  return new DataLoader<string, number>(async (ids) => {
    const rows = await dataSource
      .getRepository(TransactionAllocation)
      .findBy({ transactionId: In([...ids]) });
    const map = new Map(rows.map((row) => [row.transactionId, row.allocatedCents]));
    return ids.map((id) => map.get(id) ?? 0);
  });
}

export function transactionNode(row: RegistryTransaction, allocatedCents: number): AccountTransaction {
  return {
    id: row.id,
    programAccountId: row.programAccountId,
    transactionNumber: row.transactionNumber,
    transactionDate: row.transactionDate,
    description: row.description,
    descriptionFr: row.descriptionFr || null,
    type: row.transactionType,
    amountCents: row.amountCents,
    dutiesAndTaxesCents: row.dutiesAndTaxesCents,
    ...effectiveState(row, allocatedCents),
  };
}

/** The account balance, the credit still available, and what is still owed: three sums in one statement each. */
export function accountBalance(
  dataSource: DataSource,
  programAccountId: string,
): Promise<{ balanceCents: number; availableCreditCents: number; amountOwingCents: number }> {
  return programAccountBalance(dataSource, programAccountId, {
    table: dataSource.getMetadata(TransactionAllocation).tableName,
    transactionColumn: 'transaction_id',
    allocatedColumn: 'allocated_cents',
  });
}

export function securityOf(dataSource: DataSource, programAccountId: string) {
  return financialSecurityOf(dataSource, programAccountId);
}

/** Newest first, at most 100 (an account's changes are few; the agency processes them). */
export function securityChangesOf(dataSource: DataSource, programAccountId: string) {
  return dataSource.getRepository(FinancialSecurityChange).find({
    where: { programAccountId },
    order: { submittedAt: 'DESC', id: 'DESC' },
    take: 100,
  });
}

/** Newest first, at most 100: the active agreement (if any) and the cancelled ones. */
export function padAgreementsOf(dataSource: DataSource, programAccountId: string) {
  return dataSource.getRepository(PadAgreement).find({
    where: { programAccountId },
    order: { createdAt: 'DESC', id: 'DESC' },
    take: 100,
  });
}

/** Newest first, at most `take` (1 to 100), with the transaction numbers they name. */
export async function creditApplicationsOf(dataSource: DataSource, programAccountId: string, take: number) {
  const rows = await dataSource.getRepository(CreditApplication).find({
    where: { programAccountId },
    order: { appliedAt: 'DESC', id: 'DESC' },
    take,
  });
  const ids = [...new Set(rows.flatMap((r) => [r.creditTransactionId, r.targetTransactionId]))];
  const numbers = await transactionNumbersByIds(dataSource, ids);
  return rows.map((row) => ({
    row,
    creditNumber: numbers.get(row.creditTransactionId) ?? '',
    targetNumber: numbers.get(row.targetTransactionId) ?? '',
  }));
}

export function isRmAccount(account: RegistryProgramAccount): boolean {
  return account.programCode === 'RM';
}
