import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type DataSource } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RegistryStatement,
  RegistryTransaction,
} from '../../src/modules/registry/financial-record.entity.js';
import { runImportCli } from '../../src/modules/registry/import-cli.js';
import {
  RegistryBusiness,
  RegistryBusinessAddress,
} from '../../src/modules/registry/registry-business.entity.js';
import { type ReferenceData } from '../../src/modules/registry/reference-data.schema.js';
import {
  IMPORT_KINDS,
  importReferenceData,
  isRegistryEmpty,
  loadDemoReferenceData,
  seedDemoReferenceDataIfEmpty,
  validateReferenceData,
  type ImportKind,
} from '../../src/modules/registry/reference-data.service.js';
import { drivers, openTestDatabase } from '../support/databases.js';

/** Noon in Toronto on the demo file's own "today" (generate-demo.mjs). */
const FILE_TODAY = new Date('2026-11-20T17:00:00Z');

const TABLES = [
  'registry_business',
  'registry_business_address',
  'registry_program_account',
  'registry_program_address',
  'registry_program_contact',
  'registry_program_owner',
  'registry_sub_program',
  'registry_transaction',
  'registry_payment',
  'registry_statement',
  'registry_invoice',
  'registry_financial_security',
  'registry_security_rule',
] as const;

/** Every row of every registry table, in a stable order: equal snapshots mean nothing was written. */
async function snapshot(dataSource: DataSource): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) out[table] = await dataSource.query(`SELECT * FROM ${table} ORDER BY id`);
  return out;
}

async function rowCounts(dataSource: DataSource): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = await dataSource.query<{ n: number | string }[]>(`SELECT COUNT(*) AS n FROM ${table}`);
    out[table] = Number(row.n);
  }
  return out;
}

/** What the demo file holds, per import kind, counted from the file itself. */
function fileCounts(data: ReferenceData): Record<ImportKind, number> {
  const accounts = data.businesses.flatMap((b) => b.programAccounts);
  const sum = (f: (a: (typeof accounts)[number]) => unknown[]) =>
    accounts.reduce((n, a) => n + f(a).length, 0);
  return {
    businesses: data.businesses.length,
    businessAddresses: data.businesses.reduce((n, b) => n + b.addresses.length, 0),
    programAccounts: accounts.length,
    programAddresses: sum((a) => a.addresses),
    contacts: sum((a) => a.contacts),
    owners: sum((a) => a.owners),
    subPrograms: sum((a) => a.subPrograms),
    transactions: sum((a) => a.transactions),
    payments: sum((a) => a.payments),
    statements: sum((a) => a.statements),
    invoices: sum((a) => a.invoices),
    financialSecurities: accounts.filter((a) => a.financialSecurity).length,
    securityRequirement: data.securityRequirement ? 1 : 0,
  };
}

function northernLights(data: ReferenceData) {
  return data.businesses.find((b) => b.businessNumber === '123456789')!;
}

describe('reference data validation', () => {
  it('accepts the shipped demo file', async () => {
    const demo = await loadDemoReferenceData();
    expect(demo.businesses.length).toBeGreaterThanOrEqual(50);
    expect(validateReferenceData(structuredClone(demo)).ok).toBe(true);
  });

  it('reports several problems at once, each at its exact JSON path', async () => {
    const file = structuredClone(await loadDemoReferenceData()) as unknown as {
      businesses: Record<string, unknown>[];
    };
    const demo = file.businesses as unknown as ReferenceData['businesses'];
    demo[0].businessNumber = '12345678';
    demo[3].programAccounts[0].accountNumber = '999999999RM0001';
    demo[5].legalName = 'X'.repeat(176);
    demo[2].programAccounts[0].transactions[0].date = '2026-02-30';
    file.businesses[7].businessNumber = demo[6].businessNumber;

    const result = validateReferenceData(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: '$.businesses[0].businessNumber', message: 'must be exactly 9 digits' },
        {
          path: '$.businesses[3].programAccounts[0].accountNumber',
          message: `must start with the business number ${demo[3].businessNumber}`,
        },
        { path: '$.businesses[5].legalName', message: 'must be at most 175 characters' },
        {
          path: '$.businesses[2].programAccounts[0].transactions[0].date',
          message: 'must be a real calendar date written YYYY-MM-DD (e.g. 2026-02-28)',
        },
        {
          path: '$.businesses[7].businessNumber',
          message: `duplicates business number ${demo[6].businessNumber} of businesses[6]`,
        },
      ]),
    );
  });
});

describe.each(drivers)('reference data import on %s', (driver) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let dataSource: DataSource;
  let demo: ReferenceData;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    dataSource = db.dataSource;
    demo = await loadDemoReferenceData();
  });
  afterAll(async () => db?.close());

  it('imports nothing from an invalid file through the CLI', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'passerelle-cli-'));
    try {
      const file = structuredClone(demo);
      file.businesses[1].businessNumber = '1234567890';
      file.businesses[4].addresses[0].country = 'Canada';
      writeFileSync(path.join(dir, 'bad.json'), JSON.stringify(file));
      const errors: string[] = [];
      const out: string[] = [];
      const env = db.config.type === 'mysql' ? { DATABASE_URL: db.config.url } : { DATA_DIR: dir };
      const code = await runImportCli(['bad.json'], {
        env,
        cwd: dir,
        out: (l) => out.push(l),
        err: (l) => errors.push(l),
      });
      expect(code).toBe(1);
      expect(out).toEqual([]);
      expect(errors[0]).toMatch(/bad\.json: \d+ problem\(s\); nothing was imported\./);
      expect(errors).toContain('  $.businesses[1].businessNumber: must be exactly 9 digits');
      expect(errors).toContain(
        '  $.businesses[4].addresses[0].country: must be an ISO 3166-1 alpha-2 country code such as CA or US',
      );
      expect(await isRegistryEmpty(dataSource)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('seeds the demo file into an empty registry, creating every record', async () => {
    expect(await isRegistryEmpty(dataSource)).toBe(true);
    // On the file's own "today" (generate-demo.mjs) its dates stay as written, as the next test expects.
    const result = (await seedDemoReferenceDataIfEmpty(dataSource, FILE_TODAY))!;
    const expected = fileCounts(demo);
    expect(result.changed).toBe(true);
    for (const kind of IMPORT_KINDS) {
      expect(result.counts[kind], kind).toEqual({
        created: expected[kind],
        updated: 0,
        unchanged: 0,
        deleted: 0,
      });
    }
    expect(Object.values(await rowCounts(dataSource))).toEqual(IMPORT_KINDS.map((kind) => expected[kind]));
    expect(await isRegistryEmpty(dataSource)).toBe(false);
    expect(await seedDemoReferenceDataIfEmpty(dataSource, FILE_TODAY)).toBeNull();
  });

  it('stores dates, cents, flags and empty texts exactly', async () => {
    const [business] = await dataSource.query<Record<string, unknown>[]>(
      `SELECT * FROM registry_business WHERE business_number = '123456789'`,
    );
    expect(business).toMatchObject({ legal_name: 'Northern Lights Imports Inc.', service_provider_kind: '' });

    // Through the entities: the transformers and the date handling under a non-UTC TZ.
    const repo = dataSource.getRepository(RegistryTransaction);
    const latest = await repo.find({
      where: { programAccount: { accountNumber: '123456789RM0001' } },
      order: { transactionDate: 'DESC' },
      take: 2,
    });
    expect(latest.map((t) => [t.transactionNumber, t.transactionDate, t.dutiesAndTaxesCents])).toEqual([
      ['13409539086039', '2026-11-17', 482915],
      ['13409539085981', '2026-11-10', 1250000],
    ]);
    const statement = await dataSource.getRepository(RegistryStatement).findOne({
      where: { programAccount: { accountNumber: '123456789RM0001' } },
      order: { statementDate: 'DESC' },
    });
    expect(statement).toMatchObject({
      statementDate: '2026-11-03',
      balanceCents: 876543,
      dueDate: '2026-11-18',
    });
    const sole = await dataSource.getRepository(RegistryBusiness).findOneBy({ businessNumber: '234567891' });
    expect(sole).toMatchObject({
      isSoleProprietor: true,
      isServiceProvider: false,
      legalName: 'Marie-Ève Tremblay',
    });
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await snapshot(dataSource);
    const result = await importReferenceData(dataSource, demo);
    const expected = fileCounts(demo);
    expect(result.changed).toBe(false);
    for (const kind of IMPORT_KINDS) {
      expect(result.counts[kind], kind).toEqual({
        created: 0,
        updated: 0,
        unchanged: expected[kind],
        deleted: 0,
      });
    }
    expect(await snapshot(dataSource)).toEqual(before);
  });

  it('applies changes from a partial file and leaves the other businesses alone', async () => {
    const before = await rowCounts(dataSource);
    const business = structuredClone(northernLights(demo));
    business.legalName = 'Northern Lights Imports Incorporated';
    business.addresses = business.addresses.slice(0, 1); // drops the PO box mailing address
    const account = business.programAccounts[0];
    account.contacts[0].title = 'Chief Executive Officer';
    account.transactions[0].status = 'PAID';
    account.payments.unshift({
      reference: 'PAD-20261120-0001',
      date: '2026-11-20',
      amountCents: 482915,
      method: 'PRE_AUTHORIZED_DEBIT',
    });

    const { counts, changed } = await importReferenceData(dataSource, {
      formatVersion: 1,
      businesses: [business],
    });
    expect(changed).toBe(true);
    expect(counts.businesses).toEqual({ created: 0, updated: 1, unchanged: 0, deleted: 0 });
    expect(counts.businessAddresses).toEqual({ created: 0, updated: 0, unchanged: 1, deleted: 1 });
    expect(counts.contacts).toMatchObject({ updated: 1 });
    expect(counts.transactions).toMatchObject({ updated: 1, created: 0 });
    expect(counts.payments).toMatchObject({ created: 1 });

    const after = await rowCounts(dataSource);
    expect(after).toEqual({
      ...before,
      registry_business_address: before.registry_business_address - 1,
      registry_payment: before.registry_payment + 1,
    });
    const stored = await dataSource
      .getRepository(RegistryBusiness)
      .findOneByOrFail({ businessNumber: '123456789' });
    expect(stored.legalName).toBe('Northern Lights Imports Incorporated');
    const addresses = await dataSource
      .getRepository(RegistryBusinessAddress)
      .findBy({ businessId: stored.id });
    expect(addresses.map((a) => a.line1)).toEqual(['240 Sparks Street']);

    // Importing the full demo file again restores the original name and address (position 1 is re-created).
    const restored = await importReferenceData(dataSource, demo);
    expect(restored.counts.businesses.updated).toBe(1);
    expect(restored.counts.businessAddresses.created).toBe(1);
  });

  it('leaves the database as it was when a write fails mid-way', async () => {
    const before = await snapshot(dataSource);
    const data = structuredClone(demo);
    // Writes that happen first: a delete, an update, a new business and its addresses...
    data.businesses[0].legalName = 'Renamed Before The Failure Inc.';
    data.businesses[0].addresses.pop();
    data.businesses.push({
      ...structuredClone(data.businesses[1]),
      businessNumber: '900000001',
      programAccounts: [],
    });
    // ...then two new transactions with one number: validation would refuse this file, so only the
    // database's unique index stops it, on the last INSERT of the import.
    const isRm = (a: { accountNumber: string }) => a.accountNumber.slice(9, 11) === 'RM';
    const account = data.businesses
      .findLast((b) => b.programAccounts.some(isRm))!
      .programAccounts.find(isRm)!;
    const duplicate = { ...account.transactions[0], transactionNumber: '99999999999999' };
    account.transactions.push(duplicate, { ...duplicate, amountCents: 1 });
    expect(validateReferenceData(data).ok).toBe(false);

    await expect(importReferenceData(dataSource, data)).rejects.toThrow(/unique|duplicate/i);
    expect(await snapshot(dataSource)).toEqual(before);
  });
});
