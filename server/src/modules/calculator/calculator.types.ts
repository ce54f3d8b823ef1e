import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { UserErrorsPayload } from '../../common/graphql/user-error.type.js';

export enum TariffTreatment {
  MFN = 'MFN',
  GPT = 'GPT',
  UST = 'UST',
  MXT = 'MXT',
  CEUT = 'CEUT',
  CPTPT = 'CPTPT',
}

registerEnumType(TariffTreatment, {
  name: 'TariffTreatment',
  description: 'The tariff treatment (rate column) claimed for imported goods.',
  valuesConfig: {
    MFN: { description: 'Most-Favoured-Nation Tariff.' },
    GPT: { description: 'General Preferential Tariff.' },
    UST: { description: 'United States Tariff (CUSMA).' },
    MXT: { description: 'Mexico Tariff (CUSMA).' },
    CEUT: { description: 'Canada–European Union Tariff (CETA).' },
    CPTPT: { description: 'Comprehensive and Progressive Trans-Pacific Partnership Tariff.' },
  },
});

@ObjectType({ description: 'One line of the shipped tariff subset.' })
export class TariffLine {
  @Field(() => String, { description: '0000.00.00.00' })
  classification: string;

  @Field(() => String, { description: 'In the caller’s language.' })
  description: string;

  @Field(() => String, { description: 'The line’s description in English, as in the tariff.' })
  descriptionEn: string;

  @Field(() => String, { description: 'The line’s description in French, as in the tariff.' })
  descriptionFr: string;

  @Field(() => String, { description: 'The unit of quantity, e.g. KGM.' })
  unit: string;

  @Field(() => String, { description: 'The unit in the caller’s language, e.g. kilograms.' })
  unitName: string;

  @Field(() => [TariffTreatment], { description: 'Treatments with a rate for this line.' })
  treatments: TariffTreatment[];
}

@InputType({
  description:
    'One good to estimate duties and GST for: its classification, value for duty, tariff treatment and quantity.',
})
export class DutyEstimateInput {
  @Field(() => String, { description: 'Classification number, 0000.00.00.00.' })
  classification: string;

  @Field(() => Int, { description: 'Value for duty in cents (Canadian dollars), 1 to 500000000.' })
  valueForDutyCents: number;

  @Field(() => TariffTreatment, {
    description:
      'The tariff treatment claimed (the origin’s preference, e.g. UST under CUSMA); it must have a rate for the line.',
  })
  treatment: TariffTreatment;

  @Field(() => Float, {
    nullable: true,
    description: 'Quantity in the line’s unit (to 3 decimals); required when the rate has a specific duty.',
  })
  quantity?: number | null;
}

@ObjectType({
  description:
    'An estimate of duties and GST for one good; every amount in cents, each rounded half up to the cent.',
})
export class DutyEstimate {
  @Field(() => TariffLine, { description: 'The tariff line the classification names.' })
  line: TariffLine;

  @Field(() => TariffTreatment, { description: 'The tariff treatment the rates come from.' })
  treatment: TariffTreatment;

  @Field(() => Int, { description: 'The value for duty used, in cents (as given).' })
  valueForDutyCents: number;

  @Field(() => Float, {
    nullable: true,
    description: 'The quantity used, in the line’s unit; null when none was given.',
  })
  quantity: number | null;

  @Field(() => Int, { description: 'Ad valorem rate in basis points (650 = 6.5 %).' })
  adValoremBasisPoints: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Specific duty in cents per unit, when the rate has one.',
  })
  specificCentsPerUnit: number | null;

  @Field(() => Int, {
    description: 'The ad valorem duty: value for duty times the ad valorem rate, in cents.',
  })
  adValoremDutyCents: number;

  @Field(() => Int, {
    description: 'The specific duty: quantity times the specific rate, in cents (0 when the rate has none).',
  })
  specificDutyCents: number;

  @Field(() => Int, { description: 'The duty: ad valorem plus specific, in cents.' })
  dutyCents: number;

  @Field(() => Int, { description: 'Value for duty plus duty: what GST applies to.' })
  gstBaseCents: number;

  @Field(() => Int, { description: 'GST rate in basis points (500 = 5 %).' })
  gstBasisPoints: number;

  @Field(() => Int, { description: 'The GST on the GST base, in cents.' })
  gstCents: number;

  @Field(() => Int, { description: 'Duty plus GST.' })
  totalCents: number;

  @Field(() => String, { description: 'The version of the tariff subset used.' })
  tariffVersion: string;
}

@ObjectType({ description: 'The estimate, or the problems with the input.' })
export class DutyEstimatePayload extends UserErrorsPayload {
  @Field(() => DutyEstimate, {
    nullable: true,
    description: 'The estimate; null when the input had problems.',
  })
  estimate: DutyEstimate | null;
}
