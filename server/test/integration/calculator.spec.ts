import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drivers } from '../support/databases.js';
import { payload } from '../support/identity.js';
import { person, type Person } from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The duties and taxes calculator and its classification helper through the API.

const ESTIMATE = `query($input: DutyEstimateInput!) { dutyEstimate(input: $input) {
  estimate { line { classification description unitName } treatment valueForDutyCents adValoremBasisPoints
    adValoremDutyCents specificDutyCents dutyCents gstBaseCents gstBasisPoints gstCents totalCents tariffVersion }
  userErrors { field code message } } }`;
const SEARCH = `query($query: String!) { classificationSearch(query: $query) { classification description treatments } }`;

describe.each(drivers)('duties calculator on %s', (driver) => {
  let t: TestApp;
  let someone: Person;
  beforeAll(async () => {
    t = await startTestApp(driver);
    someone = await person(t, 'Calculator2026', 'Carl', 'Culator');
  });
  afterAll(async () => t?.close());

  it('estimates duty and GST, with the line in the caller’s language', async () => {
    const result = payload<{ estimate: Record<string, unknown>; userErrors: unknown[] }>(
      await someone.client.gql(
        ESTIMATE,
        { input: { classification: '6109.10.00.00', valueForDutyCents: 10_000, treatment: 'MFN' } },
        { headers: { 'accept-language': 'fr' } },
      ),
    );
    expect(result.userErrors).toEqual([]);
    expect(result.estimate).toEqual({
      line: {
        classification: '6109.10.00.00',
        description: 'T-shirts et maillots de corps, en bonneterie, de coton',
        unitName: 'unités',
      },
      treatment: 'MFN',
      valueForDutyCents: 10_000,
      adValoremBasisPoints: 1800,
      adValoremDutyCents: 1800,
      specificDutyCents: 0,
      dutyCents: 1800,
      gstBaseCents: 11_800,
      gstBasisPoints: 500,
      gstCents: 590,
      totalCents: 2390,
      tariffVersion: 'demo-2026-01',
    });
  });

  it('answers bad input with userErrors in the caller’s language', async () => {
    const result = payload<{ estimate: null; userErrors: Array<{ code: string; message: string }> }>(
      await someone.client.gql(ESTIMATE, {
        input: { classification: '1234', valueForDutyCents: -5, treatment: 'MFN' },
      }),
    );
    expect(result.estimate).toBeNull();
    expect(result.userErrors.map((e) => e.code)).toEqual(['INVALID_FORMAT', 'INVALID']);
    expect(result.userErrors[0].message).toBe(
      'Enter the classification number as 10 digits in the form 0000.00.00.00.',
    );
  });

  it('searches the tariff by keyword in English and French', async () => {
    const en = payload<Array<{ classification: string; description: string }>>(
      await someone.client.gql(SEARCH, { query: 'shoes' }),
    );
    expect(en.map((line) => line.classification)).toEqual(['6403.99.90.00']);
    expect(en[0].description).toMatch(/^Other footwear/);
    const fr = payload<Array<{ classification: string }>>(
      await someone.client.gql(SEARCH, { query: 'chaussures' }),
    );
    expect(fr.map((line) => line.classification)).toEqual(['6403.99.90.00']);
  });

  it('is for signed-in people only', async () => {
    const result = await t.gql(SEARCH, { query: 'shoes' });
    expect(result.body.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  });
});
