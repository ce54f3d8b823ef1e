import { type Problem } from '../../common/errors/problems.js';
import { type MessageKey } from '../../common/i18n/messages.js';
import { type Tariff, type TariffItem, type TariffTreatmentCode } from './tariff.schema.js';

// The duties and taxes estimate (seed 003 §2.2, "Déclarations"). Money in integer cents; every rounding is
// half up to the cent, once per amount: ad valorem duty, specific duty, GST.

/** GST on imports: 5 % of the value for duty plus the duty. */
export const GST_BASIS_POINTS = 500;
/** $5,000,000.00: keeps every amount of the estimate within a GraphQL Int (2^31 − 1) at the highest rate shipped. */
export const VALUE_FOR_DUTY_MAX_CENTS = 500_000_000;
export const QUANTITY_MAX = 1_000_000;

/** a × b / c rounded half up, for non-negative integers. */
export function mulDivRoundHalfUp(a: number, b: number, c: number): number {
  return Math.floor((a * b + Math.floor(c / 2)) / c);
}

export interface DutyEstimateValues {
  classification: string;
  valueForDutyCents: number;
  treatment: TariffTreatmentCode;
  quantity?: number | null;
}

export interface DutyEstimateResult {
  item: TariffItem;
  treatment: TariffTreatmentCode;
  valueForDutyCents: number;
  quantity: number | null;
  adValoremBasisPoints: number;
  specificCentsPerUnit: number | null;
  adValoremDutyCents: number;
  specificDutyCents: number;
  dutyCents: number;
  gstBaseCents: number;
  gstBasisPoints: number;
  gstCents: number;
  totalCents: number;
}

const problem = (field: string, code: string, params: Record<string, string | number> = {}): Problem => ({
  field: ['input', field],
  code,
  messageKey: `calculator.${field}.${code}` as MessageKey,
  params,
});

export function normalizeClassification(value: string): string {
  return value.trim();
}

/** The estimate, or the problems of the input (CLASSIFICATION: REQUIRED, INVALID_FORMAT, NOT_IN_TARIFF...). */
export function estimateDuties(
  tariff: Tariff,
  input: DutyEstimateValues,
  lang: 'en' | 'fr',
): { ok: true; estimate: DutyEstimateResult } | { ok: false; problems: Problem[] } {
  const problems: Problem[] = [];
  const classification = normalizeClassification(input.classification);
  let item: TariffItem | undefined;
  if (!classification) problems.push(problem('classification', 'REQUIRED'));
  else if (!/^\d{4}\.\d{2}\.\d{2}\.\d{2}$/.test(classification))
    problems.push(problem('classification', 'INVALID_FORMAT'));
  else {
    item = tariff.items.find((candidate) => candidate.classification === classification);
    if (!item) problems.push(problem('classification', 'NOT_IN_TARIFF'));
  }
  if (
    !Number.isInteger(input.valueForDutyCents) ||
    input.valueForDutyCents <= 0 ||
    input.valueForDutyCents > VALUE_FOR_DUTY_MAX_CENTS
  )
    problems.push(problem('valueForDutyCents', 'INVALID'));
  const rate = item?.rates[input.treatment];
  if (item && !rate) problems.push(problem('treatment', 'NOT_AVAILABLE'));
  const quantity = input.quantity ?? null;
  if (quantity !== null && (!Number.isFinite(quantity) || quantity <= 0 || quantity > QUANTITY_MAX))
    problems.push(problem('quantity', 'INVALID', { max: QUANTITY_MAX }));
  else if (rate?.specificCentsPerUnit && quantity === null && item)
    problems.push(problem('quantity', 'REQUIRED', { unit: tariff.units[item.unit][lang] }));
  if (problems.length || !item || !rate) return { ok: false, problems };

  const value = input.valueForDutyCents;
  const adValoremDutyCents = mulDivRoundHalfUp(value, rate.adValoremBasisPoints, 10_000);
  // Quantities to the thousandth of a unit, so that the product stays an integer.
  const thousandths = quantity === null ? 0 : Math.round(quantity * 1000);
  const specificDutyCents = rate.specificCentsPerUnit
    ? mulDivRoundHalfUp(thousandths, rate.specificCentsPerUnit, 1000)
    : 0;
  const dutyCents = adValoremDutyCents + specificDutyCents;
  const gstBaseCents = value + dutyCents;
  const gstCents = mulDivRoundHalfUp(gstBaseCents, GST_BASIS_POINTS, 10_000);
  return {
    ok: true,
    estimate: {
      item,
      treatment: input.treatment,
      valueForDutyCents: value,
      quantity,
      adValoremBasisPoints: rate.adValoremBasisPoints,
      specificCentsPerUnit: rate.specificCentsPerUnit ?? null,
      adValoremDutyCents,
      specificDutyCents,
      dutyCents,
      gstBaseCents,
      gstBasisPoints: GST_BASIS_POINTS,
      gstCents,
      totalCents: dutyCents + gstCents,
    },
  };
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const SEARCH_MAX_RESULTS = 20;

/**
 * The classification helper: items whose English or French description or keywords contain every word of
 * `query` (accents and case ignored), or whose number starts with the digits given. At most `first`.
 */
export function searchTariff(tariff: Tariff, query: string, first = SEARCH_MAX_RESULTS): TariffItem[] {
  const words = fold(query)
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((word) => word.length >= 2);
  const digits = query.replace(/[^\d]/g, '');
  if (!words.length) return [];
  const numeric = /^[\d.\s]+$/.test(query.trim());
  return tariff.items
    .filter((item) => {
      if (numeric) return item.classification.replace(/\./g, '').startsWith(digits);
      const haystack = fold(
        [item.descriptionEn, item.descriptionFr, ...item.keywordsEn, ...item.keywordsFr].join(' '),
      );
      return words.every((word) => haystack.includes(word));
    })
    .slice(0, Math.max(0, Math.min(first, SEARCH_MAX_RESULTS)));
}
