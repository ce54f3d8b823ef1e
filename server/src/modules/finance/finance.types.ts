import { AccessAction, AccessArea } from '../../common/auth/access-table.js';
import { AccessType } from '../../common/auth/access-directive.js';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { describedEnum } from '../../common/graphql/described-enum.js';
import { CalendarDateField } from '../../common/graphql/calendar-date.field.js';
import { UserErrorsPayload } from '../../common/graphql/user-error.type.js';
import {
  type CountedConnection,
  countedConnectionType,
  type ListConnection,
  listConnectionType,
} from '../../common/graphql/list-connection.js';
import { PersonSummary } from '../businesses/businesses.types.js';

// GraphQL types of program account finances (docs/finance.md). Money is integer cents (`...Cents: Int`);
// calendar dates are 'YYYY-MM-DD' strings. Every value here is reached through a guarded field or mutation.

export enum SecurityType {
  SURETY_BOND = 'SURETY_BOND',
  CASH_DEPOSIT = 'CASH_DEPOSIT',
}
describedEnum(SecurityType, 'SecurityType', 'The form of a financial security.', {
  SURETY_BOND: 'A bond from a surety company.',
  CASH_DEPOSIT: 'Cash deposited with the agency.',
});

// ---- Transactions -----------------------------------------------------------------------------------------

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
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

  @Field(() => String, {
    description: 'As on the daily notice: in English, or the one language the agency wrote it in.',
  })
  description: string;

  @Field(() => String, {
    nullable: true,
    description:
      'The description in French, for French pages; null when the agency gave none (show `description`).',
  })
  descriptionFr: string | null;

  @Field(() => String, { description: 'CAD, ADJUSTMENT, CARD_BATCH, INTEREST, PENALTY or OTHER.' })
  type: string;

  @Field(() => Int, { description: 'Signed: a credit is negative.' })
  amountCents: number;

  @Field(() => Int, {
    description:
      'The duties and taxes part of the amount, in cents (e.g. of a CAD; 0 when the transaction carries none).',
  })
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

export const AccountTransactionConnection = countedConnectionType<AccountTransaction>(
  'AccountTransaction',
  AccountTransaction,
  {
    edge: 'A transaction in a list, with its cursor.',
    cursor: 'Pass as `after` to read the transactions after this one.',
    node: 'The transaction.',
    connection: 'Newest transaction first.',
    edges: 'The transactions of this page.',
  },
);
export type AccountTransactionConnection = CountedConnection<AccountTransaction>;

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
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

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
@ObjectType({ description: 'A monthly statement of account.' })
export class AccountStatement {
  @Field(() => ID, { description: 'The account statement’s id (opaque).' })
  id: string;

  @CalendarDateField('The date the statement was issued')
  statementDate: string;

  @CalendarDateField('First day of the period covered')
  periodStart: string;

  @CalendarDateField('Last day of the period covered')
  periodEnd: string;

  @Field(() => Int, { description: 'Signed: a credit balance is negative.' })
  balanceCents: number;

  @Field(() => Int, { description: 'What the statement asks to be paid by the due date, in cents.' })
  amountDueCents: number;

  @CalendarDateField('The date payment is due')
  dueDate: string;
}

export const AccountStatementConnection = countedConnectionType<AccountStatement>(
  'AccountStatement',
  AccountStatement,
  {
    edge: 'A statement in a list, with its cursor.',
    cursor: 'Pass as `after` to read the statements after this one.',
    node: 'The statement.',
    connection: 'Newest statement first.',
    edges: 'The statements of this page.',
  },
);
export type AccountStatementConnection = CountedConnection<AccountStatement>;

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
@ObjectType({ description: 'An invoice the agency billed to the account.' })
export class AgencyInvoice {
  @Field(() => ID, { description: 'The agency invoice’s id (opaque).' })
  id: string;

  @Field(() => String, { description: 'The agency’s invoice number.' })
  invoiceNumber: string;

  @CalendarDateField('The date of the invoice')
  invoiceDate: string;

  @Field(() => String, {
    description: 'What the invoice is for, as the agency wrote it: in English, or its one language.',
  })
  description: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the invoice is for, in French; null when the agency gave none (show `description`).',
  })
  descriptionFr: string | null;

  @Field(() => Int, { description: 'The amount billed, in cents.' })
  amountCents: number;

  @CalendarDateField('The date payment is due')
  dueDate: string;

  @Field(() => String, { description: 'OUTSTANDING, PAID or CANCELLED.' })
  status: string;
}

export const AgencyInvoiceConnection = countedConnectionType<AgencyInvoice>('AgencyInvoice', AgencyInvoice, {
  edge: 'A invoice in a list, with its cursor.',
  cursor: 'Pass as `after` to read the invoices after this one.',
  node: 'The invoice.',
  connection: 'Newest invoice first.',
  edges: 'The invoices of this page.',
});
export type AgencyInvoiceConnection = CountedConnection<AgencyInvoice>;

// ---- Credit applications ----------------------------------------------------------------------------------

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
@ObjectType({ description: 'A credit applied as payment to one transaction through the portal.' })
export class CreditApplicationNode {
  @Field(() => ID, { description: 'The credit application’s id (opaque).' })
  id: string;

  @Field(() => String, { description: 'The 14-digit number of the credit transaction applied.' })
  creditTransactionNumber: string;

  @Field(() => String, { description: 'The 14-digit number of the transaction the credit paid.' })
  targetTransactionNumber: string;

  @Field(() => Int, {
    description: 'How much of the credit was applied to that transaction, in cents (positive).',
  })
  amountCents: number;

  @Field(() => Date, { description: 'When it was applied.' })
  appliedAt: Date;

  @Field(() => PersonSummary, { description: 'The person who applied it.' })
  appliedBy: PersonSummary;
}

// ---- Financial security -----------------------------------------------------------------------------------

@AccessType(AccessArea.FINANCIAL_SECURITY, AccessAction.VIEW)
@ObjectType({ description: 'The financial security on file for an RM account.' })
export class FinancialSecurity {
  @Field(() => SecurityType, { description: 'SURETY_BOND or CASH_DEPOSIT.' })
  type: SecurityType;

  @Field(() => Int, { description: 'The amount of the security, in cents.' })
  amountCents: number;

  @Field(() => String, { description: 'The surety company, or the institution holding the deposit.' })
  provider: string;

  @Field(() => String, { nullable: true, description: 'Bond or deposit number.' })
  reference: string | null;

  @CalendarDateField('From when it covers the account')
  effectiveDate: string;

  @Field(() => String, { nullable: true, description: 'Null when it does not expire.' })
  expiryDate: string | null;
}

@AccessType(AccessArea.FINANCIAL_SECURITY, AccessAction.VIEW)
@ObjectType({ description: 'A change to the financial security, submitted for the agency to process.' })
export class FinancialSecurityChangeNode {
  @Field(() => ID, { description: 'The financial security change’s id (opaque).' })
  id: string;

  @Field(() => SecurityType, { description: 'The kind of security asked for: SURETY_BOND or CASH_DEPOSIT.' })
  type: SecurityType;

  @Field(() => Int, { description: 'The new amount, in cents.' })
  amountCents: number;

  @Field(() => String, { description: 'The surety company, or the institution holding the deposit.' })
  provider: string;

  @Field(() => String, { nullable: true, description: 'Bond or deposit number, when given.' })
  reference: string | null;

  @CalendarDateField('From when the change applies')
  effectiveDate: string;

  @Field(() => String, {
    nullable: true,
    description: 'When the new security expires, YYYY-MM-DD; null when it does not.',
  })
  expiryDate: string | null;

  @Field(() => String, { description: 'Why the security changes, as the submitter wrote it.' })
  reason: string;

  @Field(() => String, { description: 'SUBMITTED, then APPROVED or REJECTED by the agency.' })
  status: string;

  @Field(() => Date, { description: 'When it was submitted.' })
  submittedAt: Date;

  @Field(() => PersonSummary, { description: 'The person who submitted it.' })
  submittedBy: PersonSummary;

  @Field(() => String, {
    nullable: true,
    description: 'The agency’s reason for its decision, in the caller’s language; null until decided.',
  })
  decisionReason?: string | null;

  @Field(() => Date, { nullable: true, description: 'When the agency decided; null until then.' })
  decidedAt?: Date | null;
}

export enum SecurityChangeDecision {
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
}

describedEnum(
  SecurityChangeDecision,
  'SecurityChangeDecision',
  'An agency officer’s decision on a financial security change.',
  {
    APPROVED: 'The change is accepted.',
    REJECTED: 'The change is refused.',
  },
);

@InputType({
  description: 'An officer’s decision on a financial security change, with the reason in both languages.',
})
export class DecideFinancialSecurityChangeInput {
  @Field(() => ID, { description: 'The change’s id.' })
  changeId: string;

  @Field(() => SecurityChangeDecision, { description: 'APPROVED or REJECTED.' })
  decision: SecurityChangeDecision;

  @Field(() => String, { description: 'The reason in English, 1 to 500 characters.' })
  reasonEn: string;

  @Field(() => String, { description: 'The reason in French, 1 to 500 characters.' })
  reasonFr: string;
}

// ---- Pre-authorized debit ---------------------------------------------------------------------------------

@AccessType(AccessArea.PAD, AccessAction.VIEW)
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

  @Field(() => String, { description: 'The name on the bank account, as the payor wrote it.' })
  accountHolder: string;

  @Field(() => Int, { description: 'Day of the month of the debit, 1 to 28.' })
  debitDay: number;

  @Field(() => Date, { description: 'When the agreement was made in the portal.' })
  createdAt: Date;

  @Field(() => Date, { nullable: true, description: 'When it was cancelled; null while ACTIVE.' })
  cancelledAt: Date | null;
}

// ---- Inputs and payloads ----------------------------------------------------------------------------------

@InputType({ description: 'How much of the credit goes to one transaction.' })
export class CreditAllocationInput {
  @Field(() => ID, { description: 'A payable transaction of the same program account.' })
  transactionId: string;

  @Field(() => Int, { description: 'Cents, at least 1 and at most what the transaction still owes.' })
  amountCents: number;
}

@InputType({
  description:
    'Apply a credit of a program account as payment to some of its payable transactions, all at once or not at all.',
})
export class ApplyCreditInput {
  @Field(() => ID, { description: 'The program account’s id.' })
  programAccountId: string;

  @Field(() => ID, { description: 'A transaction of the account with credit available.' })
  creditTransactionId: string;

  @Field(() => [CreditAllocationInput], { description: '1 to 20 transactions; together at most the credit.' })
  allocations: CreditAllocationInput[];
}

@ObjectType({ description: 'The credit and the transactions it paid, or the problems with the input.' })
export class ApplyCreditPayload extends UserErrorsPayload {
  @Field(() => AccountTransaction, { nullable: true, description: 'The credit, after the application.' })
  credit: AccountTransaction | null;

  @Field(() => [AccountTransaction], { description: 'The transactions paid, after the application.' })
  paid: AccountTransaction[];
}

@InputType({
  description: 'A change to a program account’s financial security, sent for the agency to process.',
})
export class SubmitFinancialSecurityChangeInput {
  @Field(() => ID, { description: 'The program account’s id.' })
  programAccountId: string;

  @Field(() => SecurityType, { description: 'SURETY_BOND or CASH_DEPOSIT.' })
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
export class FinancialSecurityChangePayload extends UserErrorsPayload {
  @Field(() => FinancialSecurityChangeNode, {
    nullable: true,
    description: 'The financial security change requested; null when the input had problems.',
  })
  change: FinancialSecurityChangeNode | null;
}

@InputType({
  description:
    'A new monthly pre-authorized debit agreement for an RM program account; an account has at most one active agreement (else PAD_EXISTS). Bank numbers are never answered in full.',
})
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
export class PadAgreementPayload extends UserErrorsPayload {
  @Field(() => PadAgreementNode, {
    nullable: true,
    description: 'The pre-authorized debit agreement; null when the input had problems.',
  })
  agreement: PadAgreementNode | null;
}

export const PadAgreementConnection = listConnectionType<PadAgreementNode>('PadAgreement', PadAgreementNode, {
  items: 'pre-authorized debit agreements',
  item: 'a pre-authorized debit agreement',
  order: 'newest first',
});
export type PadAgreementConnection = ListConnection<PadAgreementNode>;

@AccessType(AccessArea.REQUESTS_AND_TRANSACTIONS, AccessAction.VIEW)
@ObjectType('AccountIndicators', {
  description:
    'A program account’s (or a business’s visible accounts’) amounts overdue, statements due and financial security at a glance.',
})
export class AccountIndicators {
  @Field(() => Int, { description: 'Outstanding agency invoices whose due date has passed.' })
  overdueCount: number;

  @Field(() => Int, { description: 'What those overdue invoices amount to, in cents.' })
  overdueCents: number;

  @Field(() => Int, { description: 'Statements with an amount due whose due date is today or later.' })
  statementsDueCount: number;

  @Field(() => Int, { description: 'The amounts due on those statements, in cents.' })
  statementsDueCents: number;

  @Field(() => Int, {
    nullable: true,
    description:
      'The financial security on file, in cents; null when the caller may not view the financial security of any of the accounts.',
  })
  securityOnFileCents: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'The financial security the agency requires, in cents, over the accounts whose security the caller may view: per RM account, the figure the agency set for it, else its rule (a percentage of the highest month’s assessed duties and taxes over the last 12 months, never below a minimum); null when the caller may view none, or when the agency set neither a rule nor a figure for one of them.',
  })
  securityRequiredCents: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How much more security the agency requires than is on file, in cents: per account, what it requires less what it holds, floored at 0, added up (a surplus on one account covers no other); null as securityRequiredCents.',
  })
  securityShortfallCents: number | null;
}
