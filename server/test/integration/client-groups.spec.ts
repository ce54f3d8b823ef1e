import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import { ClientGroup, EmployeeAssignment } from '../../src/modules/client-groups/client-groups.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { RegistryBusiness } from '../../src/modules/registry/registry-business.entity.js';
import { loadProviderStandings } from '../../src/modules/relationships/provider-standings.js';
import {
  decideRelationship,
  requestRelationships,
} from '../../src/modules/relationships/relationships.service.js';
import { RelationshipType } from '../../src/modules/relationships/relationships.types.js';
import { drivers } from '../support/databases.js';
import { type GqlClient, type GqlResult } from '../support/gql-client.js';
import { expectForbidden, payload } from '../support/identity.js';
import {
  BN,
  ERRORS,
  type Errors,
  type Person,
  accountsOf,
  end,
  establish,
  fieldCodes,
  member,
  person,
  registerDirectly,
  requestOne,
} from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const GROUP = 'id name clients { id businessNumber } assignees { id name }';
const CREATE = `mutation($input: CreateClientGroupInput!) { createClientGroup(input: $input) { group { ${GROUP} } ${ERRORS} } }`;
const RENAME = `mutation($input: RenameClientGroupInput!) { renameClientGroup(input: $input) { group { ${GROUP} } ${ERRORS} } }`;
const DELETE = `mutation($id: ID!) { deleteClientGroup(groupId: $id) { group { id name } ${ERRORS} } }`;
const ADD = `mutation($id: ID!, $clients: [ID!]!) { addClientsToGroup(groupId: $id, clientBusinessIds: $clients) {
  group { id } results { clientBusinessId done ${ERRORS} } ${ERRORS} } }`;
const REMOVE = `mutation($id: ID!, $clients: [ID!]!) { removeClientsFromGroup(groupId: $id, clientBusinessIds: $clients) {
  group { id } results { clientBusinessId done ${ERRORS} } ${ERRORS} } }`;
const ASSIGNMENT = 'id person { id } client { id } group { id name }';
const ASSIGN_CLIENT = `mutation($input: AssignEmployeeToClientInput!) { assignEmployeeToClient(input: $input) {
  assignment { ${ASSIGNMENT} } ${ERRORS} } }`;
const UNASSIGN_CLIENT = `mutation($input: UnassignEmployeeFromClientInput!) { unassignEmployeeFromClient(input: $input) {
  assignment { ${ASSIGNMENT} } ${ERRORS} } }`;
const ASSIGN_GROUP = `mutation($input: AssignEmployeeToGroupInput!) { assignEmployeeToGroup(input: $input) {
  assignment { ${ASSIGNMENT} } ${ERRORS} } }`;
const UNASSIGN_GROUP = `mutation($input: UnassignEmployeeFromGroupInput!) { unassignEmployeeFromGroup(input: $input) {
  assignment { ${ASSIGNMENT} } ${ERRORS} } }`;
const GROUPS = `query($id: ID!) { business(id: $id) { clientGroups { ${GROUP} } } }`;
const ASSIGNMENTS = `query($id: ID!, $userId: ID) { business(id: $id) { employeeAssignments(userId: $userId) { ${ASSIGNMENT} } } }`;

const ACCESS_MANAGEMENT = 'ACCESS_MANAGEMENT';
/** An id that names no group (nor business). */
const UNKNOWN_ID = '01a20694-0000-7000-8000-000000000000';

/** A mutation refused by `@access`: FORBIDDEN for access management, and it did not run. */
function refused(result: GqlResult): void {
  expectForbidden(result, ACCESS_MANAGEMENT);
  expect(result.body.data).toBeNull();
}

interface GroupView {
  id: string;
  name: string;
  clients: Array<{ id: string; businessNumber: string }>;
  assignees: Array<{ id: string; name: string }>;
}
interface AssignmentView {
  id: string;
  person: { id: string };
  client: { id: string } | null;
  group: { id: string; name: string } | null;
}
interface BulkView {
  results: Array<{ clientBusinessId: string; done: boolean; userErrors: Errors }>;
  userErrors: Errors;
}

describe.each(drivers)('client groups and employee assignments on %s', (driver) => {
  let t: TestApp;
  let mapleBam: Person;
  let harbourBam: Person;
  let northernBam: Person;
  let coteBam: Person;
  let editor: Person;
  let reader: Person;
  let outsider: Person;
  let maple: string;
  let harbour: string;
  let northern: string;
  let cote: string;
  let pendingClient: string;
  let coteRm: string;
  let coteRelationship: string;
  let northernRelationship: string;

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    mapleBam = await person(t, 'MapleBam2026', 'Morgan', 'Maple');
    harbourBam = await person(t, 'HarbourBam2026', 'Harper', 'Harbour');
    northernBam = await person(t, 'NorthernBam2026', 'Nora', 'North');
    coteBam = await person(t, 'CoteBam2026', 'Camille', 'Côté');
    maple = await registerDirectly(t, BN.MAPLE, mapleBam.userId);
    harbour = await registerDirectly(t, BN.HARBOUR, harbourBam.userId);
    northern = await registerDirectly(t, BN.NORTHERN, northernBam.userId);
    cote = await registerDirectly(t, BN.COTE, coteBam.userId);
    pendingClient = await registerDirectly(t, '678901235', coteBam.userId);
    editor = await member(t, maple, mapleBam.userId, 'MapleEditor2026', BusinessRole.EDITOR);
    reader = await member(t, maple, mapleBam.userId, 'MapleReader2026', BusinessRole.READER);
    outsider = await member(t, harbour, harbourBam.userId, 'HarbourEmp2026', BusinessRole.EDITOR);
    coteRm = (await accountsOf(t, BN.COTE)).RM0001;
    northernRelationship = await establish(mapleBam, maple, northernBam, BN.NORTHERN);
    coteRelationship = await establish(mapleBam, maple, coteBam, BN.COTE, 'PROGRAM_MANAGEMENT', [coteRm]);
    expect((await requestOne(mapleBam.client, maple, '678901235')).userErrors).toEqual([]);
  });
  afterAll(async () => t?.close());

  const create = async (client: GqlClient, name: string, providerBusinessId = maple) =>
    payload<{ group: GroupView | null; userErrors: Errors }>(
      await client.gql(CREATE, { input: { providerBusinessId, name } }),
    );
  const rename = async (client: GqlClient, groupId: string, name: string) =>
    payload<{ group: GroupView | null; userErrors: Errors }>(
      await client.gql(RENAME, { input: { groupId, name } }),
    );
  const createRaw = (client: GqlClient, name: string, providerBusinessId = maple) =>
    client.gql(CREATE, { input: { providerBusinessId, name } });
  const renameRaw = (client: GqlClient, groupId: string, name: string) =>
    client.gql(RENAME, { input: { groupId, name } });
  /** The names of the provider's groups, deleted ones included, straight from the database. */
  const storedNames = async (providerBusinessId = maple) =>
    (await t.dataSource.getRepository(ClientGroup).findBy({ providerBusinessId })).map((g) => g.name).sort();
  const groups = async (client: GqlClient, id = maple) => {
    const result = await client.gql(GROUPS, { id });
    return {
      groups: (result.body.data?.business as { clientGroups: GroupView[] } | null)?.clientGroups ?? null,
      errors: result.body.errors ?? [],
    };
  };
  const bulk = async (query: string, id: string, clients: string[], client = mapleBam.client) =>
    payload<BulkView>(await client.gql(query, { id, clients }));
  const assign = async (query: string, input: Record<string, unknown>, client = mapleBam.client) =>
    payload<{ assignment: AssignmentView | null; userErrors: Errors }>(await client.gql(query, { input }));

  it('keeps group names unique per provider, deleted groups included, ignoring case, spaces and accents', async () => {
    const created = await create(mapleBam.client, '  Montréal   importers ');
    expect(created.userErrors).toEqual([]);
    expect(created.group).toMatchObject({ name: 'Montréal importers', clients: [], assignees: [] });
    const id = created.group!.id;
    expect(fieldCodes((await create(mapleBam.client, 'MONTREAL IMPORTERS')).userErrors)).toEqual([
      ['input.name', 'NAME_TAKEN'],
    ]);
    expect(fieldCodes((await create(mapleBam.client, '   ')).userErrors)).toEqual([
      ['input.name', 'REQUIRED'],
    ]);
    expect(fieldCodes((await create(mapleBam.client, 'x'.repeat(101))).userErrors)).toEqual([
      ['input.name', 'TOO_LONG'],
    ]);
    // An editor (and a reader) of the provider, another provider's BAM, an unknown provider: refused by the
    // access layer, and no group is made.
    refused(await createRaw(editor.client, 'Ottawa'));
    refused(await createRaw(reader.client, 'Ottawa'));
    refused(await createRaw(harbourBam.client, 'Ottawa'));
    refused(await createRaw(mapleBam.client, 'Ottawa', UNKNOWN_ID));
    expect(await storedNames()).toEqual(['Montréal importers']);
    // Another provider may use the same name.
    expect((await create(harbourBam.client, 'Montréal importers', harbour)).userErrors).toEqual([]);

    const ottawa = (await create(mapleBam.client, 'Ottawa')).group!;
    expect(fieldCodes((await rename(mapleBam.client, ottawa.id, 'montréal IMPORTERS')).userErrors)).toEqual([
      ['input.name', 'NAME_TAKEN'],
    ]);
    expect((await rename(mapleBam.client, ottawa.id, 'OTTAWA')).group!.name).toBe('OTTAWA');
    refused(await renameRaw(editor.client, ottawa.id, 'Gatineau'));
    refused(await renameRaw(harbourBam.client, ottawa.id, 'Gatineau'));
    refused(await renameRaw(mapleBam.client, UNKNOWN_ID, 'Gatineau'));
    refused(await editor.client.gql(DELETE, { id: ottawa.id }));
    expect(await storedNames()).toEqual(['Montréal importers', 'OTTAWA']);

    const deleted = payload<{ group: { id: string } | null; userErrors: Errors }>(
      await mapleBam.client.gql(DELETE, { id: ottawa.id }),
    );
    expect(deleted.userErrors).toEqual([]);
    expect((await groups(mapleBam.client)).groups!.map((g) => g.name)).toEqual(['Montréal importers']);
    // Deleted, the name stays taken, and the group is gone for every change.
    expect(fieldCodes((await create(mapleBam.client, 'ottawa')).userErrors)).toEqual([
      ['input.name', 'NAME_TAKEN'],
    ]);
    expect(fieldCodes((await rename(mapleBam.client, ottawa.id, 'Hull')).userErrors)).toEqual([
      ['input.groupId', 'GROUP_NOT_FOUND'],
    ]);
    const again = payload<{ userErrors: Errors }>(await mapleBam.client.gql(DELETE, { id: ottawa.id }));
    expect(fieldCodes(again.userErrors)).toEqual([['groupId', 'GROUP_NOT_FOUND']]);
    // Only the BAM sees the groups: an editor, a reader have no access management (the access layer names
    // the area and the list is null).
    for (const someone of [editor, reader]) {
      const denied = await groups(someone.client);
      expect(denied.errors.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.area])).toEqual([
        ['business.clientGroups', 'FORBIDDEN', ACCESS_MANAGEMENT],
      ]);
      expect(denied.groups).toBeNull();
    }
    expect(id).toBeTruthy();
  });

  it('adds and removes clients in bulk, answering per client', async () => {
    const group = (await create(mapleBam.client, 'Bulk')).group!;
    expect(fieldCodes((await bulk(ADD, group.id, [])).userErrors)).toEqual([
      ['clientBusinessIds', 'REQUIRED'],
    ]);
    // An editor of the provider, another provider's BAM, an unknown group: refused by the access layer.
    refused(await editor.client.gql(ADD, { id: group.id, clients: [northern] }));
    refused(await harbourBam.client.gql(ADD, { id: group.id, clients: [northern] }));
    refused(await mapleBam.client.gql(ADD, { id: UNKNOWN_ID, clients: [northern] }));
    expect((await groups(mapleBam.client)).groups!.find((g) => g.id === group.id)!.clients).toEqual([]);
    const added = await bulk(ADD, group.id, [northern, cote, pendingClient, harbour, northern]);
    expect(added.userErrors).toEqual([]);
    expect(added.results.map((r) => [r.clientBusinessId, r.done, fieldCodes(r.userErrors)])).toEqual([
      [northern, true, []],
      [cote, true, []],
      [pendingClient, false, [['clientBusinessIds.2', 'NO_ACTIVE_RELATIONSHIP']]],
      [harbour, false, [['clientBusinessIds.3', 'NO_ACTIVE_RELATIONSHIP']]],
      [northern, false, [['clientBusinessIds.4', 'ALREADY_IN_GROUP']]],
    ]);
    const shown = (await groups(mapleBam.client)).groups!.find((g) => g.id === group.id)!;
    expect(shown.clients.map((c) => c.businessNumber).sort()).toEqual([BN.NORTHERN, BN.COTE].sort());

    const removed = await bulk(REMOVE, group.id, [cote, pendingClient]);
    expect(removed.results.map((r) => [r.done, fieldCodes(r.userErrors)])).toEqual([
      [true, []],
      [false, [['clientBusinessIds.1', 'NOT_IN_GROUP']]],
    ]);
    refused(await editor.client.gql(REMOVE, { id: group.id, clients: [northern] }));
    const after = (await groups(mapleBam.client)).groups!.find((g) => g.id === group.id)!;
    expect(after.clients.map((c) => c.id)).toEqual([northern]);
    await mapleBam.client.gql(DELETE, { id: group.id });
  });

  it('assigns employees to clients and to groups, and loads provider standings in a fixed number of statements', async () => {
    const direct = { providerBusinessId: maple, userId: editor.userId, clientBusinessId: northern };
    const assigned = await assign(ASSIGN_CLIENT, direct);
    expect(assigned.userErrors).toEqual([]);
    expect(assigned.assignment).toMatchObject({
      person: { id: editor.userId },
      client: { id: northern },
      group: null,
    });
    expect(fieldCodes((await assign(ASSIGN_CLIENT, direct)).userErrors)).toEqual([
      ['input.clientBusinessId', 'ALREADY_ASSIGNED'],
    ]);
    expect(
      fieldCodes((await assign(ASSIGN_CLIENT, { ...direct, userId: outsider.userId })).userErrors),
    ).toEqual([['input.userId', 'EMPLOYEE_NOT_FOUND']]);
    expect(
      fieldCodes((await assign(ASSIGN_CLIENT, { ...direct, clientBusinessId: pendingClient })).userErrors),
    ).toEqual([['input.clientBusinessId', 'NO_ACTIVE_RELATIONSHIP']]);
    // An editor cannot assign, not even themself; another provider's BAM cannot either.
    refused(await editor.client.gql(ASSIGN_CLIENT, { input: { ...direct, clientBusinessId: cote } }));
    refused(await harbourBam.client.gql(ASSIGN_CLIENT, { input: { ...direct, clientBusinessId: cote } }));
    expect(await t.dataSource.getRepository(EmployeeAssignment).countBy({ providerBusinessId: maple })).toBe(
      1,
    );

    const group = (await create(mapleBam.client, 'Reader’s clients')).group!;
    await bulk(ADD, group.id, [northern]);
    const viaGroup = await assign(ASSIGN_GROUP, { groupId: group.id, userId: reader.userId });
    expect(viaGroup.userErrors).toEqual([]);
    expect(viaGroup.assignment).toMatchObject({
      client: null,
      group: { id: group.id, name: 'Reader’s clients' },
    });
    expect(
      fieldCodes((await assign(ASSIGN_GROUP, { groupId: group.id, userId: reader.userId })).userErrors),
    ).toEqual([['input.groupId', 'ALREADY_ASSIGNED']]);
    refused(await editor.client.gql(ASSIGN_GROUP, { input: { groupId: group.id, userId: editor.userId } }));
    refused(await reader.client.gql(UNASSIGN_GROUP, { input: { groupId: group.id, userId: reader.userId } }));
    const shown = (await groups(mapleBam.client)).groups!.find((g) => g.id === group.id)!;
    expect(shown.assignees.map((a) => a.id)).toEqual([reader.userId]);

    // The BAM sees every assignment (or one person's); an employee only their own.
    const all = async (client: GqlClient, userId: string | null = null) => {
      const result = await client.gql(ASSIGNMENTS, { id: maple, userId });
      return {
        list: (result.body.data?.business as { employeeAssignments: AssignmentView[] } | null)
          ?.employeeAssignments,
        code: result.body.errors?.[0]?.extensions?.code,
      };
    };
    expect((await all(mapleBam.client)).list!.map((a) => a.person.id)).toEqual([
      editor.userId,
      reader.userId,
    ]);
    expect((await all(mapleBam.client, reader.userId)).list!.map((a) => a.group?.id)).toEqual([group.id]);
    // Assignments are access management (BAM and PAM); an employee sees the clients they may act for, their
    // own assignments' outcome, through `me.actingFor`.
    expect((await all(editor.client)).code).toBe('FORBIDDEN');
    const actingFor = (await editor.client.gql('{ me { actingFor { id } } }')).body.data?.me as {
      actingFor: Array<{ id: string }>;
    };
    expect(actingFor.actingFor.map((b) => b.id)).toEqual([northern]);
    expect((await all(editor.client, reader.userId)).code).toBe('FORBIDDEN');

    // Standings: the BAM is assigned to every client; the editor directly to Northern only; the reader
    // through the group. A pending relationship gives nothing.
    const clients = [northern, cote, pendingClient];
    const standing = async (userId: string) =>
      (await loadProviderStandings(t.dataSource, userId, clients)).map((s) => ({
        client: s.clientBusinessId,
        type: s.type,
        accounts: s.programAccountIds,
        role: s.providerRole,
        assigned: s.assigned,
        provider: s.providerBusinessId,
      }));
    const byClient = <T extends { client: string }>(rows: T[]) =>
      [...rows].sort((a, b) => a.client.localeCompare(b.client));
    expect(byClient(await standing(mapleBam.userId))).toEqual(
      byClient([
        {
          client: northern,
          type: 'BUSINESS_MANAGEMENT',
          accounts: [],
          role: 'BUSINESS_ACCOUNT_MANAGER',
          assigned: true,
          provider: maple,
        },
        {
          client: cote,
          type: 'PROGRAM_MANAGEMENT',
          accounts: [coteRm],
          role: 'BUSINESS_ACCOUNT_MANAGER',
          assigned: true,
          provider: maple,
        },
      ]),
    );
    expect(byClient(await standing(editor.userId)).map((s) => [s.client, s.role, s.assigned])).toEqual(
      byClient([
        { client: northern, role: 'EDITOR', assigned: true },
        { client: cote, role: 'EDITOR', assigned: false },
      ]).map((s) => [s.client, s.role, s.assigned]),
    );
    expect(
      (await loadProviderStandings(t.dataSource, editor.userId, [northern])).map((s) => s.relationshipId),
    ).toEqual([northernRelationship]);
    expect(byClient(await standing(reader.userId)).map((s) => [s.client, s.assigned])).toEqual(
      byClient([
        { client: northern, assigned: true },
        { client: cote, assigned: false },
      ]).map((s) => [s.client, s.assigned]),
    );
    expect(await standing(outsider.userId)).toEqual([]);
    expect(await loadProviderStandings(t.dataSource, editor.userId, [])).toEqual([]);

    // Unassigning, deleting the group, ending a relationship: each takes its share away.
    refused(await editor.client.gql(UNASSIGN_CLIENT, { input: direct }));
    expect((await standing(editor.userId)).find((s) => s.client === northern)!.assigned).toBe(true);
    const unassigned = await assign(UNASSIGN_CLIENT, direct);
    expect(unassigned.assignment).toMatchObject({ id: assigned.assignment!.id });
    expect(fieldCodes((await assign(UNASSIGN_CLIENT, direct)).userErrors)).toEqual([
      ['input.clientBusinessId', 'ASSIGNMENT_NOT_FOUND'],
    ]);
    expect((await standing(editor.userId)).every((s) => !s.assigned)).toBe(true);
    await mapleBam.client.gql(DELETE, { id: group.id });
    expect((await standing(reader.userId)).every((s) => !s.assigned)).toBe(true);
    expect((await all(mapleBam.client, reader.userId)).list).toEqual([]);
    expect(
      fieldCodes((await assign(UNASSIGN_GROUP, { groupId: group.id, userId: reader.userId })).userErrors),
    ).toEqual([['input.groupId', 'GROUP_NOT_FOUND']]);
    await assign(ASSIGN_CLIENT, { ...direct, clientBusinessId: cote });
    expect((await standing(editor.userId)).find((s) => s.client === cote)!.assigned).toBe(true);
    expect((await end(coteBam.client, coteRelationship)).relationship!.status).toBe('ENDED');
    expect((await standing(editor.userId)).map((s) => s.client)).toEqual([northern]);
    // Ending took the editor's assignment to Côté with it.
    expect((await all(mapleBam.client, editor.userId)).list).toEqual([]);
  });

  it('costs the same number of statements for 2 clients as for 40', async () => {
    const owner = await person(t, 'ManyClient2026', 'Owen', 'Owner');
    const taken = new Set<string>([...Object.values(BN), '678901235']);
    const registry = await t.dataSource
      .getRepository(RegistryBusiness)
      .find({ where: { isServiceProvider: false }, order: { businessNumber: 'ASC' } });
    const numbers = registry
      .map((b) => b.businessNumber)
      .filter((bn) => !taken.has(bn))
      .slice(0, 40);
    expect(numbers).toHaveLength(40);
    const clientIds: string[] = [];
    for (const bn of numbers) clientIds.push(await registerDirectly(t, bn, owner.userId));
    const asked = await requestRelationships(t.dataSource, t.config, mapleBam.userId, {
      providerBusinessId: maple,
      clientBusinessNumbers: numbers,
    });
    if (!asked.ok) throw new Error('bulk request failed');
    for (const [index, { result }] of asked.results.entries()) {
      if (!result.ok) throw new Error(`request ${numbers[index]} failed`);
      const decided = await decideRelationship(t.dataSource, t.config, owner.userId, {
        relationshipId: result.relationship.id,
        approve: true,
        type: index % 2 ? RelationshipType.BUSINESS_MANAGEMENT : RelationshipType.PROGRAM_MANAGEMENT,
        programAccountIds: index % 2 ? [] : await firstAccount(numbers[index]),
      });
      expect(decided.ok).toBe(true);
    }
    // The decisions above ran in this process on SQLite (synchronous), past the server's keep-alive timeout
    // on a busy machine: the pooled connection may be reset under the next request (ECONNRESET), so one
    // request that may fail goes first (as in portfolio-statements.spec.ts).
    await mapleBam.client.gql('{ __typename }').catch(() => undefined);
    // The editor: some clients directly, some through a group.
    const group = (await create(mapleBam.client, 'Counted')).group!;
    expect(
      (
        await bulk(
          ADD,
          group.id,
          clientIds.filter((_, i) => i % 3 === 0),
        )
      ).results.every((r) => r.done),
    ).toBe(true);
    expect((await assign(ASSIGN_GROUP, { groupId: group.id, userId: editor.userId })).userErrors).toEqual([]);
    for (const clientBusinessId of clientIds.filter((_, i) => i % 3 === 1))
      expect(
        (await assign(ASSIGN_CLIENT, { providerBusinessId: maple, userId: editor.userId, clientBusinessId }))
          .userErrors,
      ).toEqual([]);

    const counted = async (clients: string[]) => {
      let count = 0;
      const logger = t.dataSource.logger;
      const original = logger.logQuery.bind(logger);
      logger.logQuery = (...args) => {
        count += 1;
        original(...args);
      };
      try {
        const rows = await loadProviderStandings(t.dataSource, editor.userId, clients);
        return { count, rows };
      } finally {
        logger.logQuery = original;
      }
    };
    const two = await counted(clientIds.slice(0, 2));
    const forty = await counted(clientIds);
    expect(two.rows).toHaveLength(2);
    expect(forty.rows).toHaveLength(40);
    expect(forty.count).toBe(two.count);
    expect(forty.count).toBeLessThanOrEqual(4);
    const expected = clientIds.map((_, i) => i % 3 !== 2);
    const assignedOf = new Map(forty.rows.map((row) => [row.clientBusinessId, row.assigned]));
    expect(clientIds.map((id) => assignedOf.get(id))).toEqual(expected);
    const programRows = forty.rows.filter((row) => row.type === 'PROGRAM_MANAGEMENT');
    expect(programRows).toHaveLength(20);
    expect(programRows.every((row) => row.programAccountIds.length === 1)).toBe(true);
  });

  async function firstAccount(businessNumber: string): Promise<string[]> {
    return [Object.values(await accountsOf(t, businessNumber))[0]];
  }
});
