import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';
import { CentsColumn } from '../registry/registry-columns.js';

// The portal's own financial actions (docs/finance.md). The agency's records (registry_transaction, ...) are
// never written here; what the portal did to them lives in these tables and is read beside them.

/**
 * How much of one registry transaction the portal's credit applications have used: for a credit, the credit
 * spent; for a payable transaction, the amount paid with credits. One row per transaction that was ever
 * touched. Applying a credit raises these counters with a conditional UPDATE (`... WHERE allocated_cents +
 * :amount <= :limit`), which is atomic on both drivers: two concurrent applications can never together spend
 * more than the credit or pay more than the transaction owes.
 */
@Entity('finance_transaction_allocation')
export class TransactionAllocation {
  /** registry_transaction.id */
  @PrimaryColumn({ name: 'transaction_id', type: 'varchar', length: 36 })
  transactionId: string;

  @Index()
  @UuidColumn('program_account_id')
  programAccountId: string;

  /** Always >= 0. */
  @CentsColumn('allocated_cents')
  allocatedCents: number;
}

/** One credit applied to one transaction, as the person asked (the history of "apply credits as payment"). */
@Entity('finance_credit_application')
@Index('IDX_finance_credit_application_account', ['programAccountId', 'appliedAt', 'id'])
export class CreditApplication {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('program_account_id')
  programAccountId: string;

  /** The batch of one applyCredit request (several targets share it). */
  @UuidColumn('batch_id')
  batchId: string;

  @UuidColumn('credit_transaction_id')
  creditTransactionId: string;

  @Index()
  @UuidColumn('target_transaction_id')
  targetTransactionId: string;

  @CentsColumn('amount_cents')
  amountCents: number;

  @UuidColumn('applied_by')
  appliedBy: string;

  @InstantColumn('applied_at')
  appliedAt: Date;
}

/** A change to an account's financial security, submitted for the agency to process. */
@Entity('finance_security_change')
@Index('IDX_finance_security_change_account', ['programAccountId', 'submittedAt', 'id'])
export class FinancialSecurityChange {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('program_account_id')
  programAccountId: string;

  @Column({ name: 'security_type', type: 'varchar', length: 16 })
  securityType: string;

  @CentsColumn('amount_cents')
  amountCents: number;

  @Column({ type: 'varchar', length: 175 })
  provider: string;

  @Column({ type: 'varchar', length: 40 })
  reference: string;

  @Column({ name: 'effective_date', type: 'varchar', length: 10 })
  effectiveDate: string;

  /** '' when the new security does not expire. */
  @Column({ name: 'expiry_date', type: 'varchar', length: 10 })
  expiryDate: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  /** SUBMITTED, then APPROVED or REJECTED by an agency officer (decision 0046). */
  @Column({ type: 'varchar', length: 12 })
  status: string;

  @UuidColumn('submitted_by')
  submittedBy: string;

  @InstantColumn('submitted_at')
  submittedAt: Date;

  /** The officer's reason, in both languages ('' until decided). */
  @Column({ name: 'decision_reason_en', type: 'varchar', length: 500, default: '' })
  decisionReasonEn: string;

  @Column({ name: 'decision_reason_fr', type: 'varchar', length: 500, default: '' })
  decisionReasonFr: string;

  /** The officer who decided (a person id); null until decided. */
  @UuidColumn('decided_by', { nullable: true })
  decidedBy: string | null;

  @InstantColumn('decided_at', { nullable: true })
  decidedAt: Date | null;
}

/**
 * A pre-authorized debit agreement (monthly). Only what the portal shows is kept: the institution and transit
 * numbers (branch identifiers, printed on every cheque) and the last four digits of the bank account; the
 * full account number is never stored or logged (docs/decisions/0011-finance.md).
 */
@Entity('finance_pad_agreement')
@Index('IDX_finance_pad_agreement_account', ['programAccountId', 'createdAt', 'id'])
export class PadAgreement {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('program_account_id')
  programAccountId: string;

  /** The program account while the agreement is ACTIVE, null once cancelled: one active agreement per account. */
  @Index('UQ_finance_pad_agreement_active', { unique: true })
  @Column({ name: 'active_account_id', type: 'varchar', length: 36, nullable: true })
  activeAccountId: string | null;

  @Column({ name: 'institution_number', type: 'varchar', length: 3 })
  institutionNumber: string;

  @Column({ name: 'transit_number', type: 'varchar', length: 5 })
  transitNumber: string;

  @Column({ name: 'account_last4', type: 'varchar', length: 4 })
  accountLast4: string;

  @Column({ name: 'account_holder', type: 'varchar', length: 175 })
  accountHolder: string;

  /** Day of the month the debit is taken, 1 to 28 (every month has it). */
  @Column({ name: 'debit_day', type: 'int' })
  debitDay: number;

  /** ACTIVE or CANCELLED. */
  @Column({ type: 'varchar', length: 10 })
  status: string;

  @UuidColumn('created_by')
  createdBy: string;

  @InstantColumn('created_at')
  createdAt: Date;

  @UuidColumn('cancelled_by', { nullable: true })
  cancelledBy: string | null;

  @InstantColumn('cancelled_at', { nullable: true })
  cancelledAt: Date | null;
}

export const financeEntities = [
  TransactionAllocation,
  CreditApplication,
  FinancialSecurityChange,
  PadAgreement,
];
