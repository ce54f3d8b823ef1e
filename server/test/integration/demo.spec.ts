import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoWorld } from '../../src/modules/demo/demo-world.service.js';
import { RegistryTransaction } from '../../src/modules/registry/financial-record.entity.js';
import { User } from '../../src/modules/users/user.entity.js';
import { drivers } from '../support/databases.js';
import { payload } from '../support/identity.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The demo anyone can try (issue 14; decision 0037): the world is built through the services, once; its
// prepared people sign in with one click while the demo is on, and never in production or with
// SEED_DEMO_DATA=false or DEMO_WORLD=false.

const PERSONAS = '{ demoPersonas }';
const DEMO_SIGN_IN = `mutation($persona: DemoPersona!) { demoSignIn(persona: $persona) {
  viewer { username role termsAccepted } userErrors { code } } }`;
const ACCEPT = 'mutation { respondToTerms(accept: true) { viewer { termsAccepted } } }';
const IMPORTER_CLAIMS = `{ viewerBusiness { businessNumber claims(first: 10) { edges { node {
  status claimedCents approvedCents transaction { transactionNumber } repayment { status amountCents } } } } } }`;
const BROKER_WORLD = `{ viewerBusiness { businessNumber
  clients(first: 10) { edges { node { type client { businessNumber name } } } } } }`;

describe.each(drivers)('the demo on %s', (driver) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(driver);
  });
  afterAll(async () => t?.close());

  it('seeds the world once, and a one-click sign-in as the broker shows its clients of both relationship types', async () => {
    expect(await seedDemoWorld(t.dataSource, t.config)).toBe(true);
    const people = await t.dataSource.getRepository(User).count();
    expect(await seedDemoWorld(t.dataSource, t.config)).toBe(false);
    expect(await t.dataSource.getRepository(User).count()).toBe(people);

    const visitor = t.client();
    expect(payload<string[]>(await visitor.gql(PERSONAS))).toEqual([
      'IMPORTER_BAM',
      'BROKER_BAM',
      'BROKER_EMPLOYEE',
      'OFFICER',
    ]);
    const signedIn = payload<{ viewer: { username: string; role: string } }>(
      await visitor.gql(DEMO_SIGN_IN, { persona: 'BROKER_BAM' }),
    );
    expect(signedIn.viewer).toMatchObject({ username: 'DemoBroker', role: 'PERSON' });
    await visitor.gql(ACCEPT);
    const world = payload<{
      businessNumber: string;
      clients: { edges: Array<{ node: { type: string; client: { businessNumber: string } } }> };
    }>(await visitor.gql(BROKER_WORLD));
    expect(world.businessNumber).toBe('504853193');
    expect(world.clients.edges.map((e) => [e.node.client.businessNumber, e.node.type]).sort()).toEqual([
      ['422262311', 'BUSINESS_MANAGEMENT'],
      ['490132677', 'PROGRAM_MANAGEMENT'],
    ]);

    // The importer's claims pages have content: one claim approved with its repayment payable, one submitted.
    const importer = t.client();
    await importer.gql(DEMO_SIGN_IN, { persona: 'IMPORTER_BAM' });
    await importer.gql(ACCEPT);
    const claims = payload<{
      businessNumber: string;
      claims: {
        edges: Array<{
          node: {
            status: string;
            claimedCents: number;
            approvedCents: number | null;
            transaction: { transactionNumber: string };
            repayment: { status: string; amountCents: number } | null;
          };
        }>;
      };
    }>(await importer.gql(IMPORTER_CLAIMS));
    expect(claims.businessNumber).toBe('422262311');
    expect(claims.claims.edges.map((e) => e.node).sort((a, b) => a.status.localeCompare(b.status))).toEqual([
      {
        status: 'APPROVED',
        claimedCents: 22_766,
        approvedCents: 22_766,
        transaction: { transactionNumber: '16520838251857' },
        repayment: { status: 'PAYABLE', amountCents: 22_766 },
      },
      {
        status: 'SUBMITTED',
        claimedCents: 50_000,
        approvedCents: null,
        transaction: { transactionNumber: '16419098938801' },
        repayment: null,
      },
    ]);

    const officer = t.client();
    const asOfficer = payload<{ viewer: { role: string } }>(
      await officer.gql(DEMO_SIGN_IN, { persona: 'OFFICER' }),
    );
    expect(asOfficer.viewer.role).toBe('OFFICER');
  });
});

describe.each([
  ['NODE_ENV=production', { NODE_ENV: 'production', COOKIE_SECURE: 'false' }],
  ['SEED_DEMO_DATA=false', { SEED_DEMO_DATA: 'false' }],
  // The browser journeys that do not use the demo: the reference data stays, the world does not.
  ['DEMO_WORLD=false', { DEMO_WORLD: 'false' }],
])('the demo with %s', (_name, env) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite', { env });
    // Even with the world in the database, nobody signs in as a prepared person.
    await seedDemoWorld(t.dataSource, { ...t.config, demo: true });
  });
  afterAll(async () => t?.close());

  it('is off: no prepared people are offered, and the one-click sign-in is refused', async () => {
    expect(t.config.demo).toBe(false);
    const visitor = t.client();
    expect(payload<string[]>(await visitor.gql(PERSONAS))).toEqual([]);
    const refused = await visitor.gql(DEMO_SIGN_IN, { persona: 'BROKER_BAM' });
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(refused.setCookies).toEqual([]);
  });
});

// The demo file's dates were written for November 2026 (generate-demo.mjs); the world built years later
// moves them forward (shiftDemoDates) so its claims are still within their 4-year time limit.
describe('the demo built in 2031', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('sqlite');
    t.clock.advance(Date.parse('2031-03-02T15:00:00Z') - Date.now());
  });
  afterAll(async () => t?.close());

  it('seeds the world, its claims and their transactions dated in the last months', async () => {
    expect(await seedDemoWorld(t.dataSource, t.config)).toBe(true);
    const importer = t.client();
    await importer.gql(DEMO_SIGN_IN, { persona: 'IMPORTER_BAM' });
    await importer.gql(ACCEPT);
    const claims = payload<{
      claims: { edges: Array<{ node: { status: string; transaction: { transactionNumber: string } } }> };
    }>(await importer.gql(IMPORTER_CLAIMS));
    expect(claims.claims.edges.map((e) => e.node.status).sort()).toEqual(['APPROVED', 'SUBMITTED']);
    const [newest] = await t.dataSource
      .getRepository(RegistryTransaction)
      .find({ order: { transactionDate: 'DESC' }, take: 1 });
    expect(newest.transactionDate >= '2031-02-01' && newest.transactionDate <= '2031-03-02').toBe(true);
  });
});
