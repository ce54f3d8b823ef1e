import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import {
  CreditApplication,
  FinancialSecurityChange,
  PadAgreement,
} from '../../src/modules/finance/finance.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { drivers } from '../support/databases.js';
import {
  addTransactions,
  APPLY,
  CANCEL_PAD,
  CREATE_PAD,
  PAD_INPUT,
  SECURITY_INPUT,
  SUBMIT_SECURITY,
} from '../support/finance.js';
import { type GqlClient } from '../support/gql-client.js';
import { expectForbidden, payload } from '../support/identity.js';
import {
  accountsOf,
  BN,
  establish,
  member,
  person,
  registerDirectly,
  type Person,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The seed's two access tables (seed 003 §3.2) for the program account data of the finance areas, cell by
// cell, through the real HTTP API, as server/test/integration/access-table.spec.ts does for the profile
// areas. One client (Northern Lights: RM0001 and RT0001); a customs broker's employee under BUSINESS
// management; a trade consultant's employee under PROGRAM management of RM0001 only. The expected answers
// are written here from the seed, not read from the server's table:
//
// - business management: "Voir les informations sur la sécurité financière — Autorisé — Afficher et
//   modifier"; requests and transactions "Autorisé — Afficher et modifier"; PAD among the common restricted
//   actions ("Visualisation ou modification des autorisations de débit préautorisé").
// - program management: requests and transactions "Autorisé — Afficher et modifier" (its programs only);
//   "Voir la sécurité financière — Restreint — Non disponible"; common restricted actions not available.

type Cell = 'yes' | 'no';
type Actor = 'bm' | 'pm';

/** [area, actor, account, view, edit] — from the seed. */
const TABLE: Array<[area: string, actor: Actor, account: 'RM0001' | 'RT0001', view: Cell, edit: Cell]> = [
  ['FINANCIAL_SECURITY', 'bm', 'RM0001', 'yes', 'yes'],
  ['FINANCIAL_SECURITY', 'bm', 'RT0001', 'yes', 'yes'],
  ['FINANCIAL_SECURITY', 'pm', 'RM0001', 'no', 'no'],
  ['REQUESTS_AND_TRANSACTIONS', 'bm', 'RM0001', 'yes', 'yes'],
  ['REQUESTS_AND_TRANSACTIONS', 'bm', 'RT0001', 'yes', 'yes'],
  ['REQUESTS_AND_TRANSACTIONS', 'pm', 'RM0001', 'yes', 'yes'],
  ['PAD', 'bm', 'RM0001', 'no', 'no'],
  ['PAD', 'bm', 'RT0001', 'no', 'no'],
  ['PAD', 'pm', 'RM0001', 'no', 'no'],
];

/** The fields of each area on a program account. */
const FIELDS: Record<string, string[]> = {
  FINANCIAL_SECURITY: ['financialSecurity', 'financialSecurityChanges'],
  REQUESTS_AND_TRANSACTIONS: [
    'transactions',
    'balance',
    'statements',
    'invoices',
    'creditApplications',
    'accountIndicators',
  ],
  PAD: ['padAgreements'],
};
const SELECTION = `id
  financialSecurity { type amountCents } financialSecurityChanges { id }
  transactions(first: 5) { totalCount edges { node { id } } } balance { balanceCents }
  statements { totalCount } invoices { totalCount } creditApplications { id }
  accountIndicators { overdueCents securityOnFileCents }
  padAgreements { id maskedAccountNumber }`;
const BY_ID = `query($id: ID!) { programAccount(id: $id) { ${SELECTION} } }`;
const IN_LIST = `query($id: ID!) { business(id: $id) { programAccounts { accountNumber ${SELECTION} } } }`;
const NESTED = `{ me { actingFor { id recentTransactions(first: 20) { id programAccountId }
  programAccounts { accountNumber ${SELECTION} } } } }`;
const RECENT = `query($id: ID!) { business(id: $id) { recentTransactions(first: 20) { id programAccountId } } }`;
const ASSIGN_CLIENT = `mutation($input: AssignEmployeeToClientInput!) { assignEmployeeToClient(input: $input) { userErrors { code } } }`;
const GROUP = `mutation($input: CreateClientGroupInput!) { createClientGroup(input: $input) { group { id } userErrors { code } } }`;
const ADD_TO_GROUP = `mutation($id: ID!, $clients: [ID!]!) { addClientsToGroup(groupId: $id, clientBusinessIds: $clients) { userErrors { code } } }`;
const ASSIGN_GROUP = `mutation($input: AssignEmployeeToGroupInput!) { assignEmployeeToGroup(input: $input) { userErrors { code } } }`;

interface Answer {
  data: Record<string, unknown> | null;
  denied: Map<string, string>;
}

/** Runs a query; answers the data and the fields @access refused (path → area). Any other error fails. */
async function ask(
  client: GqlClient,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer> {
  const result = await client.gql(query, variables);
  const denied = new Map<string, string>();
  for (const error of result.body.errors ?? []) {
    expect(error.extensions?.code, JSON.stringify(error)).toBe('FORBIDDEN');
    denied.set(error.path!.join('.'), String(error.extensions?.area));
  }
  return { data: result.body.data ?? null, denied };
}

/** Checks the fields of `area` under `prefix` (a path to one program account) against the expected cell. */
function expectCell(
  answer: Answer,
  account: Record<string, unknown>,
  prefix: string,
  area: string,
  view: Cell,
) {
  for (const field of FIELDS[area]) {
    const path = `${prefix}.${field}`;
    if (view === 'yes') {
      expect(answer.denied.has(path), path).toBe(false);
      // A field may be null only because there is nothing (RT0001 has no financial security).
      if (field !== 'financialSecurity') expect(account[field], path).not.toBeNull();
    } else {
      expect(answer.denied.get(path), path).toBe(area);
      expect(account[field], path).toBeNull();
    }
  }
}

describe.each(drivers)('the seed’s access tables for finances, through the API on %s', (driver) => {
  let t: TestApp;
  let clientBam: Person;
  let actors: Record<Actor, Person>;
  let clientId: string;
  let accounts: Record<'RM0001' | 'RT0001', string>;
  let rtCredit: string;
  let rtOwed: string;
  let rmCredit: string;
  let rmOwed: string[];
  let padId: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    clientBam = await person(t, 'ClientBam2026', 'Alexandra', 'Whitfield');
    const brokerBam = await person(t, 'BrokerBam2026', 'Bruno', 'Maple');
    const consultantBam = await person(t, 'ConsultBam2026', 'Chloe', 'Harbour');
    clientId = await registerDirectly(t, BN.NORTHERN, clientBam.userId);
    const brokerId = await registerDirectly(t, BN.MAPLE, brokerBam.userId);
    const consultantId = await registerDirectly(t, BN.HARBOUR, consultantBam.userId);
    const { RM0001, RT0001 } = await accountsOf(t, BN.NORTHERN);
    accounts = { RM0001, RT0001 };
    await establish(brokerBam, brokerId, clientBam, BN.NORTHERN, 'BUSINESS_MANAGEMENT');
    await establish(consultantBam, consultantId, clientBam, BN.NORTHERN, 'PROGRAM_MANAGEMENT', [RM0001]);
    const bm = await member(t, brokerId, brokerBam.userId, 'BmBroker2026', BusinessRole.EDITOR);
    const pm = await member(t, consultantId, consultantBam.userId, 'PmBroker2026', BusinessRole.EDITOR);
    actors = { bm, pm };
    expect(
      payload<{ userErrors: unknown[] }>(
        await brokerBam.client.gql(ASSIGN_CLIENT, {
          input: { providerBusinessId: brokerId, userId: bm.userId, clientBusinessId: clientId },
        }),
      ).userErrors,
    ).toEqual([]);
    const groupId = payload<{ group: { id: string } }>(
      await consultantBam.client.gql(GROUP, {
        input: { providerBusinessId: consultantId, name: 'Importers' },
      }),
    ).group.id;
    await consultantBam.client.gql(ADD_TO_GROUP, { id: groupId, clients: [clientId] });
    expect(
      payload<{ userErrors: unknown[] }>(
        await consultantBam.client.gql(ASSIGN_GROUP, { input: { groupId, userId: pm.userId } }),
      ).userErrors,
    ).toEqual([]);
    // Something in every list: credits and debts on both accounts, a security change, an active PAD.
    [rtCredit, rtOwed] = await addTransactions(t, RT0001, [
      { amountCents: -5_000, status: 'UNAPPLIED_CREDIT', date: '2026-11-19' },
      { amountCents: 5_000, status: 'POSTED', date: '2026-11-19' },
    ]);
    [rmCredit, ...rmOwed] = await addTransactions(t, RM0001, [
      { amountCents: -5_000, status: 'UNAPPLIED_CREDIT' },
      { amountCents: 1_000, status: 'POSTED' },
      { amountCents: 1_000, status: 'POSTED' },
    ]);
    expect(
      payload<{ userErrors: unknown[] }>(
        await clientBam.client.gql(SUBMIT_SECURITY, {
          input: { programAccountId: RM0001, ...SECURITY_INPUT },
        }),
      ).userErrors,
    ).toEqual([]);
    padId = payload<{ agreement: { id: string } }>(
      await clientBam.client.gql(CREATE_PAD, { input: { programAccountId: RM0001, ...PAD_INPUT } }),
    ).agreement.id;
  });
  afterAll(async () => t?.close());

  it('gives the client’s own BAM every finance field of every account', async () => {
    for (const id of Object.values(accounts)) {
      const answer = await ask(clientBam.client, BY_ID, { id });
      expect(answer.denied.size).toBe(0);
    }
  });

  describe.each(TABLE)('%s for %s on %s', (area, actor, accountName, view, edit) => {
    it(`view: ${view} by id`, async () => {
      const answer = await ask(actors[actor].client, BY_ID, { id: accounts[accountName] });
      const account = answer.data?.programAccount as Record<string, unknown>;
      expect(account.id).toBe(accounts[accountName]);
      expectCell(answer, account, 'programAccount', area, view);
    });

    it(`view: ${view} in the client’s program list and nested under the clients the actor acts for`, async () => {
      // Business management sees the program list; program management does not (PROGRAM_LIST: restricted).
      const list = await ask(actors[actor].client, IN_LIST, { id: clientId });
      const nested = await ask(actors[actor].client, NESTED);
      if (actor === 'pm') {
        expect(list.denied.get('business.programAccounts')).toBe('PROGRAM_LIST');
        expect(nested.denied.get('me.actingFor.0.programAccounts')).toBe('PROGRAM_LIST');
        return;
      }
      for (const [answer, root] of [
        [list, (list.data?.business as { programAccounts: Array<Record<string, unknown>> }).programAccounts],
        [
          nested,
          (nested.data?.me as { actingFor: Array<{ programAccounts: Array<Record<string, unknown>> }> })
            .actingFor[0].programAccounts,
        ],
      ] as const) {
        const index = root.findIndex((a) => a.id === accounts[accountName]);
        expect(index).toBeGreaterThanOrEqual(0);
        const prefix =
          answer === list ? `business.programAccounts.${index}` : `me.actingFor.0.programAccounts.${index}`;
        expectCell(answer, root[index], prefix, area, view);
      }
    });

    it(`edit: ${edit} through the mutations, and nothing changes when refused`, async () => {
      const client = actors[actor].client;
      const id = accounts[accountName];
      const before = {
        applications: await t.dataSource.getRepository(CreditApplication).count(),
        changes: await t.dataSource.getRepository(FinancialSecurityChange).count(),
        pads: JSON.stringify(await t.dataSource.getRepository(PadAgreement).find({ order: { id: 'ASC' } })),
      };
      if (area === 'REQUESTS_AND_TRANSACTIONS') {
        const [credit, owed] =
          accountName === 'RT0001' ? [rtCredit, rtOwed] : [rmCredit, rmOwed[actor === 'bm' ? 0 : 1]];
        const result = await client.gql(APPLY, {
          input: {
            programAccountId: id,
            creditTransactionId: credit,
            allocations: [{ transactionId: owed, amountCents: 100 }],
          },
        });
        if (edit === 'yes') {
          expect(payload<{ userErrors: unknown[] }>(result).userErrors).toEqual([]);
          expect(await t.dataSource.getRepository(CreditApplication).count()).toBe(before.applications + 1);
        } else expectForbidden(result, area);
      }
      if (area === 'FINANCIAL_SECURITY') {
        const result = await client.gql(SUBMIT_SECURITY, {
          input: { programAccountId: id, ...SECURITY_INPUT },
        });
        if (edit === 'yes') {
          // RT0001 holds no security: allowed, and told so (not FORBIDDEN).
          const errors = payload<{ userErrors: Array<{ code: string }> }>(result).userErrors;
          expect(errors.map((e) => e.code)).toEqual(accountName === 'RT0001' ? ['NOT_AN_RM_ACCOUNT'] : []);
        } else {
          expectForbidden(result, area);
          expect(await t.dataSource.getRepository(FinancialSecurityChange).count()).toBe(before.changes);
        }
      }
      if (area === 'PAD') {
        expect(edit).toBe('no');
        expectForbidden(
          await client.gql(CREATE_PAD, { input: { programAccountId: id, ...PAD_INPUT } }),
          area,
        );
        expectForbidden(await client.gql(CANCEL_PAD, { id: padId }), area);
        expect(
          JSON.stringify(await t.dataSource.getRepository(PadAgreement).find({ order: { id: 'ASC' } })),
        ).toBe(before.pads);
      }
    });
  });

  it('lists recent transactions of the accounts each actor may view: all under business management, RM0001 under program management', async () => {
    const accountsIn = async (
      client: GqlClient,
      query: string,
      variables: Record<string, unknown>,
      pick: (d: Record<string, unknown>) => Array<{ programAccountId: string }>,
    ) => {
      const answer = await ask(client, query, variables);
      expect(answer.denied.size).toBe(0);
      return [...new Set(pick(answer.data!).map((x) => x.programAccountId))].sort();
    };
    const direct = (d: Record<string, unknown>) =>
      (d.business as { recentTransactions: Array<{ programAccountId: string }> }).recentTransactions;
    const nested = (d: Record<string, unknown>) =>
      (d.me as { actingFor: Array<{ recentTransactions: Array<{ programAccountId: string }> }> }).actingFor[0]
        .recentTransactions;
    const both = [accounts.RM0001, accounts.RT0001].sort();
    expect(await accountsIn(actors.bm.client, RECENT, { id: clientId }, direct)).toEqual(both);
    expect(await accountsIn(actors.pm.client, RECENT, { id: clientId }, direct)).toEqual([accounts.RM0001]);
    expect(
      await accountsIn(
        actors.pm.client,
        NESTED.replace(/programAccounts \{[^]*\} \} \} \}$/, '} } }'),
        {},
        nested,
      ),
    ).toEqual([accounts.RM0001]);
  });

  it('refuses program management everything of an account outside its relationship', async () => {
    const answer = await ask(actors.pm.client, BY_ID, { id: accounts.RT0001 });
    expect(Object.fromEntries(answer.denied)).toEqual({ programAccount: 'PROGRAM_PROFILE' });
    const applied = await actors.pm.client.gql(APPLY, {
      input: {
        programAccountId: accounts.RT0001,
        creditTransactionId: rtCredit,
        allocations: [{ transactionId: rtOwed, amountCents: 1 }],
      },
    });
    expectForbidden(applied, 'REQUESTS_AND_TRANSACTIONS');
    expectForbidden(
      await actors.pm.client.gql(SUBMIT_SECURITY, {
        input: { programAccountId: accounts.RT0001, ...SECURITY_INPUT },
      }),
      'FINANCIAL_SECURITY',
    );
    expectForbidden(
      await actors.pm.client.gql(CREATE_PAD, { input: { programAccountId: accounts.RT0001, ...PAD_INPUT } }),
      'PAD',
    );
  });
});
