import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

// The tariff subset shipped in server/reference-data/tariff.json (format: docs/reference-data.md, "Tariff").

export const TARIFF_TREATMENTS = ['MFN', 'GPT', 'UST', 'MXT', 'CEUT', 'CPTPT'] as const;
export type TariffTreatmentCode = (typeof TARIFF_TREATMENTS)[number];

const rate = z
  .object({
    /** Ad valorem rate in basis points of the value for duty: 650 = 6.5 %. */
    adValoremBasisPoints: z.number().int().min(0).max(100_000),
    /** A specific duty in whole cents per unit of the item (e.g. 14 = $0.14 per litre of pure alcohol). */
    specificCentsPerUnit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict();

const localized = z.object({ en: z.string().min(1), fr: z.string().min(1) }).strict();

export const tariffSchema = z
  .object({
    version: z.string().min(1).max(40),
    description: z.string().optional(),
    units: z.record(z.string().regex(/^[A-Z]{2,4}$/), localized),
    items: z
      .array(
        z
          .object({
            classification: z.string().regex(/^\d{4}\.\d{2}\.\d{2}\.\d{2}$/, 'must look like 0000.00.00.00'),
            descriptionEn: z.string().min(1).max(300),
            descriptionFr: z.string().min(1).max(300),
            keywordsEn: z.array(z.string().min(1)).default([]),
            keywordsFr: z.array(z.string().min(1)).default([]),
            unit: z.string(),
            rates: z.partialRecord(z.enum(TARIFF_TREATMENTS), rate),
          })
          .strict(),
      )
      .min(1),
  })
  .strict()
  .superRefine((tariff, ctx) => {
    const seen = new Set<string>();
    tariff.items.forEach((item, index) => {
      if (seen.has(item.classification))
        ctx.addIssue({ code: 'custom', path: ['items', index, 'classification'], message: 'duplicate' });
      seen.add(item.classification);
      if (!(item.unit in tariff.units))
        ctx.addIssue({ code: 'custom', path: ['items', index, 'unit'], message: 'not in units' });
      if (!item.rates.MFN)
        ctx.addIssue({ code: 'custom', path: ['items', index, 'rates', 'MFN'], message: 'MFN is required' });
    });
  });

export type Tariff = z.infer<typeof tariffSchema>;
export type TariffItem = Tariff['items'][number];

/** Validates a parsed tariff file; throws one error listing every problem. */
export function parseTariff(data: unknown, source = 'tariff'): Tariff {
  const parsed = tariffSchema.safeParse(data);
  if (!parsed.success)
    throw new Error(
      `Invalid ${source}:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  return parsed.data;
}

// server/src/modules/calculator and server/dist/modules/calculator are both three levels below server/.
const tariffFile = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../reference-data/tariff.json',
);

let shipped: Tariff | undefined;

/** The shipped tariff, read and validated once. */
export function shippedTariff(): Tariff {
  shipped ??= parseTariff(JSON.parse(readFileSync(tariffFile, 'utf8')), tariffFile);
  return shipped;
}
