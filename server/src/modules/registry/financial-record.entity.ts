import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
  UpdateDateColumn,
  type Relation,
} from 'typeorm';
import { RegistryProgramAccount } from './program-account.entity.js';
import { CentsColumn, DateOnlyColumn } from './registry-columns.js';
import {
  type InvoiceStatus,
  type PaymentMethod,
  type SecurityType,
  type TransactionStatus,
  type TransactionType,
} from './registry.types.js';

// Financial records of an RM program account, as on its daily notices and statements of account. Money is
// signed integer cents; calendar dates are 'YYYY-MM-DD' strings; nothing is nullable (see registry-columns.ts).

/** A posted transaction (e.g. a commercial accounting declaration); registration question 1 reads it. */
@Entity('registry_transaction')
@Index(['programAccountId', 'transactionNumber'], { unique: true })
@Index(['programAccountId', 'transactionDate'])
export class RegistryTransaction {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'program_account_id', type: 'varchar', length: 36 })
  programAccountId: string;

  @ManyToOne(() => RegistryProgramAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_account_id' })
  programAccount?: Relation<RegistryProgramAccount>;

  @Column({ name: 'transaction_number', type: 'varchar', length: 14 })
  transactionNumber: string;

  @DateOnlyColumn('transaction_date')
  transactionDate: string;

  @Column({ name: 'transaction_type', type: 'varchar', length: 20 })
  transactionType: TransactionType;

  /** In English, or in the one language the agency wrote it in. */
  @Column({ type: 'varchar', length: 200 })
  description: string;

  /** In French; '' when the agency gave none (French pages then show `description`). */
  @Column({ name: 'description_fr', type: 'varchar', length: 200, default: '' })
  descriptionFr: string;

  /** Signed: credits are negative. */
  @CentsColumn('amount_cents')
  amountCents: number;

  @CentsColumn('duties_and_taxes_cents')
  dutiesAndTaxesCents: number;

  @Column({ type: 'varchar', length: 24 })
  status: TransactionStatus;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

/** A payment received on the account; registration question 2 reads the latest one. */
@Entity('registry_payment')
@Index(['programAccountId', 'reference'], { unique: true })
@Index(['programAccountId', 'paymentDate'])
export class RegistryPayment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'program_account_id', type: 'varchar', length: 36 })
  programAccountId: string;

  @ManyToOne(() => RegistryProgramAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_account_id' })
  programAccount?: Relation<RegistryProgramAccount>;

  @Column({ type: 'varchar', length: 40 })
  reference: string;

  @DateOnlyColumn('payment_date')
  paymentDate: string;

  @CentsColumn('amount_cents')
  amountCents: number;

  /** '' when the record does not say. */
  @Column({ type: 'varchar', length: 24 })
  method: PaymentMethod | '';

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

/** A monthly statement of account; registration question 3 reads the latest one's balance. */
@Entity('registry_statement')
@Index(['programAccountId', 'statementDate'], { unique: true })
export class RegistryStatement {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'program_account_id', type: 'varchar', length: 36 })
  programAccountId: string;

  @ManyToOne(() => RegistryProgramAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_account_id' })
  programAccount?: Relation<RegistryProgramAccount>;

  @DateOnlyColumn('statement_date')
  statementDate: string;

  @DateOnlyColumn('period_start')
  periodStart: string;

  @DateOnlyColumn('period_end')
  periodEnd: string;

  /** Signed: a credit balance is negative. */
  @CentsColumn('balance_cents')
  balanceCents: number;

  /** 0 when nothing is due. */
  @CentsColumn('amount_due_cents')
  amountDueCents: number;

  @DateOnlyColumn('due_date')
  dueDate: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

/** An invoice the agency billed to the account (seed 003 §2.2, "agency invoices"). */
@Entity('registry_invoice')
@Index(['programAccountId', 'invoiceNumber'], { unique: true })
@Index(['programAccountId', 'invoiceDate'])
export class RegistryInvoice {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'program_account_id', type: 'varchar', length: 36 })
  programAccountId: string;

  @ManyToOne(() => RegistryProgramAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_account_id' })
  programAccount?: Relation<RegistryProgramAccount>;

  @Column({ name: 'invoice_number', type: 'varchar', length: 20 })
  invoiceNumber: string;

  @DateOnlyColumn('invoice_date')
  invoiceDate: string;

  /** In English, or in the one language the agency wrote it in. */
  @Column({ type: 'varchar', length: 200 })
  description: string;

  /** In French; '' when the agency gave none (French pages then show `description`). */
  @Column({ name: 'description_fr', type: 'varchar', length: 200, default: '' })
  descriptionFr: string;

  @CentsColumn('amount_cents')
  amountCents: number;

  @DateOnlyColumn('due_date')
  dueDate: string;

  @Column({ type: 'varchar', length: 16 })
  status: InvoiceStatus;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

/** The financial security on file for an RM account: at most one per account. */
@Entity('registry_financial_security')
export class RegistryFinancialSecurity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index({ unique: true })
  @Column({ name: 'program_account_id', type: 'varchar', length: 36 })
  programAccountId: string;

  @ManyToOne(() => RegistryProgramAccount, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'program_account_id' })
  programAccount?: Relation<RegistryProgramAccount>;

  @Column({ name: 'security_type', type: 'varchar', length: 16 })
  securityType: SecurityType;

  @CentsColumn('amount_cents')
  amountCents: number;

  /** The surety company, or the institution holding a cash deposit. */
  @Column({ type: 'varchar', length: 175 })
  provider: string;

  /** Bond or deposit number; '' when the record has none. */
  @Column({ type: 'varchar', length: 40 })
  reference: string;

  @DateOnlyColumn('effective_date')
  effectiveDate: string;

  /** '' when the security does not expire (a cash deposit, a continuous bond). */
  @Column({ name: 'expiry_date', type: 'varchar', length: 10 })
  expiryDate: string;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}

/**
 * The agency's financial security requirement rule (decision 0044): an RM account must hold
 * `percentOfHighestMonth`% of its highest month's assessed duties and taxes over the last 12 months, never
 * less than `minimumCents`. One row at most: the reference data file sets it.
 */
@Entity('registry_security_rule')
export class RegistrySecurityRule {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Whole percent, 1 to 100. */
  @Column({ name: 'percent_of_highest_month', type: 'int' })
  percentOfHighestMonth: number;

  @CentsColumn('minimum_cents')
  minimumCents: number;

  @CreateDateColumn({ name: 'created_at', type: 'datetime', precision: 6 })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'datetime', precision: 6 })
  updatedAt: Date;
}
