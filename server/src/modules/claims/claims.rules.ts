import { type Problem } from '../../common/errors/problems.js';
import { type MessageKey } from '../../common/i18n/messages.js';
import { characterCount } from '../../common/rules/text-rules.js';
import { estimateDuties } from '../calculator/duty-calculator.js';
import { shippedTariff, type TariffTreatmentCode } from '../calculator/tariff.schema.js';
import { type TransactionSummary } from '../registry/registry-lookups.service.js';
import { ClaimStatus, ClaimType, CorrectionKind } from './claims.types.js';

// The rules of a claim (docs/claims.md), pure: what the service checks before it writes anything.

export const CLAIM_TEXT_MAX_LENGTH = 2000;
export const CLAIM_LINES_MAX = 20;
export const LINE_NUMBER_MAX = 999;
/** Years after the transaction date a claim may still be filed and submitted, by type (the last day counts). */
export const CLAIM_TIME_LIMIT_YEARS: Readonly<Record<ClaimType, number>> = { ADJUSTMENT: 4, DRAWBACK: 4 };
/** Transactions a claim may be filed on: the declarations of imported goods. */
export const CLAIMABLE_TYPES: readonly string[] = ['CAD'];
/** Agency statuses of a transaction that was posted (paid or not): a cancelled one is not claimable. */
export const CLAIMABLE_STATUSES: readonly string[] = ['POSTED', 'PARTIALLY_PAID', 'PAID'];
/** Statuses in which a claim holds its lines (one open claim per transaction line). */
export const OPEN_STATUSES: readonly ClaimStatus[] = [
  ClaimStatus.IN_PROGRESS,
  ClaimStatus.SUBMITTED,
  ClaimStatus.UNDER_REVIEW,
  ClaimStatus.INFORMATION_REQUESTED,
];
/**
 * Statuses in which a claim keeps its lines: open, or approved (a line repaid once is never claimed again).
 * A rejected or withdrawn claim frees them.
 */
export const HELD_STATUSES: readonly ClaimStatus[] = [
  ...OPEN_STATUSES,
  ClaimStatus.APPROVED,
  ClaimStatus.PARTIALLY_APPROVED,
];
/** Approved, in full or in part: what the agency has agreed to repay. */
export const APPROVED_STATUSES: readonly ClaimStatus[] = [
  ClaimStatus.APPROVED,
  ClaimStatus.PARTIALLY_APPROVED,
];
/** Submitted and not decided: what the agency has to work on. */
export const PENDING_STATUSES: readonly ClaimStatus[] = [
  ClaimStatus.SUBMITTED,
  ClaimStatus.UNDER_REVIEW,
  ClaimStatus.INFORMATION_REQUESTED,
];

export const problem = (
  field: Array<string | number>,
  code: string,
  params: Record<string, string | number> = {},
): Problem => ({
  field: field.map(String),
  code,
  messageKey:
    `claims.${String(field.filter((part) => typeof part === 'string').at(-1))}.${code}` as MessageKey,
  params,
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isCalendarDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** The last day a claim on a transaction of `transactionDate` may be submitted: same day `years` later (29 Feb → 28 Feb). */
export function lastDayToClaim(transactionDate: string, years: number): string {
  const [y, m, d] = transactionDate.split('-').map(Number);
  const target = new Date(Date.UTC(y + years, m - 1, d));
  // 29 February of a leap year, `years` later in a common year, rolls to 1 March: take 28 February.
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** Whether the transaction may be claimed on at all (type and status), and still today. */
export function transactionProblems(
  transaction: TransactionSummary,
  type: ClaimType,
  today: string,
): Problem[] {
  if (
    !CLAIMABLE_TYPES.includes(transaction.transactionType) ||
    !CLAIMABLE_STATUSES.includes(transaction.status) ||
    transaction.dutiesAndTaxesCents <= 0
  )
    return [problem(['input', 'transactionId'], 'NOT_CLAIMABLE')];
  const lastDay = lastDayToClaim(transaction.transactionDate, CLAIM_TIME_LIMIT_YEARS[type]);
  if (today > lastDay)
    return [
      problem(['input', 'transactionId'], 'TIME_LIMIT_PASSED', {
        years: CLAIM_TIME_LIMIT_YEARS[type],
        lastDay,
      }),
    ];
  return [];
}

export interface ClaimLineValues {
  lineNumber: number;
  originalCents: number;
  correctedClassification?: string | null;
  correctedValueForDutyCents?: number | null;
  correctedTreatment?: string | null;
  quantity?: number | null;
  correctedCents?: number | null;
}

export interface ClaimContentValues {
  type: ClaimType;
  correctionKind?: CorrectionKind | null;
  exportDate?: string | null;
  exportDestination?: string | null;
  reason: string;
  lines: ClaimLineValues[];
}

export interface ComputedLine {
  lineNumber: number;
  originalCents: number;
  correctedClassification: string;
  correctedValueCents: number;
  correctedTreatment: string;
  quantityThousandths: number;
  correctedCents: number;
  refundCents: number;
}

const isCents = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647;

function textProblems(value: string, field: string): Problem[] {
  const text = (value ?? '').trim();
  if (!text) return [problem(['input', field], 'REQUIRED')];
  if (characterCount(text) > CLAIM_TEXT_MAX_LENGTH)
    return [problem(['input', field], 'TOO_LONG', { max: CLAIM_TEXT_MAX_LENGTH })];
  return [];
}

/**
 * The lines with their refunds, or the problems of the content. A drawback line repays what the line paid
 * (the goods left the country); an adjustment line repays what it paid over the corrected duties and taxes,
 * computed with the calculator's tariff when a classification, value and treatment are given, else as typed.
 */
export function computeClaim(
  input: ClaimContentValues,
  transaction: TransactionSummary,
  today: string,
  lang: 'en' | 'fr',
): { ok: true; lines: ComputedLine[]; claimedCents: number } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  if (!Object.values(ClaimType).includes(input.type)) problems.push(problem(['input', 'type'], 'REQUIRED'));
  if (input.type === ClaimType.ADJUSTMENT) {
    if (!input.correctionKind || !Object.values(CorrectionKind).includes(input.correctionKind))
      problems.push(problem(['input', 'correctionKind'], 'REQUIRED'));
  }
  if (input.type === ClaimType.DRAWBACK) {
    const exportDate = (input.exportDate ?? '').trim();
    if (!exportDate) problems.push(problem(['input', 'exportDate'], 'REQUIRED'));
    else if (!isCalendarDate(exportDate)) problems.push(problem(['input', 'exportDate'], 'INVALID_DATE'));
    else if (exportDate < transaction.transactionDate)
      problems.push(
        problem(['input', 'exportDate'], 'BEFORE_TRANSACTION', { date: transaction.transactionDate }),
      );
    else if (exportDate > today) problems.push(problem(['input', 'exportDate'], 'IN_FUTURE'));
    const destination = (input.exportDestination ?? '').trim().toUpperCase();
    if (!destination) problems.push(problem(['input', 'exportDestination'], 'REQUIRED'));
    else if (!/^[A-Z]{2}$/.test(destination) || destination === 'CA')
      problems.push(problem(['input', 'exportDestination'], 'INVALID'));
  }
  problems.push(...textProblems(input.reason, 'reason'));

  const lines: ComputedLine[] = [];
  if (!input.lines.length) problems.push(problem(['input', 'lines'], 'REQUIRED'));
  else if (input.lines.length > CLAIM_LINES_MAX)
    problems.push(problem(['input', 'lines'], 'TOO_MANY', { max: CLAIM_LINES_MAX }));
  else {
    const seen = new Set<number>();
    const tariff = shippedTariff();
    for (const [index, line] of input.lines.entries()) {
      const at = (field: string) => ['input', 'lines', index, field];
      const before = problems.length;
      if (!Number.isInteger(line.lineNumber) || line.lineNumber < 1 || line.lineNumber > LINE_NUMBER_MAX)
        problems.push(problem(at('lineNumber'), 'INVALID', { max: LINE_NUMBER_MAX }));
      else if (seen.has(line.lineNumber))
        problems.push(problem(at('lineNumber'), 'DUPLICATE', { line: line.lineNumber }));
      seen.add(line.lineNumber);
      if (!isCents(line.originalCents)) problems.push(problem(at('originalCents'), 'INVALID'));
      let corrected = 0;
      let classification = '';
      let valueCents = 0;
      let treatment = '';
      let thousandths = 0;
      if (input.type === ClaimType.ADJUSTMENT) {
        const usesTariff = Boolean(
          (line.correctedClassification ?? '').trim() ||
          line.correctedValueForDutyCents ||
          line.correctedTreatment,
        );
        if (usesTariff) {
          const estimate = estimateDuties(
            tariff,
            {
              classification: line.correctedClassification ?? '',
              valueForDutyCents: line.correctedValueForDutyCents ?? 0,
              treatment: (line.correctedTreatment ?? 'MFN') as TariffTreatmentCode,
              quantity: line.quantity ?? null,
            },
            lang,
          );
          if (!estimate.ok)
            problems.push(
              ...estimate.problems.map((found) => ({
                ...found,
                field: [
                  'input',
                  'lines',
                  String(index),
                  ...found.field
                    .slice(1)
                    .map((name) =>
                      name === 'classification'
                        ? 'correctedClassification'
                        : name === 'valueForDutyCents'
                          ? 'correctedValueForDutyCents'
                          : name === 'treatment'
                            ? 'correctedTreatment'
                            : name,
                    ),
                ],
              })),
            );
          else {
            corrected = estimate.estimate.totalCents;
            classification = estimate.estimate.item.classification;
            valueCents = estimate.estimate.valueForDutyCents;
            treatment = estimate.estimate.treatment;
            thousandths =
              estimate.estimate.quantity === null ? 0 : Math.round(estimate.estimate.quantity * 1000);
          }
        } else if (line.correctedCents === null || line.correctedCents === undefined)
          problems.push(problem(at('correctedCents'), 'REQUIRED'));
        else if (!Number.isSafeInteger(line.correctedCents) || line.correctedCents < 0)
          problems.push(problem(at('correctedCents'), 'INVALID'));
        else corrected = line.correctedCents;
      }
      if (problems.length === before) {
        if (corrected >= line.originalCents) problems.push(problem(at('correctedCents'), 'NO_REFUND'));
        else
          lines.push({
            lineNumber: line.lineNumber,
            originalCents: line.originalCents,
            correctedClassification: classification,
            correctedValueCents: valueCents,
            correctedTreatment: treatment,
            quantityThousandths: thousandths,
            correctedCents: corrected,
            refundCents: line.originalCents - corrected,
          });
      }
    }
    const paid = input.lines.reduce(
      (sum, line) => sum + (isCents(line.originalCents) ? line.originalCents : 0),
      0,
    );
    if (paid > transaction.dutiesAndTaxesCents)
      problems.push(
        problem(['input', 'lines'], 'OVER_TRANSACTION', { cents: transaction.dutiesAndTaxesCents }),
      );
  }
  if (problems.length) return { ok: false, problems };
  lines.sort((a, b) => a.lineNumber - b.lineNumber);
  return { ok: true, lines, claimedCents: lines.reduce((sum, line) => sum + line.refundCents, 0) };
}
