// The limits of program account finances, quoted by the messages and the docs (docs/finance.md).

/** At most this many transactions paid by one credit application. */
export const ALLOCATIONS_MAX = 20;
// The input rules' limits live with the rules the client shares (docs/decisions/0008).
export {
  ACCOUNT_HOLDER_MAX_LENGTH,
  BANK_ACCOUNT_MAX_DIGITS,
  BANK_ACCOUNT_MIN_DIGITS,
  DEBIT_DAY_MAX,
  DEBIT_DAY_MIN,
  PROVIDER_MAX_LENGTH,
  REASON_MAX_LENGTH,
  SECURITY_AMOUNT_MAX_CENTS,
  SECURITY_REFERENCE_MAX_LENGTH,
} from '../../common/rules/finance-rules.js';
/** Home page "recent transactions": default and largest count. */
export const RECENT_TRANSACTIONS_DEFAULT = 5;
export const RECENT_TRANSACTIONS_MAX = 20;

/** Agency statuses of a transaction a credit can pay (if anything is left to pay). */
export const PAYABLE_STATUSES: readonly string[] = ['POSTED', 'PARTIALLY_PAID'];

/** What is left of a registry transaction once the portal's allocations are counted, and its status. */
export function effectiveState(
  row: { amountCents: number; status: string },
  allocatedCents: number,
): { status: string; remainingCents: number; isApplicableCredit: boolean; isPayable: boolean } {
  if (row.status === 'UNAPPLIED_CREDIT' && row.amountCents < 0) {
    const remaining = -row.amountCents - allocatedCents;
    return {
      status: remaining > 0 ? 'UNAPPLIED_CREDIT' : 'APPLIED_CREDIT',
      remainingCents: Math.max(remaining, 0),
      isApplicableCredit: remaining > 0,
      isPayable: false,
    };
  }
  if (PAYABLE_STATUSES.includes(row.status) && row.amountCents > 0) {
    const remaining = row.amountCents - allocatedCents;
    return {
      status: remaining <= 0 ? 'PAID' : allocatedCents > 0 ? 'PARTIALLY_PAID' : row.status,
      remainingCents: Math.max(remaining, 0),
      isApplicableCredit: false,
      isPayable: remaining > 0,
    };
  }
  return { status: row.status, remainingCents: 0, isApplicableCredit: false, isPayable: false };
}

/** `•••45`, `••••6789`: what a masked number shows. */
export function masked(visible: string, hidden = 4): string {
  return `${'•'.repeat(hidden)}${visible}`;
}

/** $1,234.56 / 1 234,56 $ */
export function formatMoney(cents: number, lang: 'en' | 'fr'): string {
  return new Intl.NumberFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', {
    style: 'currency',
    currency: 'CAD',
  }).format(cents / 100);
}
