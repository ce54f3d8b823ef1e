// The closed vocabularies of the agency's reference records. Each list is the single source for the entity
// column types, the import file's zod schema and docs/reference-data.md; the database stores them as
// varchar (never database enums), so adding a value needs no migration.

/** Legal form of a business as the revenue agency records it. */
export const BUSINESS_TYPES = [
  'CORPORATION',
  'SOLE_PROPRIETORSHIP',
  'PARTNERSHIP',
  'TRUST',
  'NON_PROFIT',
  'COOPERATIVE',
  'GOVERNMENT',
] as const;
export type BusinessType = (typeof BUSINESS_TYPES)[number];

/** What a service provider does for its clients; a business that is not a service provider has none. */
export const SERVICE_PROVIDER_KINDS = ['CUSTOMS_BROKER', 'TRADE_CONSULTANT'] as const;
export type ServiceProviderKind = (typeof SERVICE_PROVIDER_KINDS)[number];

/** Which of the addresses given to the revenue agency this is (registration accepts any of them). */
export const ADDRESS_TYPES = ['PHYSICAL', 'MAILING', 'BOOKS_AND_RECORDS'] as const;
export type AddressType = (typeof ADDRESS_TYPES)[number];

/**
 * Program identifiers: the two letters between the BN9 and the 4-digit reference of an account number.
 * RM (import/export) is the one the portal works with; the others appear in a business's program list only.
 */
export const PROGRAM_CODES = ['RM', 'RT', 'RP', 'RC'] as const;
export type ProgramCode = (typeof PROGRAM_CODES)[number];

export const PROGRAM_TYPES = [
  'IMPORTER',
  'EXPORTER',
  'CUSTOMS_BROKER',
  'TRADE_CONSULTANT',
  'GST_HST',
  'PAYROLL',
  'CORPORATE_INCOME_TAX',
] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];

/** The program types each program code may carry. */
export const PROGRAM_TYPES_BY_CODE: Record<ProgramCode, readonly ProgramType[]> = {
  RM: ['IMPORTER', 'EXPORTER', 'CUSTOMS_BROKER', 'TRADE_CONSULTANT'],
  RT: ['GST_HST'],
  RP: ['PAYROLL'],
  RC: ['CORPORATE_INCOME_TAX'],
};

export const ACCOUNT_STATUSES = ['ACTIVE', 'CLOSED'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

/**
 * How an RM account is billed. DAILY_NOTICE accounts get a daily notice only: registration asks 2 questions
 * (a recent transaction's duties and taxes, the latest payment). MONTHLY_STATEMENT accounts also get a
 * monthly statement of account: registration asks a third question (the latest statement's balance).
 */
export const BILLING_TYPES = ['DAILY_NOTICE', 'MONTHLY_STATEMENT'] as const;
export type BillingType = (typeof BILLING_TYPES)[number];

export const OWNER_ROLES = ['OWNER', 'PARTNER', 'DIRECTOR', 'OFFICER', 'SHAREHOLDER', 'TRUSTEE'] as const;
export type OwnerRole = (typeof OWNER_ROLES)[number];

export const TRANSACTION_TYPES = ['CAD', 'ADJUSTMENT', 'CARD_BATCH', 'INTEREST', 'PENALTY', 'OTHER'] as const;
export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export const TRANSACTION_STATUSES = [
  'POSTED',
  'PARTIALLY_PAID',
  'PAID',
  'UNAPPLIED_CREDIT',
  'APPLIED_CREDIT',
  'CANCELLED',
] as const;
export type TransactionStatus = (typeof TRANSACTION_STATUSES)[number];

export const PAYMENT_METHODS = [
  'PRE_AUTHORIZED_DEBIT',
  'ONLINE_BANKING',
  'WIRE_TRANSFER',
  'CHEQUE',
  'CREDIT_CARD',
] as const;
export type PaymentMethod = (typeof PAYMENT_METHODS)[number];

/** An agency invoice's state (invoices are billed by the agency outside CADs, e.g. service fees). */
export const INVOICE_STATUSES = ['OUTSTANDING', 'PAID', 'CANCELLED'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** The financial security an RM account holds for release prior to payment. */
export const SECURITY_TYPES = ['SURETY_BOND', 'CASH_DEPOSIT'] as const;
export type SecurityType = (typeof SECURITY_TYPES)[number];
