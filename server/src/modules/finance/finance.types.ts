import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { PageInfo } from '../../common/graphql/connection.js';
import { UserError } from '../../common/graphql/user-error.type.js';
import { PersonSummary } from '../businesses/businesses.types.js';

// GraphQL types of program account finances (docs/finance.md). Money is integer cents (`...Cents: Int`);
// calendar dates are 'YYYY-MM-DD' strings. Every value here is reached through a guarded field or mutation.

export enum SecurityType {
  SURETY_BOND = 'SURETY_BOND',
  CASH_DEPOSIT = 'CASH_DEPOSIT',
}
registerEnumType(SecurityType, {
  name: 'SecurityType',
  description: 'The form of a financial security.',
  valuesConfig: {
    SURETY_BOND: { description: 'A bond from a surety company.' },
    CASH_DEPOSIT: { description: 'Cash deposited with the agency.' },
  },
});

// ---- Transactions -----------------------------------------------------------------------------------------

@ObjectType({
  description: 'A transaction of a program account (e.g. a CAD), with what the portal applied to it.',
})
export class AccountTransaction {
  @Field(() => ID, { description: 'The transaction’s id (opaque).' })
  id: string;

  @Field(() => ID, { description: 'The program account’s id.' })
  programAccountId: string;

  @Field(() => String, { description: '14 digits.' })
  transactionNumber: string;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  transactionDate: string;

  @Field(() => String, { description: 'As on the daily notice (the agency writes it in one language).' })
  description: string;

  @Field(() => String, { description: 'CAD, ADJUSTMENT, CARD_BATCH, INTEREST, PENALTY or OTHER.' })
  type: string;

  @Field(() => Int, { description: 'Signed: a credit is negative.' })
  amountCents: number;

  @Field(() => Int)
  dutiesAndTaxesCents: number;

  @Field(() => String, {
    description:
      'POSTED, PARTIALLY_PAID, PAID, UNAPPLIED_CREDIT, APPLIED_CREDIT or CANCELLED: the agency’s status, updated by the credits applied in the portal.',
  })
  status: string;

  @Field(() => Int, {
    description:
      'What is left: of a credit, the credit still available to apply; of a payable transaction, the amount still owed; 0 otherwise.',
  })
  remainingCents: number;

  @Field(() => Boolean, { description: 'A credit that can be applied as payment now.' })
  isApplicableCredit: boolean;

  @Field(() => Boolean, { description: 'A transaction a credit can pay now.' })
  isPayable: boolean;
}

@ObjectType({ description: 'A transaction in a list, with its cursor.' })
export class AccountTransactionEdge {
  @Field(() => String, { description: 'Pass as `after` to read the transactions after this one.' })
  cursor: string;

  @Field(() => AccountTransaction, { description: 'The transaction.' })
  node: AccountTransaction;
}

@ObjectType({ description: 'Newest transaction first.' })
export class AccountTransactionConnection {
  @Field(() => [AccountTransactionEdge], { description: 'The transactions of this page.' })
  edges: AccountTransactionEdge[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;

  count: () => Promise<number>;
}

@ObjectType({ description: 'The account balance: what the transactions on record add up to.' })
export class AccountBalance {
  @Field(() => Int, { description: 'Sum of every transaction not cancelled; negative when in credit.' })
  balanceCents: number;

  @Field(() => Int, { description: 'Credit still available to apply as payment.' })
  availableCreditCents: number;

  @Field(() => Int, { description: 'Still owed on the payable transactions.' })
  amountOwingCents: number;
}

// ---- Statements and invoices ------------------------------------------------------------------------------

@ObjectType({ description: 'A monthly statement of account.' })
export class AccountStatement {
  @Field(() => ID, { description: 'The account statement’s id (opaque).' })
  id: string;

  @Field(() => String)
  statementDate: string;

  @Field(() => String)
  periodStart: string;

  @Field(() => String)
  periodEnd: string;

  @Field(() => Int, { description: 'Signed: a credit balance is negative.' })
  balanceCents: number;

  @Field(() => Int)
  amountDueCents: number;

  @Field(() => String)
  dueDate: string;
}

@ObjectType({ description: 'A statement in a list, with its cursor.' })
export class AccountStatementEdge {
  @Field(() => String, { description: 'Pass as `after` to read the statements after this one.' })
  cursor: string;

  @Field(() => AccountStatement, { description: 'The statement.' })
  node: AccountStatement;
}

@ObjectType({ description: 'Newest statement first.' })
export class AccountStatementConnection {
  @Field(() => [AccountStatementEdge], { description: 'The statements of this page.' })
  edges: AccountStatementEdge[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;

  count: () => Promise<number>;
}

@ObjectType({ description: 'An invoice the agency billed to the account.' })
export class AgencyInvoice {
  @Field(() => ID, { description: 'The agency invoice’s id (opaque).' })
  id: string;

  @Field(() => String)
  invoiceNumber: string;

  @Field(() => String)
  invoiceDate: string;

  @Field(() => String)
  description: string;

  @Field(() => Int)
  amountCents: number;

  @Field(() => String)
  dueDate: string;

  @Field(() => String, { description: 'OUTSTANDING, PAID or CANCELLED.' })
  status: string;
}

@ObjectType({ description: 'A invoice in a list, with its cursor.' })
export class AgencyInvoiceEdge {
  @Field(() => String, { description: 'Pass as `after` to read the invoices after this one.' })
  cursor: string;

  @Field(() => AgencyInvoice, { description: 'The invoice.' })
  node: AgencyInvoice;
}

@ObjectType({ description: 'Newest invoice first.' })
export class AgencyInvoiceConnection {
  @Field(() => [AgencyInvoiceEdge], { description: 'The invoices of this page.' })
  edges: AgencyInvoiceEdge[];

  @Field(() => PageInfo, { description: 'Where this page ends.' })
  pageInfo: PageInfo;

  count: () => Promise<number>;
}

// ---- Credit applications ----------------------------------------------------------------------------------

@ObjectType({ description: 'A credit applied as payment to one transaction through the portal.' })
export class CreditApplicationNode {
  @Field(() => ID, { description: 'The credit application’s id (opaque).' })
  id: string;

  @Field(() => String)
  creditTransactionNumber: string;

  @Field(() => String)
  targetTransactionNumber: string;

  @Field(() => Int)
  amountCents: number;

  @Field(() => Date)
  appliedAt: Date;

  @Field(() => PersonSummary)
  appliedBy: PersonSummary;
}

// ---- Financial security -----------------------------------------------------------------------------------

@ObjectType({ description: 'The financial security on file for an RM account.' })
export class FinancialSecurity {
  @Field(() => SecurityType)
  type: SecurityType;

  @Field(() => Int)
  amountCents: number;

  @Field(() => String, { description: 'The surety company, or the institution holding the deposit.' })
  provider: string;

  @Field(() => String, { nullable: true, description: 'Bond or deposit number.' })
  reference: string | null;

  @Field(() => String)
  effectiveDate: string;

  @Field(() => String, { nullable: true, description: 'Null when it does not expire.' })
  expiryDate: string | null;
}

@ObjectType({ description: 'A change to the financial security, submitted for the agency to process.' })
export class FinancialSecurityChangeNode {
  @Field(() => ID, { description: 'The financial security change’s id (opaque).' })
  id: string;

  @Field(() => SecurityType)
  type: SecurityType;

  @Field(() => Int)
  amountCents: number;

  @Field(() => String)
  provider: string;

  @Field(() => String, { nullable: true })
  reference: string | null;

  @Field(() => String)
  effectiveDate: string;

  @Field(() => String, { nullable: true })
  expiryDate: string | null;

  @Field(() => String)
  reason: string;

  @Field(() => String, { description: 'SUBMITTED.' })
  status: string;

  @Field(() => Date)
  submittedAt: Date;

  @Field(() => PersonSummary)
  submittedBy: PersonSummary;
}

// ---- Pre-authorized debit ---------------------------------------------------------------------------------

@ObjectType({ description: 'A monthly pre-authorized debit agreement. Bank numbers are masked.' })
export class PadAgreementNode {
  @Field(() => ID, { description: 'The pre-authorized debit agreement’s id (opaque).' })
  id: string;

  @Field(() => String, { description: 'ACTIVE or CANCELLED.' })
  status: string;

  @Field(() => String, { description: '3 digits.' })
  institutionNumber: string;

  @Field(() => String, { description: 'e.g. •••45: only the last two digits.' })
  maskedTransitNumber: string;

  @Field(() => String, { description: 'e.g. ••••6789: only the last four digits.' })
  maskedAccountNumber: string;

  @Field(() => String, { description: 'The last four digits, for an accessible label.' })
  accountNumberEnding: string;

  @Field(() => String)
  accountHolder: string;

  @Field(() => Int, { description: 'Day of the month of the debit, 1 to 28.' })
  debitDay: number;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  cancelledAt: Date | null;
}

// ---- Inputs and payloads ----------------------------------------------------------------------------------

@InputType()
export class CreditAllocationInput {
  @Field(() => ID, { description: 'A payable transaction of the same program account.' })
  transactionId: string;

  @Field(() => Int, { description: 'Cents, at least 1 and at most what the transaction still owes.' })
  amountCents: number;
}

@InputType()
export class ApplyCreditInput {
  @Field(() => ID, { description: 'The program account’s id.' })
  programAccountId: string;

  @Field(() => ID, { description: 'A transaction of the account with credit available.' })
  creditTransactionId: string;

  @Field(() => [CreditAllocationInput], { description: '1 to 20 transactions; together at most the credit.' })
  allocations: CreditAllocationInput[];
}

@ObjectType({ description: 'The credit and the transactions it paid, or the problems with the input.' })
export class ApplyCreditPayload {
  @Field(() => AccountTransaction, { nullable: true, description: 'The credit, after the application.' })
  credit: AccountTransaction | null;

  @Field(() => [AccountTransaction], { description: 'The transactions paid, after the application.' })
  paid: AccountTransaction[];

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}

@InputType()
export class SubmitFinancialSecurityChangeInput {
  @Field(() => ID, { description: 'The program account’s id.' })
  programAccountId: string;

  @Field(() => SecurityType)
  type: SecurityType;

  @Field(() => Int, { description: 'Cents, 1 to 1,000,000,000 ($10 million).' })
  amountCents: number;

  @Field(() => String, { description: '1 to 175 characters.' })
  provider: string;

  @Field(() => String, { nullable: true, description: 'Up to 40 letters, digits or hyphens.' })
  reference?: string | null;

  @Field(() => String, { description: 'YYYY-MM-DD.' })
  effectiveDate: string;

  @Field(() => String, {
    nullable: true,
    description: 'YYYY-MM-DD, after effectiveDate; none for no expiry.',
  })
  expiryDate?: string | null;

  @Field(() => String, { description: '1 to 500 characters: why the security changes.' })
  reason: string;
}

@ObjectType({ description: 'The financial security change requested, or the problems with the input.' })
export class FinancialSecurityChangePayload {
  @Field(() => FinancialSecurityChangeNode, {
    nullable: true,
    description: 'The financial security change requested; null when the input had problems.',
  })
  change: FinancialSecurityChangeNode | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}

@InputType()
export class CreatePadAgreementInput {
  @Field(() => ID, { description: 'The program account’s id.' })
  programAccountId: string;

  @Field(() => String, { description: 'Financial institution number: 3 digits.' })
  institutionNumber: string;

  @Field(() => String, { description: 'Branch transit number: 5 digits.' })
  transitNumber: string;

  @Field(() => String, { description: 'Bank account number: 7 to 12 digits. Never stored in full.' })
  accountNumber: string;

  @Field(() => String, { description: '1 to 175 characters.' })
  accountHolder: string;

  @Field(() => Int, { description: 'Day of the month, 1 to 28.' })
  debitDay: number;

  @Field(() => Boolean, { description: 'The payor accepts the PAD agreement’s terms.' })
  acceptTerms: boolean;
}

@ObjectType({ description: 'The pre-authorized debit agreement, or the problems with the input.' })
export class PadAgreementPayload {
  @Field(() => PadAgreementNode, {
    nullable: true,
    description: 'The pre-authorized debit agreement; null when the input had problems.',
  })
  agreement: PadAgreementNode | null;

  @Field(() => [UserError], { description: 'What was wrong with the input; empty on success.' })
  userErrors: UserError[];
}
