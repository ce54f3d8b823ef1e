import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistrySecurityRule } from '../../src/modules/registry/financial-record.entity.js';
import { RegistryProgramAccount } from '../../src/modules/registry/program-account.entity.js';
import { MAX_SECURITY_CENTS, type ReferenceData } from '../../src/modules/registry/reference-data.schema.js';
import {
  importReferenceData,
  loadDemoReferenceData,
  validateReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import {
  accountFinanceSums,
  securityWindowStart,
} from '../../src/modules/registry/registry-finance.service.js';
import { drivers, openTestDatabase } from '../support/databases.js';

// The financial security the agency requires (decision 0044): its rule and per-account figures in the
// reference data, and the requirement computed in the indicators' one statement from the highest month of
// assessed duties and taxes over the 12 months up to the agency day.

const TODAY = '2026-12-07';
const RM = '123456789RM0001';
const RT = '123456789RT0001';

type Account = ReferenceData['businesses'][number]['programAccounts'][number];

function transaction(n: number, date: string, cents: number, status = 'POSTED') {
  return {
    transactionNumber: String(90_000_000_000_000 + n),
    date,
    type: 'CAD' as const,
    description: 'Commercial accounting declaration',
    descriptionFr: '',
    amountCents: cents,
    dutiesAndTaxesCents: cents,
    status: status as Account['transactions'][number]['status'],
  };
}

/** Northern Lights alone, its RM account's transactions replaced by a known set. */
async function northernFile(): Promise<ReferenceData> {
  const demo = await loadDemoReferenceData();
  const northern = structuredClone(demo.businesses.find((b) => b.businessNumber === '123456789')!);
  const rm = northern.programAccounts.find((a) => a.accountNumber === RM)!;
  rm.transactions = [
    // A month just outside the window (it starts 2026-01-01): the highest, but ignored.
    transaction(1, '2025-12-31', 9_000_000),
    // March: the highest month in the window, two declarations.
    transaction(2, '2026-03-10', 1_000_000),
    transaction(3, '2026-03-20', 2_000_001),
    transaction(4, '2026-07-01', 2_500_000),
    // Cancelled, and after the agency day: neither counts.
    transaction(5, '2026-11-05', 8_000_000, 'CANCELLED'),
    transaction(6, '2026-12-08', 8_000_000),
  ];
  rm.requiredSecurityCents = null;
  return { formatVersion: 1, businesses: [northern] };
}

type Raw = Record<string, unknown> & {
  businesses: Array<{ programAccounts: Array<Record<string, unknown>> }>;
};

async function rawFile(): Promise<Raw> {
  return structuredClone(await northernFile());
}

describe('the security requirement in the import file', () => {
  it('accepts the bounds of the rule and of an account’s figure', async () => {
    const file = await rawFile();
    file.securityRequirement = { percentOfHighestMonth: 100, minimumCents: MAX_SECURITY_CENTS };
    file.businesses[0].programAccounts[0].requiredSecurityCents = MAX_SECURITY_CENTS;
    expect(validateReferenceData(file).ok).toBe(true);
    file.securityRequirement = { percentOfHighestMonth: 1, minimumCents: 0 };
    file.businesses[0].programAccounts[0].requiredSecurityCents = 0;
    expect(validateReferenceData(file).ok).toBe(true);
  });

  it('refuses values just over the limits, at their paths', async () => {
    const file = await rawFile();
    file.securityRequirement = { percentOfHighestMonth: 101, minimumCents: MAX_SECURITY_CENTS + 1, x: 1 };
    file.businesses[0].programAccounts[0].requiredSecurityCents = MAX_SECURITY_CENTS + 1;
    file.businesses[0].programAccounts[1].requiredSecurityCents = 100;
    const result = validateReferenceData(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = '$.businesses[0].programAccounts';
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: '$.securityRequirement.percentOfHighestMonth', message: 'must be from 1 to 100' },
        {
          path: '$.securityRequirement.minimumCents',
          message: 'must be at most 1000000000 cents ($10,000,000.00)',
        },
        { path: '$.securityRequirement.x', message: 'is not a known field' },
        {
          path: `${at}[0].requiredSecurityCents`,
          message: 'must be at most 1000000000 cents ($10,000,000.00)',
        },
        {
          path: `${at}[1].requiredSecurityCents`,
          message: 'financial security is required of RM accounts only',
        },
      ]),
    );
  });

  it('refuses a fraction, a negative, zero percent and text', async () => {
    const file = await rawFile();
    file.securityRequirement = { percentOfHighestMonth: 50.5, minimumCents: -1 };
    file.businesses[0].programAccounts[0].requiredSecurityCents = 12.5;
    let result = validateReferenceData(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: '$.securityRequirement.percentOfHighestMonth', message: 'must be a whole percent, e.g. 50' },
        { path: '$.securityRequirement.minimumCents', message: 'must not be negative' },
        {
          path: '$.businesses[0].programAccounts[0].requiredSecurityCents',
          message: 'must be a whole number of cents, e.g. 123456 for $1,234.56',
        },
      ]),
    );
    file.securityRequirement = { percentOfHighestMonth: 0, minimumCents: '2500000' };
    file.businesses[0].programAccounts[0].requiredSecurityCents = null;
    result = validateReferenceData(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual([
      { path: '$.securityRequirement.percentOfHighestMonth', message: 'must be from 1 to 100' },
      { path: '$.securityRequirement.minimumCents', message: 'must be a number' },
    ]);
  });

  it('starts the window on the first of the month 11 months back', () => {
    expect(securityWindowStart('2026-12-07')).toBe('2026-01-01');
    expect(securityWindowStart('2026-01-31')).toBe('2025-02-01');
    expect(securityWindowStart('2024-02-29')).toBe('2023-03-01');
  });
});

describe.each(drivers)('the security requirement on %s', (driver) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let rm: string;
  let rt: string;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    await importReferenceData(db.dataSource, await northernFile());
    const accounts = await db.dataSource.getRepository(RegistryProgramAccount).find();
    rm = accounts.find((a) => a.accountNumber === RM)!.id;
    rt = accounts.find((a) => a.accountNumber === RT)!.id;
  });
  afterAll(async () => db?.close());

  const required = async () => {
    const sums = await accountFinanceSums(db.dataSource, [rm, rt], TODAY);
    return {
      highest: sums.get(rm)?.highestMonthCents,
      rm: sums.get(rm)?.securityRequiredCents,
      rt: sums.get(rt)?.securityRequiredCents,
    };
  };

  it('knows no requirement of an RM account while the agency sets none', async () => {
    // March's 3,000,001 is the highest month: December 2025, the cancelled one and tomorrow's do not count.
    expect(await required()).toEqual({ highest: 3_000_001, rm: null, rt: 0 });
  });

  it('applies the rule: the highest month’s share rounded up, never below the minimum; a rerun changes nothing', async () => {
    const file = await northernFile();
    file.securityRequirement = { percentOfHighestMonth: 50, minimumCents: 1_000_000 };
    const first = await importReferenceData(db.dataSource, file);
    expect(first.counts.securityRequirement).toMatchObject({ created: 1 });
    // 50% of 3,000,001 is 1,500,000.5: rounded up to the cent.
    expect(await required()).toEqual({ highest: 3_000_001, rm: 1_500_001, rt: 0 });
    const again = await importReferenceData(db.dataSource, file);
    expect(again.changed).toBe(false);
    expect(again.counts.securityRequirement).toMatchObject({ created: 0, updated: 0, unchanged: 1 });

    file.securityRequirement = { percentOfHighestMonth: 50, minimumCents: 2_500_000 };
    const raised = await importReferenceData(db.dataSource, file);
    expect(raised.counts.securityRequirement).toMatchObject({ updated: 1 });
    expect(await required()).toEqual({ highest: 3_000_001, rm: 2_500_000, rt: 0 });
    // A file that does not speak of the rule leaves it as it is.
    delete file.securityRequirement;
    expect((await importReferenceData(db.dataSource, file)).changed).toBe(false);
    expect(await db.dataSource.getRepository(RegistrySecurityRule).count()).toBe(1);
  });

  it('lets an account’s own figure win over the rule, and a rerun keep it', async () => {
    const file = await northernFile();
    file.securityRequirement = { percentOfHighestMonth: 50, minimumCents: 2_500_000 };
    file.businesses[0].programAccounts.find((a) => a.accountNumber === RM)!.requiredSecurityCents = 7_000_000;
    const set = await importReferenceData(db.dataSource, file);
    expect(set.counts.programAccounts).toMatchObject({ updated: 1 });
    expect(await required()).toEqual({ highest: 3_000_001, rm: 7_000_000, rt: 0 });
    expect((await importReferenceData(db.dataSource, file)).changed).toBe(false);
    // Omitted again: the rule applies again.
    file.businesses[0].programAccounts.find((a) => a.accountNumber === RM)!.requiredSecurityCents = null;
    await importReferenceData(db.dataSource, file);
    expect((await required()).rm).toBe(2_500_000);
  });

  it('removes the rule when the file says null', async () => {
    const file = await northernFile();
    file.securityRequirement = null;
    const removed = await importReferenceData(db.dataSource, file);
    expect(removed.counts.securityRequirement).toMatchObject({ deleted: 1 });
    expect(await required()).toEqual({ highest: 3_000_001, rm: null, rt: 0 });
  });
});
