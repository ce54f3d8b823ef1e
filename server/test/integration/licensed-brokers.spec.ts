import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  importReferenceData,
  validateReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { drivers } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const address = {
  type: 'PHYSICAL',
  line1: '1 Harbour Rd',
  city: 'Halifax',
  provinceState: 'NS',
  postalCode: 'B3H 1A1',
  country: 'CA',
};

function business(bn: string, legalName: string, kind: 'CUSTOMS_BROKER' | 'TRADE_CONSULTANT' | null) {
  const programType = kind ?? 'IMPORTER';
  return {
    businessNumber: bn,
    legalName,
    operatingName: legalName.startsWith('Zed') ? 'Quick_Clear 100%' : '',
    businessType: 'CORPORATION',
    soleProprietor: false,
    serviceProvider: kind !== null,
    ...(kind ? { serviceProviderKind: kind } : {}),
    addresses: [address],
    programAccounts: [
      {
        accountNumber: `${bn}RM0001`,
        programType,
        name: legalName,
        billingType: 'DAILY_NOTICE',
        addresses: [address],
      },
    ],
  };
}

const query = `query Brokers($search: String, $first: Int) {
  licensedCustomsBrokers(search: $search, first: $first) { businessNumber legalName operatingName }
}`;

describe.each(drivers)('the public list of licensed customs brokers on %s', (driver) => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp(driver);
    const file = validateReferenceData({
      formatVersion: 1,
      businesses: [
        business('700000001', 'Harbour Brokers Inc.', 'CUSTOMS_BROKER'),
        business('700000002', 'Atlantic Customs Services Ltd.', 'CUSTOMS_BROKER'),
        business('700000003', 'Zed Brokerage', 'CUSTOMS_BROKER'),
        business('800000001', 'Harbour Consultants', 'TRADE_CONSULTANT'),
        business('900000001', 'Harbour Imports', null),
      ],
    });
    if (!file.ok) throw new Error(JSON.stringify(file.problems));
    await importReferenceData(t.dataSource, file.data);
  });
  afterAll(async () => {
    await t?.close();
  });

  const names = async (variables: Record<string, unknown>) => {
    const { status, body } = await t.gql(query, variables);
    expect(status, JSON.stringify(body)).toBe(200);
    return (body.data?.licensedCustomsBrokers as Array<{ legalName: string }>).map((b) => b.legalName);
  };

  it('lists customs brokers only, by legal name, with no sign-in', async () => {
    expect(await names({})).toEqual([
      'Atlantic Customs Services Ltd.',
      'Harbour Brokers Inc.',
      'Zed Brokerage',
    ]);
  });

  it('finds by part of a name in any case, by operating name, and by the start of a business number', async () => {
    expect(await names({ search: 'harbour' })).toEqual(['Harbour Brokers Inc.']);
    expect(await names({ search: 'CUSTOMS' })).toEqual(['Atlantic Customs Services Ltd.']);
    expect(await names({ search: '7000000' })).toEqual([
      'Atlantic Customs Services Ltd.',
      'Harbour Brokers Inc.',
      'Zed Brokerage',
    ]);
    expect(await names({ search: '0000001' })).toEqual([]);
    // `_` and `%` are letters to find, not patterns.
    expect(await names({ search: 'k_c' })).toEqual(['Zed Brokerage']);
    expect(await names({ search: '%' })).toEqual(['Zed Brokerage']);
    expect(await names({ search: 'r_b' })).toEqual([]);
  });

  it('answers at most `first`, 100 at the bound and BAD_USER_INPUT just over', async () => {
    expect(await names({ first: 1 })).toEqual(['Atlantic Customs Services Ltd.']);
    expect(await names({ first: 100 })).toHaveLength(3);
    const over = await t.gql(query, { first: 101 });
    expect(over.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
