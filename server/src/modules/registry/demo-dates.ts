import { type ReferenceData } from './reference-data.schema.js';

// The demo file's dates are fixed (generate-demo.mjs writes them relative to its own "today", 2026-11-20,
// so the file stays the same bytes). A demo built later moves them forward by whole months, so the newest
// transaction falls in the last month before the day the demo is built: the claims' 4-year time limit,
// statements due and overdue, and the security requirement's 12-month window read the demo as recent.
// Whole months keep the statements' periods on month boundaries; a day past the end of the target month
// (31 to 30) and a month's last day both land on the target month's last day. Never moved back: a day
// before the file's own (tests with fixed clocks) sees the file as written.

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** `iso` ('YYYY-MM-DD') moved forward by `months` whole months, as explained above. */
export function addMonths(iso: string, months: number): string {
  const [year, month, day] = iso.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const [toYear, toMonth] = [Math.floor(index / 12), (index % 12) + 1];
  const last = daysIn(toYear, toMonth);
  const toDay = day === daysIn(year, month) ? last : Math.min(day, last);
  return `${toYear}-${String(toMonth).padStart(2, '0')}-${String(toDay).padStart(2, '0')}`;
}

/** The newest transaction date of the file, or null when it has none. */
function newestTransaction(data: ReferenceData): string | null {
  let newest: string | null = null;
  for (const business of data.businesses)
    for (const account of business.programAccounts)
      for (const transaction of account.transactions)
        if (newest === null || transaction.date > newest) newest = transaction.date;
  return newest;
}

/** The whole months to move the file by so its newest transaction is on or before `today` ('YYYY-MM-DD'). */
export function demoMonthsBehind(data: ReferenceData, today: string): number {
  const newest = newestTransaction(data);
  if (newest === null || newest >= today) return 0;
  const [ny, nm] = newest.split('-').map(Number);
  const [ty, tm] = today.split('-').map(Number);
  let months = ty * 12 + tm - (ny * 12 + nm);
  if (addMonths(newest, months) > today) months -= 1;
  return Math.max(months, 0);
}

/** A copy of the demo file with every calendar date moved forward so the file is recent on `today`. */
export function shiftDemoDates(data: ReferenceData, today: string): ReferenceData {
  const months = demoMonthsBehind(data, today);
  if (months === 0) return data;
  const move = (iso: string) => addMonths(iso, months);
  return {
    ...data,
    businesses: data.businesses.map((business) => ({
      ...business,
      programAccounts: business.programAccounts.map((account) => ({
        ...account,
        transactions: account.transactions.map((t) => ({ ...t, date: move(t.date) })),
        payments: account.payments.map((p) => ({ ...p, date: move(p.date) })),
        statements: account.statements.map((s) => ({
          ...s,
          statementDate: move(s.statementDate),
          periodStart: move(s.periodStart),
          periodEnd: move(s.periodEnd),
          dueDate: move(s.dueDate),
        })),
        invoices: account.invoices.map((i) => ({ ...i, date: move(i.date), dueDate: move(i.dueDate) })),
        financialSecurity: account.financialSecurity && {
          ...account.financialSecurity,
          effectiveDate: move(account.financialSecurity.effectiveDate),
          expiryDate: account.financialSecurity.expiryDate && move(account.financialSecurity.expiryDate),
        },
      })),
    })),
    repaymentPayments: data.repaymentPayments?.map((line) => ({ ...line, paidOn: move(line.paidOn) })),
  };
}
