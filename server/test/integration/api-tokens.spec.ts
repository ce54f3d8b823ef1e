import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessAuditEvent } from '../../src/modules/businesses/businesses.entities.js';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import { ApiToken } from '../../src/modules/api-tokens/api-tokens.entities.js';
import { Business } from '../../src/modules/businesses/businesses.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { PersonRole } from '../../src/modules/users/user.types.js';
import {
  bearer,
  createToken,
  REVOKE_TOKEN,
  tokenSecret,
  TOKENS,
  type TokenView,
} from '../support/api-tokens.js';
import { drivers } from '../support/databases.js';
import { acceptTerms, payload, seedUser, signIn } from '../support/identity.js';
import {
  BN,
  type Person,
  accountsOf,
  establish,
  member,
  person,
  registerDirectly,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const CLIENTS = `query($first: Int, $after: String) { viewerBusiness { id name clients(first: $first, after: $after) {
  edges { cursor node { id type since client { id businessNumber name } programAccounts { accountNumber }
  relationship { id status } } } pageInfo { hasNextPage endCursor } totalCount } } }`;
const REQUEST_MANY = `mutation($input: RequestRelationshipsInput!) { requestRelationships(input: $input) {
  results { businessNumber relationship { id status } userErrors { code } } userErrors { code } } }`;
const DELEGATIONS = `query($id: ID!) { business(id: $id) { delegations(first: 100) { edges { node {
  kind holderName businessNumber access allProgramAccounts programAccounts { accountNumber } } } totalCount } } }`;
const CREATE_GROUP = `mutation($input: CreateClientGroupInput!) { createClientGroup(input: $input) { group { id } userErrors { code } } }`;
const ADD_TO_GROUP = `mutation($id: ID!, $clients: [ID!]!) { addClientsToGroup(groupId: $id, clientBusinessIds: $clients) { userErrors { code } } }`;

type Clients = {
  id: string;
  clients: {
    edges: Array<{
      node: {
        type: string;
        client: { businessNumber: string; name: string };
        programAccounts: Array<{ accountNumber: string }>;
      };
    }>;
    totalCount: number;
  };
};

const DAY = 86_400_000;

describe.each(drivers)('API tokens through HTTP on %s', (driver) => {
  let t: TestApp;
  let mapleBam: Person;
  let northernBam: Person;
  let coteBam: Person;
  let editor: Person;
  let maple: string;
  let northern: string;
  let cote: string;
  let quebecGroup: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    mapleBam = await person(t, 'MapleBam2026', 'Morgan', 'Maple');
    northernBam = await person(t, 'NorthernBam2026', 'Nora', 'North');
    coteBam = await person(t, 'CoteBam2026', 'Camille', 'Côté');
    maple = await registerDirectly(t, BN.MAPLE, mapleBam.userId);
    northern = await registerDirectly(t, BN.NORTHERN, northernBam.userId);
    cote = await registerDirectly(t, BN.COTE, coteBam.userId);
    await registerDirectly(t, BN.TREMBLAY, coteBam.userId);
    editor = await member(t, maple, mapleBam.userId, 'MapleEditor2026', BusinessRole.EDITOR);
    await establish(mapleBam, maple, northernBam, BN.NORTHERN);
    const coteRm = (await accountsOf(t, BN.COTE)).RM0001;
    await establish(mapleBam, maple, coteBam, BN.COTE, 'PROGRAM_MANAGEMENT', [coteRm]);
    const group = payload<{ group: { id: string } }>(
      await mapleBam.client.gql(CREATE_GROUP, { input: { providerBusinessId: maple, name: 'Québec' } }),
    );
    quebecGroup = group.group.id;
    expect(
      payload<{ userErrors: unknown[] }>(
        await mapleBam.client.gql(ADD_TO_GROUP, { id: quebecGroup, clients: [cote] }),
      ).userErrors,
    ).toEqual([]);
  });
  afterAll(async () => t?.close());

  it('shows the secret once and stores only its hash; the list shows the prefix and no secret', async () => {
    const { secret, token } = await tokenSecret(mapleBam.client, {
      businessId: maple,
      name: '  Broker   system ',
    });
    expect(secret).toMatch(/^psl_[A-Za-z0-9_-]{43}$/);
    expect(token).toMatchObject({ name: 'Broker system', scope: 'READ', active: true, lastUsedAt: null });
    expect(secret.startsWith(token.prefix)).toBe(true);
    const row = await t.dataSource.getRepository(ApiToken).findOneByOrFail({ id: token.id });
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(secret.slice(12));
    const listed = await mapleBam.client.gql(TOKENS, { id: maple });
    expect(JSON.stringify(listed.body)).not.toContain(secret.slice(12));
    expect(JSON.stringify(listed.body)).toContain(token.prefix);
  });

  it('a READ token reads its business and its clients, with the type and the accounts in scope', async () => {
    const { secret } = await tokenSecret(mapleBam.client, { businessId: maple });
    const result = await bearer(t, secret, CLIENTS, { first: 10 });
    expect(result.status).toBe(200);
    expect(result.body.errors).toBeUndefined();
    const business = result.body.data!.viewerBusiness as Clients;
    expect(business.id).toBe(maple);
    expect(business.clients.totalCount).toBe(2);
    const byBn = Object.fromEntries(
      business.clients.edges.map((e) => [e.node.client.businessNumber, e.node]),
    );
    expect(byBn[BN.NORTHERN].type).toBe('BUSINESS_MANAGEMENT');
    expect(byBn[BN.NORTHERN].programAccounts.length).toBeGreaterThan(1);
    expect(byBn[BN.COTE].type).toBe('PROGRAM_MANAGEMENT');
    expect(byBn[BN.COTE].programAccounts.map((a) => a.accountNumber)).toEqual([`${BN.COTE}RM0001`]);
    // A token is not a person: no `me`, no session.
    const who = await bearer(t, secret, '{ me { id } session { csrfToken } }');
    expect(who.body.data).toEqual({ me: null, session: null });
  });

  it('pages through the clients one at a time, most recently accepted first, each page with its own accounts', async () => {
    const { secret } = await tokenSecret(mapleBam.client, { businessId: maple });
    const all = (await bearer(t, secret, CLIENTS, { first: 10 })).body.data!.viewerBusiness as Clients;
    const pages: Array<{ bn: string; accounts: string[]; hasNextPage: boolean; totalCount: number }> = [];
    let after: string | null = null;
    do {
      const result = await bearer(t, secret, CLIENTS, { first: 1, after });
      expect(result.body.errors).toBeUndefined();
      const clients = (result.body.data!.viewerBusiness as Clients).clients as Clients['clients'] & {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
      expect(clients.edges).toHaveLength(1);
      const [{ node }] = clients.edges;
      pages.push({
        bn: node.client.businessNumber,
        accounts: node.programAccounts.map((a) => a.accountNumber),
        hasNextPage: clients.pageInfo.hasNextPage,
        totalCount: clients.totalCount,
      });
      after = clients.pageInfo.hasNextPage ? clients.pageInfo.endCursor : null;
    } while (after && pages.length < 5);
    // Côté was accepted after Northern: it comes first. Each page carries the accounts of its own client.
    expect(pages.map((p) => [p.bn, p.hasNextPage, p.totalCount])).toEqual([
      [BN.COTE, true, 2],
      [BN.NORTHERN, false, 2],
    ]);
    expect(pages[0].accounts).toEqual([`${BN.COTE}RM0001`]);
    expect(pages[1].accounts).toEqual(
      all.clients.edges
        .find((e) => e.node.client.businessNumber === BN.NORTHERN)!
        .node.programAccounts.map((a) => a.accountNumber),
    );
  });

  it('a READ token gets FORBIDDEN (TOKEN_READ_ONLY, HTTP 403) for every mutation, and nothing changes', async () => {
    const { secret } = await tokenSecret(mapleBam.client, { businessId: maple });
    const result = await bearer(t, secret, REQUEST_MANY, {
      input: { providerBusinessId: maple, clientBusinessNumbers: [BN.TREMBLAY] },
    });
    expect(result.status).toBe(403);
    expect(result.body.errors?.map((e) => [e.extensions?.code, e.extensions?.reason])).toEqual([
      ['FORBIDDEN', 'TOKEN_READ_ONLY'],
    ]);
    expect(result.body.errors?.[0].message).toMatch(/only read/);
    const fr = await bearer(t, secret, 'mutation { signOut { signedOut } }', {}, { 'accept-language': 'fr' });
    expect(fr.body.errors?.[0].message).toMatch(/lecture/);
  });

  it('a READ_WRITE token sends bulk relationship requests without a CSRF token, a result per BN; person-only mutations are refused', async () => {
    const { secret } = await tokenSecret(mapleBam.client, { businessId: maple, scope: 'READ_WRITE' });
    const result = await bearer(t, secret, REQUEST_MANY, {
      input: { providerBusinessId: maple, clientBusinessNumbers: [BN.TREMBLAY, '999999999'] },
    });
    expect(result.status).toBe(200);
    const answer = result.body.data!.requestRelationships as {
      results: Array<{
        businessNumber: string;
        relationship: { status: string } | null;
        userErrors: Array<{ code: string }>;
      }>;
    };
    expect(
      answer.results.map((r) => [r.businessNumber, r.relationship?.status ?? r.userErrors[0]?.code]),
    ).toEqual([
      [BN.TREMBLAY, 'PENDING'],
      ['999999999', expect.any(String)],
    ]);
    const signOut = await bearer(t, secret, 'mutation { signOut { signedOut } }');
    expect(signOut.status).toBe(403);
    expect(signOut.body.errors?.[0].extensions?.reason).toBe('TOKEN_NOT_ALLOWED');
    const mint = await bearer(
      t,
      secret,
      'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret } }',
      {
        input: { businessId: maple, name: 'x', scope: 'READ', expiresInDays: 1 },
      },
    );
    expect(mint.status).toBe(403);
    expect(mint.body.errors?.[0].extensions?.reason).toBe('TOKEN_NOT_ALLOWED');
  });

  it('a token limited to a client group reaches only the clients in it', async () => {
    const { secret } = await tokenSecret(mapleBam.client, {
      businessId: maple,
      clientGroupIds: [quebecGroup],
    });
    const result = await bearer(t, secret, CLIENTS, {});
    const business = result.body.data!.viewerBusiness as Clients;
    expect(business.clients.edges.map((e) => e.node.client.businessNumber)).toEqual([BN.COTE]);
    const outside = await bearer(t, secret, 'query($id: ID!) { business(id: $id) { id name } }', {
      id: northern,
    });
    expect(outside.body.data).toEqual({ business: null });
    const inside = await bearer(t, secret, 'query($id: ID!) { business(id: $id) { id name } }', { id: cote });
    expect((inside.body.data!.business as { id: string }).id).toBe(cote);
  });

  it('stops working when revoked (401 TOKEN_INVALID), when expired, and with a made-up secret', async () => {
    const { secret, token } = await tokenSecret(mapleBam.client, { businessId: maple, expiresInDays: 1 });
    expect((await bearer(t, secret, '{ viewerBusiness { id } }')).status).toBe(200);
    t.clock.advance(DAY + 1000);
    const expired = await bearer(t, secret, '{ viewerBusiness { id } }');
    t.clock.advance(-(DAY + 1000));
    expect(expired.status).toBe(401);
    expect(expired.body.errors?.[0].extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      reason: 'TOKEN_INVALID',
    });
    const revoked = payload<{ token: TokenView; userErrors: unknown[] }>(
      await mapleBam.client.gql(REVOKE_TOKEN, { id: token.id }),
    );
    expect(revoked.userErrors).toEqual([]);
    expect(revoked.token.active).toBe(false);
    const after = await bearer(t, secret, '{ viewerBusiness { id } }');
    expect(after.status).toBe(401);
    const again = payload<{ userErrors: Array<{ code: string }> }>(
      await mapleBam.client.gql(REVOKE_TOKEN, { id: token.id }),
    );
    expect(again.userErrors.map((e) => e.code)).toEqual(['ALREADY_REVOKED']);
    expect((await bearer(t, 'psl_madeup', '{ viewerBusiness { id } }')).status).toBe(401);
    expect((await bearer(t, '', '{ viewerBusiness { id } }')).status).toBe(401);
  });

  it('records the last use at most once a minute, and audits creation, first use of the day and revocation', async () => {
    const { secret, token } = await tokenSecret(mapleBam.client, { businessId: maple });
    const lastUsed = async () =>
      (await t.dataSource.getRepository(ApiToken).findOneByOrFail({ id: token.id })).lastUsedAt;
    await bearer(t, secret, '{ viewerBusiness { id } }');
    const first = await lastUsed();
    expect(first).not.toBeNull();
    await bearer(t, secret, '{ viewerBusiness { id } }');
    expect((await lastUsed())!.getTime()).toBe(first!.getTime());
    t.clock.advance(61_000);
    await bearer(t, secret, '{ viewerBusiness { id } }');
    expect((await lastUsed())!.getTime()).toBeGreaterThan(first!.getTime());
    t.clock.advance(DAY);
    await bearer(t, secret, '{ viewerBusiness { id } }');
    t.clock.advance(-DAY - 61_000);
    await mapleBam.client.gql(REVOKE_TOKEN, { id: token.id });
    const business = await t.dataSource.getRepository(Business).findOneByOrFail({ id: maple });
    const rows = await t.dataSource
      .getRepository(BusinessAuditEvent)
      .findBy({ registryBusinessId: business.registryBusinessId });
    const mine = rows
      .filter((row) => row.detail?.includes(`token=${token.id}`))
      .map((row) => row.type)
      .sort();
    expect(mine).toEqual(['API_TOKEN_CREATED', 'API_TOKEN_REVOKED', 'API_TOKEN_USED', 'API_TOKEN_USED']);
    const listed = await mapleBam.client.gql(TOKENS, { id: maple });
    const edges = (listed.body.data!.business as { apiTokens: { edges: Array<{ node: TokenView }> } })
      .apiTokens.edges;
    expect(edges.find((e) => e.node.id === token.id)?.node.lastUsedAt).not.toBeNull();
  });

  it('checks the input at the bounds: name 100/101, expiry 365/366 days, 20/21 client groups', async () => {
    const ok = await createToken(mapleBam.client, {
      businessId: maple,
      name: 'n'.repeat(100),
      expiresInDays: 365,
    });
    expect(ok.userErrors).toEqual([]);
    const bad = await createToken(mapleBam.client, {
      businessId: maple,
      name: 'n'.repeat(101),
      expiresInDays: 366,
    });
    expect(bad.token).toBeNull();
    expect(bad.userErrors.map((e) => [e.field.join('.'), e.code])).toEqual([
      ['name', 'TOO_LONG'],
      ['expiresInDays', 'OUT_OF_RANGE'],
    ]);
    expect(
      (await createToken(mapleBam.client, { businessId: maple, expiresInDays: 0 })).userErrors[0].code,
    ).toBe('OUT_OF_RANGE');
    const groups = Array.from(
      { length: 21 },
      (_, i) => `01a20694-0000-7000-8000-${String(i).padStart(12, '0')}`,
    );
    const tooMany = await createToken(mapleBam.client, { businessId: maple, clientGroupIds: groups });
    expect(tooMany.userErrors.map((e) => e.code)).toEqual(['TOO_MANY']);
    const unknown = await createToken(mapleBam.client, {
      businessId: maple,
      clientGroupIds: groups.slice(0, 20),
    });
    expect(unknown.userErrors.map((e) => e.code)).toEqual(['GROUP_NOT_FOUND']);
  });

  it('allows 25 live tokens per business, not 26', async () => {
    const live = await t.dataSource
      .getRepository(ApiToken)
      .createQueryBuilder('t')
      .where('t.business_id = :maple AND t.revoked_at IS NULL', { maple })
      .getCount();
    for (let i = live; i < 25; i += 1)
      expect((await createToken(mapleBam.client, { businessId: maple, name: `t${i}` })).userErrors).toEqual(
        [],
      );
    const over = await createToken(mapleBam.client, { businessId: maple, name: 'one too many' });
    expect(over.userErrors.map((e) => e.code)).toEqual(['TOO_MANY_TOKENS']);
    // Revoked tokens do not count: the next tests create their own.
    await t.dataSource.getRepository(ApiToken).update({ businessId: maple }, { revokedAt: new Date() });
    expect(
      (await createToken(mapleBam.client, { businessId: maple, name: 'after revoking' })).userErrors,
    ).toEqual([]);
  });

  it('lists tokens in pages of at most 100: first 100 answers, 101 is a clear BAD_USER_INPUT', async () => {
    const at = await mapleBam.client.gql(TOKENS, { id: maple, first: 100 });
    expect(at.body.errors).toBeUndefined();
    const over = await mapleBam.client.gql(TOKENS, { id: maple, first: 101 });
    expect(over.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      argument: 'first',
      max: 100,
    });
    expect(over.body.errors?.[0].message).toBe('`first` must be between 1 and 100.');
  });

  it('only a BAM manages tokens: an editor is refused, an officer too, and a client BAM sees not the provider’s', async () => {
    const refused = await editor.client.gql(
      'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret userErrors { code } } }',
      { input: { businessId: maple, name: 'x', scope: 'READ', expiresInDays: 1 } },
    );
    expect(refused.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const editorList = await editor.client.gql(TOKENS, { id: maple });
    expect(editorList.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await seedUser(t.dataSource, 'Officer2026', PersonRole.OFFICER);
    const officer = t.client();
    await signIn(officer, 'Officer2026');
    await acceptTerms(officer);
    const byOfficer = await officer.gql(
      'mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { secret userErrors { code } } }',
      { input: { businessId: maple, name: 'x', scope: 'READ', expiresInDays: 1 } },
    );
    expect(byOfficer.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const client = await northernBam.client.gql(TOKENS, { id: maple });
    expect(client.body.data?.business ?? null).toBeNull();
  });

  it('answers the delegation of authority report to the client’s BAM and its token, not to a provider', async () => {
    const report = await northernBam.client.gql(DELEGATIONS, { id: northern });
    expect(report.body.errors).toBeUndefined();
    const lines = (
      report.body.data!.business as { delegations: { edges: Array<{ node: Record<string, unknown> }> } }
    ).delegations.edges.map((e) => e.node);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'EMPLOYEE',
          holderName: 'Nora North',
          access: 'BUSINESS_ACCOUNT_MANAGER',
          allProgramAccounts: true,
        }),
        expect.objectContaining({
          kind: 'SERVICE_PROVIDER',
          businessNumber: BN.MAPLE,
          access: 'BUSINESS_MANAGEMENT',
          allProgramAccounts: true,
        }),
      ]),
    );
    const { secret } = await tokenSecret(northernBam.client, { businessId: northern });
    const byToken = await bearer(t, secret, DELEGATIONS, { id: northern });
    expect(byToken.body.errors).toBeUndefined();
    const { secret: providerSecret } = await tokenSecret(mapleBam.client, { businessId: maple });
    const byProvider = await bearer(t, providerSecret, DELEGATIONS, { id: northern });
    expect(byProvider.body.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('reads any Node back by its id with node(id:), and nothing out of reach', async () => {
    const { secret, token } = await tokenSecret(mapleBam.client, { businessId: maple });
    const query = 'query($id: ID!) { node(id: $id) { __typename id ... on Business { name } } }';
    const business = await bearer(t, secret, query, { id: northern });
    expect(business.body.data!.node).toMatchObject({ __typename: 'Business', id: northern });
    const own = await mapleBam.client.gql(query, { id: token.id });
    expect(own.body.data!.node).toMatchObject({ __typename: 'ApiToken', id: token.id });
    const notByOthers = await northernBam.client.gql(query, { id: token.id });
    expect(notByOthers.body.data!.node).toBeNull();
    const unknown = await bearer(t, secret, query, { id: '01a20694-0000-7000-8000-000000000000' });
    expect(unknown.body.data!.node).toBeNull();
  });
});
