/**
 * The server's input rules for financial security changes and PAD agreements (server/src/modules/finance:
 * finance.rules.ts and finance.service.ts), checked before sending so a slip is caught at once. The server
 * checks them again and its user errors land in the same places.
 */
export const securityLimits = {
  amountMaxCents: 1_000_000_000,
  providerMax: 175,
  referenceMax: 40,
  reasonMax: 500,
} as const;

export const padLimits = {
  accountHolderMax: 175,
  bankAccountMinDigits: 7,
  bankAccountMaxDigits: 12,
  debitDayMin: 1,
  debitDayMax: 28,
} as const;

/** A real calendar day written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

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

/** The problem of each field of a financial security change, by input field. */
export function securityProblems(values: SecurityValues): Partial<Record<string, SecurityProblem>> {
  const problems: Partial<Record<string, SecurityProblem>> = {};
  if (values.type !== 'SURETY_BOND' && values.type !== 'CASH_DEPOSIT') problems.type = 'type';
  const cents = parseDollars(values.amount);
  if (cents === null) problems.amountCents = 'amountCents';
  else if (cents < 1 || cents > securityLimits.amountMaxCents) problems.amountCents = 'amountRange';
  const provider = values.provider.trim();
  if (!provider) problems.provider = 'provider';
  else if (provider.length > securityLimits.providerMax) problems.provider = 'providerLength';
  const reference = values.reference.trim();
  if (reference && !new RegExp(`^[A-Za-z0-9-]{1,${securityLimits.referenceMax}}$`).test(reference))
    problems.reference = 'reference';
  const effective = values.effectiveDate.trim();
  if (!isCalendarDate(effective)) problems.effectiveDate = 'effectiveDate';
  const expiry = values.expiryDate.trim();
  if (expiry && !isCalendarDate(expiry)) problems.expiryDate = 'expiryDate';
  else if (expiry && isCalendarDate(effective) && expiry <= effective)
    problems.expiryDate = 'beforeEffective';
  const reason = values.reason.trim();
  if (!reason) problems.reason = 'reason';
  else if (reason.length > securityLimits.reasonMax) problems.reason = 'reasonLength';
  return problems;
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

export function padProblems(values: PadValues): Partial<Record<string, PadProblem>> {
  const problems: Partial<Record<string, PadProblem>> = {};
  if (!/^\d{3}$/.test(values.institutionNumber.trim())) problems.institutionNumber = 'institutionNumber';
  if (!/^\d{5}$/.test(values.transitNumber.trim())) problems.transitNumber = 'transitNumber';
  const digits = new RegExp(`^\\d{${padLimits.bankAccountMinDigits},${padLimits.bankAccountMaxDigits}}$`);
  if (!digits.test(values.accountNumber.trim())) problems.accountNumber = 'accountNumber';
  const holder = values.accountHolder.trim();
  if (!holder) problems.accountHolder = 'accountHolder';
  else if (holder.length > padLimits.accountHolderMax) problems.accountHolder = 'accountHolderLength';
  const day = Number(values.debitDay);
  if (!Number.isInteger(day) || day < padLimits.debitDayMin || day > padLimits.debitDayMax)
    problems.debitDay = 'debitDay';
  if (!values.acceptTerms) problems.acceptTerms = 'acceptTerms';
  return problems;
}
