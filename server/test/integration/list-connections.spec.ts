import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { drivers } from '../support/databases.js';
import { type GqlClient } from '../support/gql-client.js';
import { payload } from '../support/identity.js';
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

// The connections that replace the older plain lists (docs/decisions/0017-connections-for-every-list.md):
// through HTTP, each one pages to the end with cursors, gives exactly what the deprecated list gives, to the
// same people, and refuses a page of more than 100.

interface Page {
  edges: Array<{ cursor: string; node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}
interface Errorish {
  message: string;
  extensions?: Record<string, unknown>;
}

interface GroupLists {
  name: string;
  clients?: unknown;
  assignees?: unknown;
}

const PAGE = 'edges { cursor node { id } } pageInfo { hasNextPage endCursor } totalCount';

/** A list and its connection, read from a root (`business(id:)`, or a relationship, a group inside it). */
interface Pair {
  name: string;
  /** The query of the old list; `$id` is bound to the root's id; the list is at `select(data)`. */
  old: string;
  /** The query of the connection (takes `$first`, `$after`). */
  connection: string;
  select: (data: Record<string, unknown>) => unknown;
  /** The connection in an answer of `connection`. */
  page: (data: Record<string, unknown>) => Page | null;
}

function onBusiness(name: string, list: string, connection: string, args = ''): Pair {
  return {
    name,
    old: `query($id: ID!) { business(id: $id) { ${list}${args ? `(${args})` : ''} { id } } }`,
    connection: `query($id: ID!, $first: Int, $after: String) { business(id: $id) {
      ${connection}(first: $first, after: $after${args ? `, ${args}` : ''}) { ${PAGE} } } }`,
    select: (data) => (data.business as Record<string, unknown> | null)?.[list],
    page: (data) => (data.business as Record<string, Page | null> | null)?.[connection] ?? null,
  };
}

describe.each(drivers)('connections over the older lists on %s', (driver) => {
  let t: TestApp;
  let mapleBam: Person;
  let northernBam: Person;
  let coteBam: Person;
  let editor: Person;
  let reader: Person;
  let pam: Person;
  let maple: string;
  let northern: string;
  let cote: string;
  let coteRelationship: string;
  let group: string;
  let applicant: Person;
  const employees: Person[] = [];

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    mapleBam = await person(t, 'MapleBam2026', 'Morgan', 'Maple');
    northernBam = await person(t, 'NorthernBam2026', 'Nora', 'North');
    coteBam = await person(t, 'CoteBam2026', 'Camille', 'Côté');
    maple = await registerDirectly(t, BN.MAPLE, mapleBam.userId);
    northern = await registerDirectly(t, BN.NORTHERN, northernBam.userId);
    cote = await registerDirectly(t, BN.COTE, coteBam.userId);
    editor = await member(t, maple, mapleBam.userId, 'MapleEditor2026', BusinessRole.EDITOR);
    reader = await member(t, maple, mapleBam.userId, 'MapleReader2026', BusinessRole.READER);
    const mapleAccounts = Object.values(await accountsOf(t, BN.MAPLE));
    pam = await member(t, maple, mapleBam.userId, 'MaplePam2026', BusinessRole.PROGRAM_ACCOUNT_MANAGER, [
      mapleAccounts[0],
    ]);
    // Several employees granted within the same instant: the id breaks the tie of the sort key.
    for (const name of ['Alpha', 'Bravo', 'Charlie', 'Delta']) {
      employees.push(await member(t, maple, mapleBam.userId, `Maple${name}2026`, BusinessRole.READER));
    }
    await establish(mapleBam, maple, northernBam, BN.NORTHERN);
    const coteRm = (await accountsOf(t, BN.COTE)).RM0001;
    coteRelationship = await establish(mapleBam, maple, coteBam, BN.COTE, 'PROGRAM_MANAGEMENT', [coteRm]);
    const created = payload<{ group: { id: string } }>(
      await mapleBam.client.gql(
        'mutation($input: CreateClientGroupInput!) { createClientGroup(input: $input) { group { id } } }',
        { input: { providerBusinessId: maple, name: 'Québec' } },
      ),
    );
    group = created.group.id;
    // The other groups sort after Québec and stay empty.
    for (const name of ['Toronto', 'Rive-Sud', 'Saguenay'])
      await mapleBam.client.gql(
        'mutation($input: CreateClientGroupInput!) { createClientGroup(input: $input) { group { id } } }',
        { input: { providerBusinessId: maple, name } },
      );
    const added = payload<{ userErrors: unknown[] }>(
      await mapleBam.client.gql(
        'mutation($id: ID!, $clients: [ID!]!) { addClientsToGroup(groupId: $id, clientBusinessIds: $clients) { userErrors { code } } }',
        { id: group, clients: [northern, cote] },
      ),
    );
    expect(added.userErrors).toEqual([]);
    for (const someone of [editor, ...employees.slice(0, 3)]) {
      const assigned = payload<{ userErrors: unknown[] }>(
        await mapleBam.client.gql(
          'mutation($input: AssignEmployeeToGroupInput!) { assignEmployeeToGroup(input: $input) { userErrors { code } } }',
          { input: { userId: someone.userId, groupId: group } },
        ),
      );
      expect(assigned.userErrors).toEqual([]);
    }
    const direct = payload<{ userErrors: unknown[] }>(
      await mapleBam.client.gql(
        'mutation($input: AssignEmployeeToClientInput!) { assignEmployeeToClient(input: $input) { userErrors { code } } }',
        { input: { providerBusinessId: maple, userId: employees[3].userId, clientBusinessId: cote } },
      ),
    );
    expect(direct.userErrors).toEqual([]);
    // A pending request to join Maple, from someone who is not a member yet.
    applicant = await person(t, 'Applicant2026', 'Avery', 'Applicant');
    const requested = payload<{ userErrors: unknown[] }>(
      await applicant.client.gql(
        'mutation($input: RequestEmployerAccessInput!) { requestEmployerAccess(input: $input) { accessRequest { id } userErrors { code } } }',
        { input: { businessNumber: BN.MAPLE, reason: 'I started on Monday.' } },
      ),
    );
    expect(requested.userErrors).toEqual([]);
  });
  afterAll(async () => t?.close());

  /** The old list: ids, or the error codes when it was refused. */
  async function oldList(client: GqlClient, pair: Pair, id: string) {
    const result = await client.gql(pair.old, { id });
    const errors = (result.body.errors ?? []) as Errorish[];
    const list = result.body.data ? pair.select(result.body.data) : null;
    return {
      ids: Array.isArray(list) ? (list as Array<{ id: string }>).map((item) => item.id) : null,
      codes: errors.map((error) => error.extensions?.code),
    };
  }

  /** Every page of the connection, `first` at a time, checking the cursors and counts on the way. */
  async function walk(client: GqlClient, pair: Pair, id: string, first: number) {
    const ids: string[] = [];
    let after: string | null = null;
    let pages = 0;
    for (;;) {
      const result = await client.gql(pair.connection, { id, first, after });
      const errors = (result.body.errors ?? []) as Errorish[];
      if (errors.length) return { ids: null, codes: errors.map((error) => error.extensions?.code), pages };
      const page = result.body.data ? pair.page(result.body.data) : null;
      if (page === null) return { ids: null, codes: [], pages };
      pages += 1;
      expect(page.edges.length).toBeLessThanOrEqual(first);
      ids.push(...page.edges.map((edge) => edge.node.id));
      expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
      if (!page.pageInfo.hasNextPage) {
        expect(page.totalCount).toBe(ids.length);
        return { ids, codes: [] as unknown[], pages };
      }
      expect(pages).toBeLessThan(50);
      after = page.pageInfo.endCursor;
    }
  }

  /** The first group's connection `field` (Québec sorts first of the groups by name). */
  function inFirstGroup(field: string) {
    return (data: Record<string, unknown>): Page | null => {
      const groups = (data.business as { clientGroupsConnection: Page | null } | null)
        ?.clientGroupsConnection;
      const node = groups?.edges[0]?.node as unknown as Record<string, Page> | undefined;
      return node?.[field] ?? null;
    };
  }

  /** A list of the signed-in person (`me`); the root id is not used. */
  function onViewer(list: string, connection: string): Pair {
    return {
      name: `me.${list}`,
      old: `{ me { ${list} { id } } }`,
      connection: `query($first: Int, $after: String) { me { ${connection}(first: $first, after: $after) { ${PAGE} } } }`,
      select: (data) => (data.me as Record<string, unknown> | null)?.[list],
      page: (data) => (data.me as Record<string, Page | null> | null)?.[connection] ?? null,
    };
  }

  /** Each list, its root and who reads it in the paging tests (by default Maple's BAM). */
  const pairs = (): Array<{ pair: Pair; id: () => string; minimum: number; viewer?: () => Person }> => [
    { pair: onBusiness('members', 'members', 'membersConnection'), id: () => maple, minimum: 8 },
    {
      pair: onBusiness('program accounts', 'programAccounts', 'programAccountsConnection'),
      id: () => maple,
      minimum: 1,
    },
    {
      pair: onBusiness('client program accounts', 'programAccounts', 'programAccountsConnection'),
      id: () => cote,
      minimum: 1,
      viewer: () => coteBam,
    },
    {
      pair: onBusiness('pending access requests', 'pendingAccessRequests', 'pendingAccessRequestsConnection'),
      id: () => maple,
      minimum: 1,
    },
    {
      pair: onBusiness('client groups', 'clientGroups', 'clientGroupsConnection'),
      id: () => maple,
      minimum: 4,
    },
    {
      pair: onBusiness('employee assignments', 'employeeAssignments', 'employeeAssignmentsConnection'),
      id: () => maple,
      minimum: 5,
    },
    {
      pair: {
        name: 'group clients',
        old: 'query($id: ID!) { business(id: $id) { clientGroups { id name clients { id } } } }',
        connection: `query($id: ID!, $first: Int, $after: String) { business(id: $id) { clientGroupsConnection(first: 1) {
          edges { node { clientsConnection(first: $first, after: $after) { ${PAGE} } } } } } }`,
        select: (data) =>
          ((data.business as { clientGroups: GroupLists[] } | null)?.clientGroups ?? null)?.find(
            (g) => g.name === 'Québec',
          )?.clients ?? null,
        page: inFirstGroup('clientsConnection'),
      },
      id: () => maple,
      minimum: 2,
    },
    {
      pair: {
        name: 'group assignees',
        old: 'query($id: ID!) { business(id: $id) { clientGroups { id name assignees { id } } } }',
        connection: `query($id: ID!, $first: Int, $after: String) { business(id: $id) { clientGroupsConnection(first: 1) {
          edges { node { assigneesConnection(first: $first, after: $after) { ${PAGE} } } } } } }`,
        select: (data) =>
          ((data.business as { clientGroups: GroupLists[] } | null)?.clientGroups ?? null)?.find(
            (g) => g.name === 'Québec',
          )?.assignees ?? null,
        page: inFirstGroup('assigneesConnection'),
      },
      id: () => maple,
      minimum: 4,
    },
    {
      pair: {
        name: 'relationship timeline',
        old: 'query($id: ID!) { node(id: $id) { ... on BusinessRelationship { timeline { id } } } }',
        connection: `query($id: ID!, $first: Int, $after: String) { node(id: $id) { ... on BusinessRelationship {
          timelineConnection(first: $first, after: $after) { ${PAGE} } } } }`,
        select: (data) => (data.node as { timeline: unknown } | null)?.timeline ?? null,
        page: (data) => (data.node as { timelineConnection: Page } | null)?.timelineConnection ?? null,
      },
      id: () => coteRelationship,
      minimum: 2,
    },
    { pair: onViewer('actingFor', 'actingForConnection'), id: () => '', minimum: 2 },
    { pair: onViewer('memberships', 'membershipsConnection'), id: () => '', minimum: 1 },
    {
      pair: onViewer('accessRequests', 'accessRequestsConnection'),
      id: () => '',
      minimum: 1,
      viewer: () => applicant,
    },
  ];

  it('pages every list to its end, one item at a time, in the order of the deprecated list', async () => {
    for (const { pair, id, minimum, viewer = () => mapleBam } of pairs()) {
      const before = await oldList(viewer().client, pair, id());
      expect(before.codes, pair.name).toEqual([]);
      expect(before.ids!.length, pair.name).toBeGreaterThanOrEqual(minimum);
      for (const first of [1, 3, 100]) {
        const paged = await walk(viewer().client, pair, id(), first);
        expect(paged.codes, pair.name).toEqual([]);
        // The group lists are read from Québec both ways: by name in the old list, first by name in the
        // connection.
        expect(paged.ids, `${pair.name}, ${first} at a time`).toEqual(before.ids);
        expect(paged.pages).toBe(Math.max(1, Math.ceil(before.ids!.length / first)));
      }
    }
  });

  it('shows each person what the deprecated list showed them: the same items, or the same refusal', async () => {
    const viewers = {
      mapleBam,
      editor,
      reader,
      pam,
      northernBam,
      coteBam,
      applicant,
      employee: employees[0],
    };
    for (const [who, viewer] of Object.entries(viewers)) {
      for (const { pair, id } of pairs()) {
        const before = await oldList(viewer.client, pair, id());
        const after = await walk(viewer.client, pair, id(), 2);
        expect({ ids: after.ids, codes: after.codes }, `${pair.name} seen by ${who}`).toEqual(before);
      }
    }
    // Spot checks of what "the same" means here: a reader of Maple sees no members (empty, as before) and the
    // provider under program management is refused the client's program list, naming the area.
    const members = await walk(reader.client, pairs()[0].pair, maple, 10);
    expect(members.ids ?? []).toEqual([]);
    const accounts = await walk(mapleBam.client, pairs()[2].pair, cote, 10);
    expect(accounts).toMatchObject({ ids: null, codes: ['FORBIDDEN'] });
    const own = await walk(coteBam.client, pairs()[2].pair, cote, 10);
    expect(own.ids).toContain((await accountsOf(t, BN.COTE)).RM0001);
  });

  it('refuses `first` above 100 (or below 1) and a cursor it did not make, with stable codes', async () => {
    for (const { pair, id, viewer = () => mapleBam } of pairs()) {
      for (const first of [101, 0, -1]) {
        const result = await viewer().client.gql(pair.connection, { id: id(), first, after: null });
        const error = result.body.errors?.[0];
        expect(error?.extensions, `${pair.name}, first: ${first}`).toMatchObject({
          code: 'BAD_USER_INPUT',
          argument: 'first',
          reason: 'PAGE_SIZE_OUT_OF_RANGE',
          max: 100,
        });
        expect(error?.message).toBe('`first` must be between 1 and 100.');
      }
      for (const after of ['not-a-cursor', Buffer.from('[[["x","y"]],"z"]').toString('base64url')]) {
        const result = await viewer().client.gql(pair.connection, { id: id(), first: 1, after });
        const error = result.body.errors?.[0];
        expect(error?.extensions, `${pair.name}, after: ${after}`).toMatchObject({
          code: 'BAD_USER_INPUT',
          argument: 'after',
        });
      }
    }
  });

  it('keeps a cursor right when items before it go away', async () => {
    const pair = pairs()[0].pair;
    const first = await mapleBam.client.gql(pair.connection, { id: maple, first: 3, after: null });
    const page = pair.page(first.body.data as Record<string, unknown>)!;
    const rest = await walk(mapleBam.client, pair, maple, 100);
    const expected = rest.ids!.slice(3);
    // Revoking the first employee moves it to the end (revoked after active), and the page after the cursor
    // still starts right after the third one.
    const revokedId = page.edges[1].node.id;
    await mapleBam.client.gql(
      'mutation($id: ID!) { revokeMembership(membershipId: $id) { membership { id } } }',
      {
        id: revokedId,
      },
    );
    const next = await mapleBam.client.gql(pair.connection, {
      id: maple,
      first: 100,
      after: page.pageInfo.endCursor,
    });
    expect(pair.page(next.body.data as Record<string, unknown>)!.edges.map((edge) => edge.node.id)).toEqual([
      ...expected,
      revokedId,
    ]);
  });
});
