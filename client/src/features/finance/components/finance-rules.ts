/**
 * The page side of the financial security and PAD rules. The rules themselves are the server's
 * (`@rules/finance-rules`, docs/decisions/0008): this file only reads what a person types (dollars, a day)
 * and names each problem for the page's messages. The server checks again; its user errors land in the
 * same places.
 */
import {
  ACCOUNT_HOLDER_MAX_LENGTH,
  BANK_ACCOUNT_MAX_DIGITS,
  BANK_ACCOUNT_MIN_DIGITS,
  DEBIT_DAY_MAX,
  DEBIT_DAY_MIN,
  type FieldProblem,
  padAgreementProblems,
  PROVIDER_MAX_LENGTH,
  REASON_MAX_LENGTH,
  SECURITY_AMOUNT_MAX_CENTS,
  SECURITY_REFERENCE_MAX_LENGTH,
  securityChangeProblems,
} from '@rules/finance-rules';

export const securityLimits = {
  amountMaxCents: SECURITY_AMOUNT_MAX_CENTS,
  providerMax: PROVIDER_MAX_LENGTH,
  referenceMax: SECURITY_REFERENCE_MAX_LENGTH,
  reasonMax: REASON_MAX_LENGTH,
} as const;

export const padLimits = {
  accountHolderMax: ACCOUNT_HOLDER_MAX_LENGTH,
  bankAccountMinDigits: BANK_ACCOUNT_MIN_DIGITS,
  bankAccountMaxDigits: BANK_ACCOUNT_MAX_DIGITS,
  debitDayMin: DEBIT_DAY_MIN,
  debitDayMax: DEBIT_DAY_MAX,
} as const;

/**
 * Dollars as typed ("25000", "25 000,50", "$1,234.56") to cents; null when it is not an amount with at
 * most two decimals. A comma followed by one or two digits at the end is a decimal comma (French).
 */
export function parseDollars(text: string): number | null {
  let value = text.replace(/[\s\u00a0\u202f$]/g, '');
  if (/,\d{1,2}$/.test(value) && !value.includes('.')) value = value.replace(/,(\d{1,2})$/, '.$1');
  value = value.replace(/,/g, '');
  if (!/^\d+(\.\d{1,2})?$/.test(value)) return null;
  const [whole = '0', fraction = ''] = value.split('.');
  const cents = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(cents) ? cents : null;
}

export type SecurityProblem =
  | 'type'
  | 'amountCents'
  | 'amountRange'
  | 'provider'
  | 'providerLength'
  | 'reference'
  | 'effectiveDate'
  | 'expiryDate'
  | 'beforeEffective'
  | 'reason'
  | 'reasonLength';

export interface SecurityValues {
  type: string;
  amount: string;
  provider: string;
  reference: string;
  effectiveDate: string;
  expiryDate: string;
  reason: string;
}

/** The message key of each shared problem code, by field (`field:CODE`); the field itself otherwise. */
const securityMessages: Record<string, SecurityProblem> = {
  'amountCents:OUT_OF_RANGE': 'amountRange',
  'provider:TOO_LONG': 'providerLength',
  'expiryDate:BEFORE_EFFECTIVE': 'beforeEffective',
  'reason:TOO_LONG': 'reasonLength',
};

function byField<P extends string>(
  problems: readonly FieldProblem[],
  messages: Record<string, P>,
): Partial<Record<string, P>> {
  const result: Partial<Record<string, P>> = {};
  for (const problem of problems)
    result[problem.field] ??= messages[`${problem.field}:${problem.code}`] ?? (problem.field as P);
  return result;
}

/** The problem of each field of a financial security change, by input field. */
export function securityProblems(values: SecurityValues): Partial<Record<string, SecurityProblem>> {
  const cents = parseDollars(values.amount);
  const problems = byField(
    securityChangeProblems({
      // An amount that does not read as dollars is its own problem, below: 1 cent passes the range.
      amountCents: cents ?? 1,
      provider: values.provider,
      reference: values.reference,
      effectiveDate: values.effectiveDate,
      expiryDate: values.expiryDate,
      reason: values.reason,
    }),
    securityMessages,
  );
  const type: SecurityProblem | undefined =
    values.type === 'SURETY_BOND' || values.type === 'CASH_DEPOSIT' ? undefined : 'type';
  return {
    ...(type ? { type } : {}),
    ...problems,
    ...(cents === null ? { amountCents: 'amountCents' as const } : {}),
  };
}

export type PadProblem =
  | 'institutionNumber'
  | 'transitNumber'
  | 'accountNumber'
  | 'accountHolder'
  | 'accountHolderLength'
  | 'debitDay'
  | 'acceptTerms';

export interface PadValues {
  institutionNumber: string;
  transitNumber: string;
  accountNumber: string;
  accountHolder: string;
  debitDay: string;
  acceptTerms: boolean;
}

const padMessages: Record<string, PadProblem> = { 'accountHolder:TOO_LONG': 'accountHolderLength' };

export function padProblems(values: PadValues): Partial<Record<string, PadProblem>> {
  return byField(
    padAgreementProblems({
      accountHolder: values.accountHolder,
      institutionNumber: values.institutionNumber,
      transitNumber: values.transitNumber,
      accountNumber: values.accountNumber,
      // An empty choice is day 0: out of range, as the server would say.
      debitDay: values.debitDay.trim() ? Number(values.debitDay) : 0,
      acceptTerms: values.acceptTerms,
    }),
    padMessages,
  );
}
