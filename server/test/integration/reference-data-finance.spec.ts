import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  RegistryFinancialSecurity,
  RegistryInvoice,
} from '../../src/modules/registry/financial-record.entity.js';
import {
  importReferenceData,
  loadDemoReferenceData,
  validateReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { type ReferenceData } from '../../src/modules/registry/reference-data.schema.js';
import { drivers, openTestDatabase } from '../support/databases.js';

// Agency invoices and financial security in the reference data (docs/reference-data.md): validated with the
// rest of the file, imported idempotently, invoices kept as a ledger, the security replaced as a profile.

type Raw = { businesses: Array<{ programAccounts: Array<Record<string, unknown>> }> };

function northernRm(file: Raw) {
  return (file.businesses as unknown as ReferenceData['businesses'])
    .find((b) => b.businessNumber === '123456789')!
    .programAccounts.find((a) => a.accountNumber === '123456789RM0001')! as unknown as Record<
    string,
    unknown
  > & {
    invoices: Array<Record<string, unknown>>;
    financialSecurity: Record<string, unknown> | null;
  };
}

describe('invoices and financial security in the import file', () => {
  it('reports every problem at its path', async () => {
    const file = structuredClone(await loadDemoReferenceData()) as unknown as Raw;
    const rm = northernRm(file);
    rm.invoices[0].dueDate = '2026-11-01'; // before its date, 2026-11-05
    rm.invoices[1].invoiceNumber = rm.invoices[0].invoiceNumber;
    rm.invoices.push({ ...rm.invoices[0], invoiceNumber: 'inv 1', amountCents: 0, status: 'LATE' });
    rm.financialSecurity = { ...rm.financialSecurity, type: 'CHEQUE', expiryDate: '2024-03-01', extra: 1 };
    const rt = (file.businesses as unknown as ReferenceData['businesses'])[0].programAccounts.find((a) =>
      a.accountNumber.includes('RT'),
    ) as unknown as Record<string, unknown>;
    rt.invoices = [rm.invoices[1]];
    rt.financialSecurity = {
      type: 'CASH_DEPOSIT',
      amountCents: 1,
      provider: 'Bank',
      effectiveDate: '2026-01-01',
    };
    const result = validateReferenceData(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const at = '$.businesses[0].programAccounts';
    expect(result.problems).toEqual(
      expect.arrayContaining([
        { path: `${at}[0].invoices[0].dueDate`, message: 'must not be before date 2026-11-05' },
        {
          path: `${at}[0].invoices[1].invoiceNumber`,
          message: `duplicates invoice ${String(rm.invoices[0].invoiceNumber)} of invoices[0]`,
        },
        {
          path: `${at}[0].invoices[2].invoiceNumber`,
          message: 'must be 1 to 20 capital letters, digits or hyphens, e.g. INV-2026-00042',
        },
        { path: `${at}[0].invoices[2].amountCents`, message: 'must be more than zero' },
        { path: `${at}[0].invoices[2].status`, message: 'must be one of OUTSTANDING, PAID, CANCELLED' },
        { path: `${at}[0].financialSecurity.type`, message: 'must be one of SURETY_BOND, CASH_DEPOSIT' },
        { path: `${at}[0].financialSecurity.expiryDate`, message: 'must be after effectiveDate 2024-03-01' },
        { path: `${at}[0].financialSecurity.extra`, message: 'is not a known field' },
        { path: `${at}[1].invoices`, message: 'financial records are held for RM accounts only' },
        { path: `${at}[1].financialSecurity`, message: 'financial security is held for RM accounts only' },
      ]),
    );
  });
});

describe.each(drivers)('importing invoices and financial security on %s', (driver) => {
  let db: Awaited<ReturnType<typeof openTestDatabase>>;
  let demo: ReferenceData;

  beforeAll(async () => {
    db = await openTestDatabase(driver);
    demo = await loadDemoReferenceData();
  });
  afterAll(async () => db?.close());

  it('creates them, then writes nothing on a second import', async () => {
    const first = await importReferenceData(db.dataSource, demo);
    const accounts = demo.businesses.flatMap((b) => b.programAccounts);
    expect(first.counts.invoices.created).toBe(accounts.reduce((n, a) => n + a.invoices.length, 0));
    expect(first.counts.financialSecurities.created).toBe(accounts.filter((a) => a.financialSecurity).length);
    expect(first.counts.invoices.created).toBeGreaterThan(50);
    const second = await importReferenceData(db.dataSource, demo);
    expect(second.changed).toBe(false);
    expect(second.counts.invoices).toMatchObject({ created: 0, updated: 0 });
    expect(second.counts.financialSecurities).toMatchObject({ created: 0, updated: 0, deleted: 0 });
  });

  it('updates a security field by field, removes it when the file has none, keeps invoices the file omits', async () => {
    const file = structuredClone(demo);
    const rm = northernRm(file);
    rm.financialSecurity = { ...rm.financialSecurity, amountCents: 6_000_000, expiryDate: '' };
    const updated = await importReferenceData(db.dataSource, file);
    expect(updated.counts.financialSecurities).toMatchObject({ updated: 1, created: 0 });
    const security = await db.dataSource
      .getRepository(RegistryFinancialSecurity)
      .findOneByOrFail({ reference: 'SB-2024-118204' });
    expect(security).toMatchObject({ amountCents: 6_000_000, expiryDate: '', effectiveDate: '2024-03-01' });

    rm.financialSecurity = null;
    const invoicesBefore = await db.dataSource.getRepository(RegistryInvoice).count();
    rm.invoices = [];
    const removed = await importReferenceData(db.dataSource, file);
    expect(removed.counts.financialSecurities).toMatchObject({ deleted: 1 });
    expect(await db.dataSource.getRepository(RegistryFinancialSecurity).countBy({ id: security.id })).toBe(0);
    expect(await db.dataSource.getRepository(RegistryInvoice).count()).toBe(invoicesBefore);
  });
});
