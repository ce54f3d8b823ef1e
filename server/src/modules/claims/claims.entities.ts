import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';
import { CentsColumn } from '../registry/registry-columns.js';
import {
  type ClaimStatus,
  type ClaimType,
  type CorrectionKind,
  type RepaymentMethod,
  type RepaymentStatus,
} from './claims.types.js';

// Claims (docs/claims.md): a business asks the agency to correct a posted transaction (an adjustment, B2) or
// to repay the duties of imported goods it exported (drawback), and is repaid once approved. Money is signed
// integer cents (BIGINT, read back as a number); calendar dates are 'YYYY-MM-DD' strings; ids are UUIDs
// assigned in code. The agency's records (registry_transaction) are only read, never written.

@Entity('claim')
@Index('IDX_claim_business_list', ['businessId', 'createdAt', 'id'])
@Index('IDX_claim_account_list', ['programAccountId', 'createdAt', 'id'])
@Index('IDX_claim_queue', ['status', 'submittedAt', 'id'])
export class Claim {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** 10 digits starting with 7 (ruling cases start with 8), unique across the portal. */
  @Index('UQ_claim_case_number', { unique: true })
  @Column({ name: 'case_number', type: 'varchar', length: 10 })
  caseNumber: string;

  /** The portal business (business.id). */
  @UuidColumn('business_id')
  businessId: string;

  /** The program account (registry_program_account.id) the transaction is on. */
  @UuidColumn('program_account_id')
  programAccountId: string;

  /** registry_transaction.id */
  @Index('IDX_claim_transaction')
  @UuidColumn('transaction_id')
  transactionId: string;

  /** Copied from the transaction when the claim is filed, so that lists need no join. */
  @Column({ name: 'transaction_number', type: 'varchar', length: 14 })
  transactionNumber: string;

  @Column({ name: 'transaction_date', type: 'varchar', length: 10 })
  transactionDate: string;

  @Column({ name: 'claim_type', type: 'varchar', length: 12 })
  type: ClaimType;

  /** An adjustment's correction; '' for a drawback. */
  @Column({ name: 'correction_kind', type: 'varchar', length: 20 })
  correctionKind: CorrectionKind | '';

  /** A drawback's export date; '' for an adjustment. */
  @Column({ name: 'export_date', type: 'varchar', length: 10 })
  exportDate: string;

  /** A drawback's destination country, ISO 3166-1 alpha-2; '' for an adjustment. */
  @Column({ name: 'export_destination', type: 'varchar', length: 2 })
  exportDestination: string;

  @Column({ type: 'varchar', length: 2000 })
  reason: string;

  @Column({ type: 'varchar', length: 30 })
  status: ClaimStatus;

  /** The refund claimed: the sum of the lines' refunds, computed here, never typed in. */
  @CentsColumn('claimed_cents')
  claimedCents: number;

  /** Set with an approval: at most the claimed refund. */
  @Column({ name: 'approved_cents', type: 'bigint', nullable: true, transformer: nullableCents() })
  approvedCents: number | null;

  /** The officer's reason for a rejection or a partial approval, in both languages ('' when none). */
  @Column({ name: 'decision_reason_en', type: 'varchar', length: 2000 })
  decisionReasonEn: string;

  @Column({ name: 'decision_reason_fr', type: 'varchar', length: 2000 })
  decisionReasonFr: string;

  /** The person who attested the claim when submitting it. */
  @UuidColumn('attested_by', { nullable: true })
  attestedBy: string | null;

  /**
   * `<business id>:<key>` when the filer gave an idempotency key (an API client retrying a request): a second
   * filing with the same key answers the first claim instead of filing twice. Null otherwise.
   */
  @Index('UQ_claim_idempotency_key', { unique: true })
  @Column({ name: 'idempotency_key', type: 'varchar', length: 110, nullable: true })
  idempotencyKey: string | null;

  @UuidColumn('created_by')
  createdBy: string;

  @InstantColumn('created_at')
  createdAt: Date;

  @InstantColumn('submitted_at', { nullable: true })
  submittedAt: Date | null;

  @InstantColumn('decided_at', { nullable: true })
  decidedAt: Date | null;

  @InstantColumn('updated_at')
  updatedAt: Date;
}

/**
 * A line of the transaction a claim is about. `openKey` is `<transaction id>:<line number>` while the claim
 * is open (in progress up to more information requested) and null once it is closed (approved, rejected,
 * withdrawn): its unique index is what makes "one open claim per transaction line" hold under concurrency on
 * both drivers (several NULLs are allowed in a unique index on SQLite and MariaDB alike).
 */
@Entity('claim_line')
@Index('IDX_claim_line_claim', ['claimId', 'lineNumber'])
export class ClaimLine {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('claim_id')
  claimId: string;

  @Column({ name: 'line_number', type: 'int' })
  lineNumber: number;

  @Index('UQ_claim_line_open_key', { unique: true })
  @Column({ name: 'open_key', type: 'varchar', length: 48, nullable: true })
  openKey: string | null;

  /** The duties and taxes the line paid, as declared. */
  @CentsColumn('original_cents')
  originalCents: number;

  /** An adjustment's corrected classification ('' when not recomputed with the tariff). */
  @Column({ name: 'corrected_classification', type: 'varchar', length: 13 })
  correctedClassification: string;

  /** An adjustment's corrected value for duty, or 0. */
  @CentsColumn('corrected_value_cents')
  correctedValueCents: number;

  /** An adjustment's corrected tariff treatment ('' when not recomputed). */
  @Column({ name: 'corrected_treatment', type: 'varchar', length: 8 })
  correctedTreatment: string;

  /** Quantity in thousandths of the tariff unit, 0 when none. */
  @Column({ name: 'quantity_thousandths', type: 'int' })
  quantityThousandths: number;

  /** The duties and taxes the line should have paid: 0 for a drawback (the goods left the country). */
  @CentsColumn('corrected_cents')
  correctedCents: number;

  /** originalCents − correctedCents, > 0. */
  @CentsColumn('refund_cents')
  refundCents: number;
}

/** The claim's dated history: one row per status it entered, with who and what was said. */
@Entity('claim_event')
@Index('IDX_claim_event_claim', ['claimId', 'occurredAt', 'id'])
export class ClaimEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('claim_id')
  claimId: string;

  @Column({ type: 'varchar', length: 30 })
  status: ClaimStatus;

  /** '' when the change has no note; a request for information carries the question, an answer its text. */
  @Column({ type: 'varchar', length: 2000 })
  note: string;

  /** The second language of the note when an officer wrote it in both ('' otherwise). */
  @Column({ name: 'note_fr', type: 'varchar', length: 2000 })
  noteFr: string;

  /** An answer to a request for information (the status stays) rather than a status change. */
  @Column({ name: 'is_answer', type: 'boolean' })
  isAnswer: boolean;

  /** An agency officer made the change (the timeline says "the agency" rather than naming anyone). */
  @Column({ name: 'by_agency', type: 'boolean' })
  byAgency: boolean;

  @UuidColumn('actor_id')
  actorId: string;

  @InstantColumn('occurred_at')
  occurredAt: Date;
}

/** What an approved claim repays. One per claim; its status moves PAYABLE → PAID or UNPAID, once. */
@Entity('claim_repayment')
@Index('IDX_claim_repayment_account', ['programAccountId', 'createdAt', 'id'])
export class Repayment {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('UQ_claim_repayment_claim', { unique: true })
  @UuidColumn('claim_id')
  claimId: string;

  @UuidColumn('business_id')
  businessId: string;

  @UuidColumn('program_account_id')
  programAccountId: string;

  @CentsColumn('amount_cents')
  amountCents: number;

  @Column({ type: 'varchar', length: 10 })
  status: RepaymentStatus;

  /** How it was paid; '' until PAID. */
  @Column({ type: 'varchar', length: 16 })
  method: RepaymentMethod | '';

  /** The payment date, 'YYYY-MM-DD'; '' until PAID. */
  @Column({ name: 'paid_on', type: 'varchar', length: 10 })
  paidOn: string;

  /** Why it is withheld (e.g. offset against an amount owing); '' unless UNPAID. */
  @Column({ name: 'unpaid_reason_en', type: 'varchar', length: 2000 })
  unpaidReasonEn: string;

  @Column({ name: 'unpaid_reason_fr', type: 'varchar', length: 2000 })
  unpaidReasonFr: string;

  @InstantColumn('created_at')
  createdAt: Date;

  @InstantColumn('updated_at')
  updatedAt: Date;

  /** The officer who set PAID or UNPAID. */
  @UuidColumn('settled_by', { nullable: true })
  settledBy: string | null;
}

function nullableCents() {
  return {
    to: (value: number | null | undefined) => value,
    from: (value: string | number | null) => (value === null ? null : Number(value)),
  };
}

export const claimEntities = [Claim, ClaimLine, ClaimEvent, Repayment];
