/** Client-side checks of the registration form, the same rules the server applies (docs/businesses.md). */

export const LEGAL_NAME_MAX_LENGTH = 175;
export const REASON_MAX_LENGTH = 500;

const AMOUNT = /^\d+(\.\d{1,2})?$/;
/** Question 3 only: a statement balance may be a credit, written with a leading minus. */
const BALANCE = /^-?\d+(\.\d{1,2})?$/;

/** What is wrong with a business number (BN9), as an error code of the `businessNumber` messages. */
export function businessNumberProblem(value: string): 'REQUIRED' | 'FORMAT' | undefined {
  const bn = value.trim();
  if (!bn) return 'REQUIRED';
  return /^\d{9}$/.test(bn) ? undefined : 'FORMAT';
}

/** An importer program account reference: RM and 4 digits (lower case accepted, as by the server). */
export function programAccountReferenceProblem(value: string): 'REQUIRED' | 'FORMAT' | undefined {
  const reference = value.trim();
  if (!reference) return 'REQUIRED';
  return /^RM\d{4}$/i.test(reference) ? undefined : 'FORMAT';
}

/**
 * An amount as the person typed it: digits and at most one decimal point. A `$` or a `,` (a formatted
 * amount) gets its own message, the mistake people make most.
 */
export function amountProblem(
  value: string,
  allowNegative = false,
): 'REQUIRED' | 'SYMBOL' | 'FORMAT' | undefined {
  const amount = value.trim();
  if (!amount) return 'REQUIRED';
  if (/[$,]/.test(amount)) return 'SYMBOL';
  return (allowNegative ? BALANCE : AMOUNT).test(amount) ? undefined : 'FORMAT';
}
