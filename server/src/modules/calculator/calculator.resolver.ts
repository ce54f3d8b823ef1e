import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import { type AppContext } from '../../app/context.js';
import { toUserErrors } from '../../common/errors/problems.js';
import { requireTermsAccepted } from '../sessions/session.guards.js';
import {
  DutyEstimate,
  DutyEstimateInput,
  DutyEstimatePayload,
  TariffLine,
  type TariffTreatment,
} from './calculator.types.js';
import { estimateDuties, SEARCH_MAX_RESULTS, searchTariff } from './duty-calculator.js';
import { shippedTariff, type Tariff, type TariffItem } from './tariff.schema.js';

function lineOf(tariff: Tariff, item: TariffItem, lang: 'en' | 'fr'): TariffLine {
  return {
    classification: item.classification,
    description: lang === 'fr' ? item.descriptionFr : item.descriptionEn,
    descriptionEn: item.descriptionEn,
    descriptionFr: item.descriptionFr,
    unit: item.unit,
    unitName: tariff.units[item.unit][lang],
    treatments: Object.keys(item.rates) as TariffTreatment[],
  };
}

// The duties and taxes calculator (an estimate; the app shows the seed's disclaimer). Not a business's
// data: any signed-in person may use it.
@Resolver()
export class CalculatorResolver {
  @Query(() => [TariffLine], {
    description:
      'Classification helper: lines of the shipped tariff subset whose English or French description or keywords contain every word (accents and case ignored), or whose number starts with the digits given.',
  })
  classificationSearch(
    @Arg('query', () => String, {
      description: 'A tariff number (or its beginning) or words of the description.',
    })
    query: string,
    @Arg('first', () => Int, { nullable: true, defaultValue: SEARCH_MAX_RESULTS, description: '1 to 20.' })
    first: number,
    @Ctx() ctx: AppContext,
  ): TariffLine[] {
    requireTermsAccepted(ctx);
    const tariff = shippedTariff();
    return searchTariff(tariff, query.slice(0, 200), first).map((item) => lineOf(tariff, item, ctx.lang));
  }

  @Query(() => DutyEstimatePayload, {
    description: 'An estimate of the duty and GST of one good (userErrors for bad input).',
  })
  dutyEstimate(
    @Arg('input', () => DutyEstimateInput, {
      description: 'The good: its classification, value for duty, tariff treatment and quantity.',
    })
    input: DutyEstimateInput,
    @Ctx() ctx: AppContext,
  ): DutyEstimatePayload {
    requireTermsAccepted(ctx);
    const tariff = shippedTariff();
    const result = estimateDuties(tariff, input, ctx.lang);
    if (!result.ok) return { estimate: null, userErrors: toUserErrors(result.problems, ctx.t) };
    const { item, ...amounts } = result.estimate;
    const estimate: DutyEstimate = {
      ...amounts,
      treatment: amounts.treatment as TariffTreatment,
      line: lineOf(tariff, item, ctx.lang),
      tariffVersion: tariff.version,
    };
    return { estimate, userErrors: [] };
  }
}
