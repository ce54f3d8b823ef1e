// The input rules of financial security changes and pre-authorized debit agreements (docs/finance.md), owned
// by the server and imported by the client through `@rules/*` (docs/decisions/0008): the browser checks
// before sending, the API has the last word, and both say the same thing.

import { characterCount } from './text-rules.js';

/** Financial security amounts: 1 cent to $10 million. */
export const SECURITY_AMOUNT_MAX_CENTS = 1_000_000_000;
export const PROVIDER_MAX_LENGTH = 175;
export const SECURITY_REFERENCE_MAX_LENGTH = 40;
export const REASON_MAX_LENGTH = 500;
export const ACCOUNT_HOLDER_MAX_LENGTH = 175;
export const BANK_ACCOUNT_MIN_DIGITS = 7;
export const BANK_ACCOUNT_MAX_DIGITS = 12;
export const DEBIT_DAY_MIN = 1;
/** Every month has a 28th. */
export const DEBIT_DAY_MAX = 28;

/** One problem with one input field: the `userErrors` code and the numbers its message quotes. */
export interface FieldProblem {
  field: string;
  code: string;
  params?: Record<string, number>;
}

/** A real calendar day written YYYY-MM-DD, between 1900 and 2199 (as the registry's dates). */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1900 || year > 2199) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const tidy = (value: string | null | undefined) => (value ?? '').normalize('NFC').trim();

export interface SecurityChangeFields {
  amountCents: number;
  provider: string;
  reference?: string | null | undefined;
  effectiveDate: string;
  expiryDate?: string | null | undefined;
  reason: string;
}

/**
 * amountCents OUT_OF_RANGE; provider REQUIRED, TOO_LONG; reference INVALID_FORMAT; effectiveDate,
 * expiryDate INVALID_DATE; expiryDate BEFORE_EFFECTIVE; reason REQUIRED, TOO_LONG.
 */
export function securityChangeProblems(input: SecurityChangeFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (
    !Number.isSafeInteger(input.amountCents) ||
    input.amountCents < 1 ||
    input.amountCents > SECURITY_AMOUNT_MAX_CENTS
  )
    problems.push({
      field: 'amountCents',
      code: 'OUT_OF_RANGE',
      params: { maxCents: SECURITY_AMOUNT_MAX_CENTS },
    });
  const provider = tidy(input.provider);
  if (!provider) problems.push({ field: 'provider', code: 'REQUIRED' });
  else if (characterCount(provider) > PROVIDER_MAX_LENGTH)
    problems.push({ field: 'provider', code: 'TOO_LONG', params: { max: PROVIDER_MAX_LENGTH } });
  const reference = tidy(input.reference);
  if (reference && !new RegExp(`^[A-Za-z0-9-]{1,${SECURITY_REFERENCE_MAX_LENGTH}}$`).test(reference))
    problems.push({
      field: 'reference',
      code: 'INVALID_FORMAT',
      params: { max: SECURITY_REFERENCE_MAX_LENGTH },
    });
  const effectiveDate = tidy(input.effectiveDate);
  if (!isCalendarDay(effectiveDate)) problems.push({ field: 'effectiveDate', code: 'INVALID_DATE' });
  const expiryDate = tidy(input.expiryDate);
  if (expiryDate && !isCalendarDay(expiryDate)) problems.push({ field: 'expiryDate', code: 'INVALID_DATE' });
  else if (expiryDate && isCalendarDay(effectiveDate) && expiryDate <= effectiveDate)
    problems.push({ field: 'expiryDate', code: 'BEFORE_EFFECTIVE' });
  const reason = tidy(input.reason);
  if (!reason) problems.push({ field: 'reason', code: 'REQUIRED' });
  else if (characterCount(reason) > REASON_MAX_LENGTH)
    problems.push({ field: 'reason', code: 'TOO_LONG', params: { max: REASON_MAX_LENGTH } });
  return problems;
}

export interface PadAgreementFields {
  institutionNumber: string;
  transitNumber: string;
  accountNumber: string;
  accountHolder: string;
  debitDay: number;
  acceptTerms: boolean;
}

/**
 * institutionNumber, transitNumber, accountNumber INVALID_FORMAT; accountHolder REQUIRED, TOO_LONG;
 * debitDay OUT_OF_RANGE; acceptTerms REQUIRED.
 */
export function padAgreementProblems(input: PadAgreementFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!/^\d{3}$/.test(input.institutionNumber.trim()))
    problems.push({ field: 'institutionNumber', code: 'INVALID_FORMAT' });
  if (!/^\d{5}$/.test(input.transitNumber.trim()))
    problems.push({ field: 'transitNumber', code: 'INVALID_FORMAT' });
  if (
    !new RegExp(`^\\d{${BANK_ACCOUNT_MIN_DIGITS},${BANK_ACCOUNT_MAX_DIGITS}}$`).test(
      input.accountNumber.trim(),
    )
  )
    problems.push({
      field: 'accountNumber',
      code: 'INVALID_FORMAT',
      params: { min: BANK_ACCOUNT_MIN_DIGITS, max: BANK_ACCOUNT_MAX_DIGITS },
    });
  const holder = tidy(input.accountHolder);
  if (!holder) problems.push({ field: 'accountHolder', code: 'REQUIRED' });
  else if (characterCount(holder) > ACCOUNT_HOLDER_MAX_LENGTH)
    problems.push({ field: 'accountHolder', code: 'TOO_LONG', params: { max: ACCOUNT_HOLDER_MAX_LENGTH } });
  if (!Number.isInteger(input.debitDay) || input.debitDay < DEBIT_DAY_MIN || input.debitDay > DEBIT_DAY_MAX)
    problems.push({
      field: 'debitDay',
      code: 'OUT_OF_RANGE',
      params: { min: DEBIT_DAY_MIN, max: DEBIT_DAY_MAX },
    });
  if (input.acceptTerms !== true) problems.push({ field: 'acceptTerms', code: 'REQUIRED' });
  return problems;
}
