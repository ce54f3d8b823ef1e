import { describe, expect, it } from 'vitest';
import {
  estimateDuties,
  mulDivRoundHalfUp,
  searchTariff,
  VALUE_FOR_DUTY_MAX_CENTS,
} from './duty-calculator.js';
import { parseTariff, shippedTariff } from './tariff.schema.js';

const tariff = shippedTariff();
const codes = (result: ReturnType<typeof estimateDuties>) =>
  result.ok ? [] : result.problems.map((p) => [p.field.join('.'), p.code]);

describe('the duties and taxes estimate', () => {
  it('rounds half up to the cent', () => {
    expect(mulDivRoundHalfUp(12_345, 650, 10_000)).toBe(802); // 802.425
    expect(mulDivRoundHalfUp(10, 500, 10_000)).toBe(1); // 0.5 -> 1
    expect(mulDivRoundHalfUp(9, 500, 10_000)).toBe(0); // 0.45 -> 0
  });

  it('computes ad valorem duty, then GST on value plus duty', () => {
    // Bicycle, MFN 13 %: $1,234.56 -> duty $160.49 (160.4928), GST 5 % of $1,395.05 = $69.75 (69.7525).
    const result = estimateDuties(
      tariff,
      { classification: '8712.00.00.00', valueForDutyCents: 123_456, treatment: 'MFN' },
      'en',
    );
    expect(result.ok && result.estimate).toMatchObject({
      adValoremBasisPoints: 1300,
      adValoremDutyCents: 16_049,
      specificDutyCents: 0,
      dutyCents: 16_049,
      gstBaseCents: 139_505,
      gstCents: 6_975,
      totalCents: 23_024,
    });
    const preferential = estimateDuties(
      tariff,
      { classification: '8712.00.00.00', valueForDutyCents: 123_456, treatment: 'UST' },
      'en',
    );
    expect(preferential.ok && preferential.estimate).toMatchObject({ dutyCents: 0, gstCents: 6_173 });
  });

  it('adds a specific duty per unit, with the quantity to the thousandth', () => {
    // Whisky, MFN 14 cents per litre of pure alcohol: 12.345 L -> 172.83 cents -> 173.
    const result = estimateDuties(
      tariff,
      { classification: '2208.30.00.00', valueForDutyCents: 50_000, treatment: 'MFN', quantity: 12.345 },
      'fr',
    );
    expect(result.ok && result.estimate).toMatchObject({
      specificCentsPerUnit: 14,
      specificDutyCents: 173,
      dutyCents: 173,
      gstBaseCents: 50_173,
      gstCents: 2_509,
    });
    expect(
      codes(
        estimateDuties(
          tariff,
          { classification: '2208.30.00.00', valueForDutyCents: 50_000, treatment: 'MFN' },
          'fr',
        ),
      ),
    ).toEqual([['input.quantity', 'REQUIRED']]);
  });

  it('refuses bad input: format, unknown line, treatment without a rate, value at and over its bounds', () => {
    const base = { classification: '8712.00.00.00', valueForDutyCents: 100, treatment: 'MFN' as const };
    expect(codes(estimateDuties(tariff, { ...base, classification: '' }, 'en'))).toEqual([
      ['input.classification', 'REQUIRED'],
    ]);
    expect(codes(estimateDuties(tariff, { ...base, classification: '8712.00.00' }, 'en'))).toEqual([
      ['input.classification', 'INVALID_FORMAT'],
    ]);
    expect(codes(estimateDuties(tariff, { ...base, classification: '0000.00.00.00' }, 'en'))).toEqual([
      ['input.classification', 'NOT_IN_TARIFF'],
    ]);
    expect(
      codes(estimateDuties(tariff, { ...base, classification: '0406.90.99.00', treatment: 'GPT' }, 'en')),
    ).toEqual([['input.treatment', 'NOT_AVAILABLE']]);
    expect(codes(estimateDuties(tariff, { ...base, valueForDutyCents: 0 }, 'en'))).toEqual([
      ['input.valueForDutyCents', 'INVALID'],
    ]);
    expect(
      codes(estimateDuties(tariff, { ...base, valueForDutyCents: VALUE_FOR_DUTY_MAX_CENTS }, 'en')),
    ).toEqual([]);
    expect(
      codes(estimateDuties(tariff, { ...base, valueForDutyCents: VALUE_FOR_DUTY_MAX_CENTS + 1 }, 'en')),
    ).toEqual([['input.valueForDutyCents', 'INVALID']]);
  });

  it('keeps every amount within a GraphQL Int at the highest rate and value', () => {
    const result = estimateDuties(
      tariff,
      { classification: '0406.90.99.00', valueForDutyCents: VALUE_FOR_DUTY_MAX_CENTS, treatment: 'MFN' },
      'en',
    );
    expect(result.ok && result.estimate.gstBaseCents).toBeLessThan(2 ** 31);
  });
});

describe('the classification helper', () => {
  it('finds lines by English or French words, accents and case ignored, or by number', () => {
    expect(searchTariff(tariff, 'Bicycle').map((i) => i.classification)).toEqual(['8712.00.00.00']);
    expect(searchTariff(tariff, 'velo').map((i) => i.classification)).toEqual(['8712.00.00.00']);
    expect(searchTariff(tariff, 'CAFÉ torréfié').map((i) => i.classification)).toEqual(['0901.21.00.00']);
    expect(searchTariff(tariff, 'leather').map((i) => i.classification)).toEqual([
      '4202.21.00.00',
      '6403.99.90.00',
    ]);
    expect(searchTariff(tariff, '8712').map((i) => i.classification)).toEqual(['8712.00.00.00']);
    expect(searchTariff(tariff, 'x')).toEqual([]);
    expect(searchTariff(tariff, 'nothing-like-this')).toEqual([]);
  });
});

describe('the tariff file format', () => {
  it('accepts the shipped file and refuses a bad one with every problem listed', () => {
    expect(tariff.items.length).toBeGreaterThan(10);
    expect(() =>
      parseTariff({
        version: 'x',
        units: { KGM: { en: 'kg', fr: 'kg' } },
        items: [
          { classification: '0901.21', descriptionEn: 'a', descriptionFr: 'b', unit: 'LTR', rates: {} },
          {
            classification: '0901.21.00.00',
            descriptionEn: 'a',
            descriptionFr: 'b',
            unit: 'KGM',
            rates: { MFN: { adValoremBasisPoints: 6.5 } },
          },
        ],
      }),
    ).toThrow(
      /items\.0\.classification: must look like 0000\.00\.00\.00[\s\S]*items\.1\.rates\.MFN\.adValoremBasisPoints/,
    );
  });
});
