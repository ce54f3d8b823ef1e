import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusinessRole } from '../../src/modules/businesses/businesses.types.js';
import {
  addClientsToGroup,
  assignEmployeeToClient,
  assignEmployeeToGroup,
  createClientGroup,
  GROUP_CLIENTS_MAX,
} from '../../src/modules/client-groups/client-groups.service.js';
import { drivers } from '../support/databases.js';
import { type GqlClient } from '../support/gql-client.js';
import { growPortfolio, startPortfolio, type Portfolio } from '../support/portfolio.js';
import { member, type Person } from '../support/relationships.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// Every list of the provider's pages is paged in SQL (docs/decisions/0033-every-list-pages-in-sql.md): the
// statements of a request do not depend on how many clients, groups, members, assignments or events there are.
// The same requests are counted on a small provider and on one past every first page, and must cost the same.

const CONNECTION = (fields: string) =>
  `edges { cursor node { ${fields} } } pageInfo { hasNextPage endCursor }`;

/** The client groups page (client/src/features/relationships) with the provider's other paged lists. */
const PROVIDER_PAGE = `query($id: ID!) {
  business(id: $id) {
    id
    clientGroupsConnection(first: 25) {
      ${CONNECTION(`id name createdAt
        clientsConnection(first: 100) { ${CONNECTION('id businessNumber name')} totalCount }
        assigneesConnection(first: 25) { ${CONNECTION('id name')} totalCount }`)}
      totalCount
    }
    membersConnection(first: 100) { ${CONNECTION('id role status person { id name email }')} totalCount }
  }
}`;

/** The provider's other paged lists (apart: together they would cost more than a query may). */
const PROVIDER_LISTS = `query($id: ID!) {
  business(id: $id) {
    id
    employeeAssignmentsConnection(first: 100) {
      ${CONNECTION('id createdAt person { id name } client { id businessNumber name } group { id name }')}
      totalCount
    }
    delegations(first: 100) { ${CONNECTION('id kind holderName access')} totalCount }
  }
}`;

/**
 * The relationships' timelines, asked apart: their actors' names go through the same per-request person
 * loader as the assignments' people, and whether the two paths meet in one batch depends on which database
 * answer comes first (20 or 21 statements on MariaDB, run to run). Apart, each request's count is exact.
 */
const PROVIDER_TIMELINES = `query($id: ID!) {
  business(id: $id) {
    id
    activeRelationships(first: 100) {
      edges { node { id timelineConnection(first: 10) { ${CONNECTION('id type occurredAt actor { id name }')} totalCount } } }
      totalCount
    }
  }
}`;

/** What an employee reads of themself: their memberships and the clients they act for. */
const EMPLOYEE_PAGE = `query {
  me {
    membershipsConnection(first: 100) { ${CONNECTION('id role status')} totalCount }
    actingForConnection(first: 100) { ${CONNECTION('id businessNumber name')} totalCount }
  }
}`;

/** One group's clients, a page at a time (`business.clientGroup`: the other groups are not read again). */
const GROUP_CLIENTS_PAGE = `query($id: ID!, $group: ID!, $after: String) {
  business(id: $id) {
    id
    clientGroup(id: $group) {
      id
      clientsConnection(first: 100, after: $after) {
        edges { cursor node { id businessNumber name } }
        pageInfo { hasNextPage endCursor }
        totalCount
      }
    }
  }
}`;

interface Edges {
  edges: Array<{ node: Record<string, unknown> }>;
  pageInfo: { hasNextPage: boolean };
  totalCount: number;
}

describe.each(drivers)('statements of the paged lists on %s', (driver) => {
  let t: TestApp;
  let portfolio: Portfolio;
  const employees: Person[] = [];
  let groups = 0;
  const groupIds: string[] = [];
  /** Per employee, the groups and clients they are assigned to. */
  const assignedOf = new Map<string, Set<string>>();
  const recorded: string[] = [];
  const all: string[] = [];
  let recording = false;

  beforeAll(async () => {
    // The budget is docs/api.md's business: this file asks the same pages again and again.
    t = await startTestApp(driver, {
      env: { API_COST_BUCKET_SIZE: '1000000', API_COST_RESTORE_RATE: '1000000' },
    });
    portfolio = await startPortfolio(t, 130);
    const logger = t.dataSource.logger;
    const logQuery = logger.logQuery.bind(logger);
    logger.logQuery = (query, parameters, runner) => {
      if (recording) recorded.push(query);
      logQuery(query, parameters, runner);
    };
  }, 600_000);
  afterAll(async () => {
    await t?.close();
  });

  /** Grows the provider to `clients` clients, `groupCount` groups of `perGroup` clients and `people` employees,
   * each assigned to every group and directly to the first `direct` clients. */
  async function grow(clients: number, groupCount: number, perGroup: number, people: number, direct: number) {
    const { dataSource, config } = t;
    const bam = portfolio.broker.userId;
    const provider = portfolio.brokerBusinessId;
    // People first: they sign in over HTTP, and growing blocks this process's event loop (SQLite is
    // synchronous) past the server's keep-alive timeout, which may reset the next pooled connection.
    while (employees.length < people)
      employees.push(
        await member(t, provider, bam, `ListEmployee${employees.length + 1}`, BusinessRole.EDITOR),
      );
    await growPortfolio(t, portfolio, clients);
    for (; groups < groupCount; groups += 1) {
      const created = await createClientGroup(dataSource, config, bam, {
        providerBusinessId: provider,
        name: `Group ${String(groups).padStart(3, '0')}`,
      });
      if (!created.ok) throw new Error(JSON.stringify(created.problems));
      const start = (groups * perGroup) % clients;
      const members = Array.from({ length: perGroup }, (_, i) => portfolio.clients[(start + i) % clients]);
      for (let i = 0; i < members.length; i += GROUP_CLIENTS_MAX) {
        const added = await addClientsToGroup(dataSource, config, bam, {
          groupId: created.group.id,
          clientBusinessIds: members.slice(i, i + GROUP_CLIENTS_MAX),
        });
        if (!added.ok) throw new Error(JSON.stringify(added.problems));
      }
      groupIds.push(created.group.id);
    }
    for (const employee of employees) {
      const done = assignedOf.get(employee.userId) ?? new Set<string>();
      assignedOf.set(employee.userId, done);
      for (const groupId of groupIds.filter((id) => !done.has(id))) {
        const assigned = await assignEmployeeToGroup(dataSource, config, bam, {
          groupId,
          userId: employee.userId,
        });
        if (!assigned.ok) throw new Error(JSON.stringify(assigned.problems));
        done.add(groupId);
      }
      for (const clientBusinessId of portfolio.clients.slice(0, direct).filter((id) => !done.has(id))) {
        const assigned = await assignEmployeeToClient(dataSource, config, bam, {
          providerBusinessId: provider,
          userId: employee.userId,
          clientBusinessId,
        });
        if (!assigned.ok) throw new Error(JSON.stringify(assigned.problems));
        done.add(clientBusinessId);
      }
    }
  }

  /** The request's answer and its statements, after one unmeasured run (a session's first use is a write). */
  async function counted(client: GqlClient, query: string, variables?: Record<string, unknown>) {
    // A pooled connection may have been reset while the world grew (see grow): the unmeasured run retries.
    await client.gql(query, variables).catch(() => client.gql(query, variables));
    let result: Awaited<ReturnType<GqlClient['gql']>>;
    // The session's activity is written once a minute (session.service.ts): a run that wrote it (a
    // transaction of its own, three statements, not the page's) is measured again, which does not write it.
    for (let attempt = 0; ; attempt += 1) {
      recorded.length = 0;
      recording = true;
      result = await client.gql(query, variables);
      recording = false;
      if (attempt > 0 || !recorded.some((sql) => /^UPDATE\W+user_session\W/i.test(sql))) break;
    }
    all.push(...recorded);
    expect(result.body.errors, JSON.stringify(result.body.errors)).toBeUndefined();
    return {
      data: result.body.data as Record<string, Record<string, Edges | null>>,
      statements: [...recorded],
    };
  }

  it('costs the same statements for a small provider as for one past every first page', async () => {
    const counts: Array<{ provider: number; lists: number; timelines: number; employee: number }> = [];
    const figures: string[] = [];
    // Each request's statements, by round: a failure shows the statements of a request whose count changed.
    const texts: Array<Record<string, string[]>> = [];
    for (const [clients, groupCount, perGroup, people, direct] of [
      [6, 2, 3, 2, 2],
      [130, 30, 110, 3, 120],
    ]) {
      await grow(clients, groupCount, perGroup, people, direct);
      const provider = await counted(portfolio.broker.client, PROVIDER_PAGE, {
        id: portfolio.brokerBusinessId,
      });
      const lists = await counted(portfolio.broker.client, PROVIDER_LISTS, {
        id: portfolio.brokerBusinessId,
      });
      const timelines = await counted(portfolio.broker.client, PROVIDER_TIMELINES, {
        id: portfolio.brokerBusinessId,
      });
      const business = { ...provider.data.business, ...lists.data.business, ...timelines.data.business };
      const groupPage = business.clientGroupsConnection!;
      expect(groupPage.totalCount).toBe(groupCount);
      expect(groupPage.edges).toHaveLength(Math.min(groupCount, 25));
      expect(groupPage.pageInfo.hasNextPage).toBe(groupCount > 25);
      // The page's last group is one of this round's: `perGroup` clients.
      const lastGroup = groupPage.edges.at(-1)!.node as unknown as Record<string, Edges>;
      expect(lastGroup.clientsConnection.totalCount).toBe(perGroup);
      expect(lastGroup.clientsConnection.edges).toHaveLength(Math.min(perGroup, 100));
      expect(lastGroup.clientsConnection.pageInfo.hasNextPage).toBe(perGroup > 100);
      expect(lastGroup.assigneesConnection.totalCount).toBe(people);
      expect(business.employeeAssignmentsConnection!.totalCount).toBe(people * (groupCount + direct));
      expect(business.employeeAssignmentsConnection!.pageInfo.hasNextPage).toBe(
        people * (groupCount + direct) > 100,
      );
      expect(business.membersConnection!.totalCount).toBe(people + 1);
      expect(business.activeRelationships!.totalCount).toBe(clients);
      expect(business.delegations!.totalCount).toBe(people + 1);
      const employee = await counted(employees[0].client, EMPLOYEE_PAGE);
      const acting = employee.data.me.actingForConnection!;
      expect(acting.totalCount).toBe(clients);
      expect(acting.edges).toHaveLength(Math.min(clients, 100));
      expect(employee.data.me.membershipsConnection!.totalCount).toBe(1);
      counts.push({
        provider: provider.statements.length,
        lists: lists.statements.length,
        timelines: timelines.statements.length,
        employee: employee.statements.length,
      });
      figures.push(
        `${clients} clients: ${provider.statements.length} and ${employee.statements.length} statements`,
      );
      texts.push({
        provider: provider.statements,
        lists: lists.statements,
        timelines: timelines.statements,
        employee: employee.statements,
      });
    }
    const changed = Object.keys(texts[0]).filter((key) => texts[0][key].length !== texts[1][key].length);
    const shown = changed.map(
      (key) =>
        `${key}:\n${texts.map((round) => round[key].map((sql) => `  ${sql.slice(0, 160)}`).join('\n')).join('\n  ----\n')}`,
    );
    expect(counts[1], [figures.join('; '), ...shown].join('\n')).toEqual(counts[0]);
    // And the rows: a statement that reads a group's members, an assignment list or a timeline (other than as
    // an EXISTS of a reach) takes one page in SQL, or counts. Reading a whole list to cut it here fails this.
    const lists = /\b"?(client_group_member|employee_assignment|relationship_event)"?\b/;
    const whole = all.filter((sql) => {
      const outsideExists = sql.replace(/EXISTS \(SELECT 1 FROM [^()]*\)/g, 'EXISTS ()');
      return lists.test(outsideExists) && !/LIMIT|page_row <=|COUNT\(/.test(outsideExists);
    });
    expect(whole, whole.join('\n\n')).toEqual([]);
  }, 600_000);

  it('costs the provider page and lists the same statements whichever of their lists the database answers first', async () => {
    // On MariaDB the pooled connections answer a request's lists in any order (CI saw 13 and 14 statements for
    // the page, and 15 and 14 for the lists): the people of one list and of another must not make one batch
    // or two depending on it. Holding back one list's answer plays each order on purpose, on both databases.
    await grow(130, 30, 110, 3, 120);
    const { dataSource } = t;
    const query = dataSource.query.bind(dataSource);
    const counts: Record<string, number> = {};
    const requests = [
      ['page', PROVIDER_PAGE, [/FROM business_membership m\b/, /FROM employee_assignment a\b/]],
      ['lists', PROVIDER_LISTS, [/FROM employee_assignment a LEFT JOIN/, /FROM \(SELECT 'E' AS kind/]],
    ] as const;
    for (const [request, text, holds] of requests)
      for (const held of [null, ...holds]) {
        dataSource.query = (async (sql: string, ...rest: unknown[]) => {
          const answer = await (query as (...args: unknown[]) => Promise<unknown>)(sql, ...rest);
          if (held?.test(sql)) await new Promise((resolve) => setTimeout(resolve, 40));
          return answer;
        }) as typeof dataSource.query;
        try {
          const { statements } = await counted(portfolio.broker.client, text, {
            id: portfolio.brokerBusinessId,
          });
          expect(
            statements.some((sql) => held?.test(sql) ?? true),
            `${request}: nothing matched ${String(held)}`,
          ).toBe(true);
          counts[`${request}, ${held ? `${String(held)} last` : 'as it comes'}`] = statements.length;
        } finally {
          dataSource.query = query;
        }
      }
    for (const [request] of requests) {
      const ofRequest = Object.entries(counts).filter(([name]) => name.startsWith(`${request},`));
      expect(new Set(ofRequest.map(([, count]) => count)).size, JSON.stringify(counts)).toBe(1);
    }
  }, 600_000);

  it('pages one group of 110 clients to its end, in SQL, each page the same statements', async () => {
    await grow(130, 30, 110, 3, 120);
    const groupId = groupIds.at(-1)!;
    const pages: Array<{ names: string[]; statements: string[] }> = [];
    let after: string | null = null;
    for (let i = 0; i < 3; i += 1) {
      const { data, statements } = await counted(portfolio.broker.client, GROUP_CLIENTS_PAGE, {
        id: portfolio.brokerBusinessId,
        group: groupId,
        after,
      });
      const page = (data.business as unknown as { clientGroup: { clientsConnection: Edges } }).clientGroup
        .clientsConnection as Edges & { pageInfo: { endCursor: string | null } };
      expect(page.totalCount).toBe(110);
      pages.push({ names: page.edges.map((e) => String(e.node.id)), statements });
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    // Two pages, 100 then 10: every client once, and the group's members are those clients.
    expect(pages.map((p) => p.names.length)).toEqual([100, 10]);
    const ids = pages.flatMap((p) => p.names);
    expect(new Set(ids).size).toBe(110);
    const start = ((groupIds.length - 1) * 110) % 130;
    const expected = Array.from({ length: 110 }, (_, i) => portfolio.clients[(start + i) % 130]);
    expect(new Set(ids)).toEqual(new Set(expected));
    // The same statements for the first page and the last, the members taken a page at a time.
    expect(pages[1].statements.length, pages[1].statements.join('\n')).toBe(pages[0].statements.length);
    const whole = pages
      .flatMap((p) => p.statements)
      .map((sql) => sql.replace(/EXISTS \(SELECT 1 FROM [^()]*\)/g, 'EXISTS ()'))
      .filter((sql) => /client_group_member/.test(sql) && !/LIMIT|page_row <=|COUNT\(/.test(sql));
    expect(whole, whole.join('\n\n')).toEqual([]);
  }, 600_000);
});
