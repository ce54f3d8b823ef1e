import { In } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NoticeRead } from '../../src/modules/notices/notices.entities.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../../src/modules/registry/reference-data.service.js';
import { drivers } from '../support/databases.js';
import { payload } from '../support/identity.js';
import { fillNotices } from '../support/notice-fill.js';
import { NOTICES, UNREAD } from '../support/notices.js';
import { BN, person, registerDirectly, type Person } from '../support/relationships.js';
import {
  decideRelationship,
  requestRelationship,
} from '../../src/modules/relationships/relationships.service.js';
import { RelationshipType } from '../../src/modules/relationships/relationships.types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// The notices list and the bell's count must stay index searches however many notices there are: the plan of
// the exact SQL they send (recorded from real GraphQL requests) may not scan the notice table, nor sort the
// list in a temporary B-tree / filesort. Timings: bench/notices.bench.ts (`npm run bench`).

const LIST_INDEXES = ['IDX_notice_business_list', 'IDX_notice_recipient_list'];

interface Statement {
  sql: string;
  params: unknown[];
}

describe.each(drivers)('notices query plans on %s', (driver) => {
  let t: TestApp;
  let bam: Person;
  let businessId: string;
  let other: Person;
  let otherBusiness: string;
  const recorded: Statement[] = [];

  beforeAll(async () => {
    t = await startTestApp(driver);
    await importReferenceData(t.dataSource, await loadDemoReferenceData());
    bam = await person(t, 'PlanBam2026', 'Paula', 'Planner');
    businessId = await registerDirectly(t, BN.NORTHERN, bam.userId);
    other = await person(t, 'PlanOther26', 'Omar', 'Other');
    otherBusiness = await registerDirectly(t, BN.MAPLE, other.userId);
    // Enough rows that a planner weighing a scan against an index has a reason to choose (MySQL would scan a
    // tiny table): the caller's business is one of 40.
    await fillNotices(t.dataSource, {
      businesses: [
        { businessId, count: 300 },
        { businessId: otherBusiness, count: 300 },
        ...Array.from({ length: 38 }, (_, i) => ({
          businessId: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
          count: 300,
        })),
      ],
      persons: [
        { userId: bam.userId, count: 50 },
        { userId: other.userId, count: 50 },
      ],
      days: 365,
      now: t.clock.now(),
      readers: [{ userId: bam.userId, businessIds: [businessId], share: 0.5 }],
    });
    // Record what the notices service sends (it runs its own statements through DataSource.query).
    const query = t.dataSource.query.bind(t.dataSource);
    t.dataSource.query = (async (sql: string, params?: unknown[], runner?: never) => {
      if (/\bnotice\b/.test(sql)) recorded.push({ sql, params: params ?? [] });
      return query(sql, params, runner);
    }) as typeof t.dataSource.query;
  });
  afterAll(async () => {
    await t?.close();
  });

  /** Runs `work` and answers the statements on notices it sent. */
  async function statementsOf(work: () => Promise<void>): Promise<Statement[]> {
    recorded.length = 0;
    await work();
    expect(recorded.length).toBeGreaterThan(0);
    return [...recorded];
  }

  async function sqlitePlan(statement: Statement): Promise<string[]> {
    const rows = await t.dataSource.query<Array<{ detail: string }>>(
      `EXPLAIN QUERY PLAN ${statement.sql}`,
      statement.params,
    );
    return rows.map((r) => r.detail);
  }

  interface MysqlPlanRow {
    table: string | null;
    type: string | null;
    key: string | null;
    Extra: string | null;
  }
  async function mysqlPlan(statement: Statement): Promise<MysqlPlanRow[]> {
    return t.dataSource.query<MysqlPlanRow[]>(`EXPLAIN ${statement.sql}`, statement.params);
  }

  /** Asserts the statement reads notices through the list indexes only; `ordered`: and never sorts them. */
  async function expectIndexed(statement: Statement, ordered: boolean): Promise<void> {
    if (driver === 'sqlite') {
      const plan = await sqlitePlan(statement);
      const onNotice = plan.filter((d) => /^(SCAN|SEARCH) n\b/.test(d));
      expect(onNotice.length, plan.join('\n')).toBeGreaterThan(0);
      for (const detail of onNotice) {
        expect(detail, plan.join('\n')).toMatch(
          /^SEARCH n USING (COVERING )?INDEX IDX_notice_(business|recipient)_list/,
        );
      }
      if (ordered)
        expect(
          plan.filter((d) => d.includes('TEMP B-TREE')),
          plan.join('\n'),
        ).toEqual([]);
    } else {
      const plan = await mysqlPlan(statement);
      const show = JSON.stringify(plan, null, 1);
      const onNotice = plan.filter((r) => r.table === 'n');
      expect(onNotice.length, show).toBeGreaterThan(0);
      for (const row of onNotice) {
        expect(row.type, show).not.toBe('ALL');
        for (const key of (row.key ?? '').split(',')) expect(LIST_INDEXES, show).toContain(key);
        // Each arm reads its index in order; only the union's few rows (arms × page size) are sorted.
        if (ordered) expect(row.Extra ?? '', show).not.toMatch(/filesort|temporary/i);
      }
    }
  }

  it('the first page of the list walks the indexes in order', async () => {
    const [page, count] = await statementsOf(async () => {
      const list = payload<{ edges: unknown[] }>(await bam.client.gql(NOTICES, { first: 10 }));
      expect(list.edges).toHaveLength(10);
    });
    expect(page.sql).toContain('UNION ALL');
    await expectIndexed(page, true);
    await expectIndexed(count, false);
  });

  it('a deep keyset page with a date range and a type filter does too', async () => {
    let after: string | null = null;
    const filter = { from: '2025-06-01', to: t.clock.now().toISOString().slice(0, 10), type: 'GENERAL' };
    for (let i = 0; i < 3; i += 1) {
      const list: { pageInfo: { endCursor: string | null } } = payload(
        await bam.client.gql(NOTICES, { first: 10, after, filter }),
      );
      after = list.pageInfo.endCursor;
    }
    expect(after).not.toBeNull();
    const [page, count] = await statementsOf(async () => {
      await bam.client.gql(NOTICES, { first: 10, after, filter });
    });
    await expectIndexed(page, true);
    await expectIndexed(count, false);
  });

  it('counts only when the query asks for totalCount', async () => {
    const PAGE_ONLY = 'query { notices(first: 10) { edges { node { id } } pageInfo { hasNextPage } } }';
    const statements = await statementsOf(async () => {
      expect(payload<{ edges: unknown[] }>(await bam.client.gql(PAGE_ONLY)).edges).toHaveLength(10);
    });
    expect(statements.map((s) => /count\(/i.test(s.sql))).toEqual([false]);
    const withCount = await statementsOf(async () => {
      await bam.client.gql(NOTICES, { first: 10 });
    });
    expect(withCount.map((s) => /count\(/i.test(s.sql))).toEqual([false, true]);
  });

  it('the bell’s unread count searches the indexes, and stops at 100', async () => {
    const [count] = await statementsOf(async () => {
      // 300 of the business and 50 of the person, every other one read, and the registration's own notice:
      // 176 unread, counted up to 100 (the app shows "99+").
      expect(payload<number>(await bam.client.gql(UNREAD))).toBe(100);
    });
    await expectIndexed(count, false);
    expect(count.sql).toMatch(/LIMIT 100\) `?"?unread/);
  });

  it('the bell counts exactly up to 99, and 100 means "100 or more", in one statement on notices', async () => {
    const unreadIds = async () =>
      (
        await t.dataSource.query<Array<{ id: string }>>(
          'SELECT n.id FROM notice n LEFT JOIN notice_read r ON r.notice_id = n.id AND r.user_id = ? WHERE (n.business_id = ? OR n.recipient_user_id = ?) AND r.notice_id IS NULL',
          [bam.userId, businessId, bam.userId],
        )
      ).map((row) => row.id);
    const read = (ids: string[]) =>
      t.dataSource
        .getRepository(NoticeRead)
        .insert(ids.map((noticeId) => ({ noticeId, userId: bam.userId, readAt: new Date() })));
    const ids = await unreadIds();
    expect(ids.length).toBeGreaterThan(100);
    // Read all but 100, then one more: 100 unread (shown "99+"), then 99.
    await read(ids.slice(100));
    expect(payload<number>(await bam.client.gql(UNREAD))).toBe(100);
    await read(ids.slice(99, 100));
    const statements = await statementsOf(async () => {
      expect(payload<number>(await bam.client.gql(UNREAD))).toBe(99);
    });
    expect(statements).toHaveLength(1);
    await t.dataSource.getRepository(NoticeRead).delete({ userId: bam.userId, noticeId: In(ids.slice(99)) });
  });
  // Last: the relationship adds notices to the client's BAM (the counts above are without it).
  it('a provider’s clients are one branch, searched through the business index, never scanned', async () => {
    // Two clients (Paula's Northern and Côté), so that one branch per client would show as two arms.
    await registerDirectly(t, BN.COTE, bam.userId);
    for (const clientBusinessNumber of [BN.NORTHERN, BN.COTE]) {
      const asked = await requestRelationship(t.dataSource, t.config, other.userId, {
        providerBusinessId: otherBusiness,
        clientBusinessNumber,
      });
      if (!asked.ok) throw new Error(JSON.stringify(asked.problems));
      const accepted = await decideRelationship(t.dataSource, t.config, bam.userId, {
        relationshipId: asked.relationship.id,
        approve: true,
        type: RelationshipType.BUSINESS_MANAGEMENT,
      });
      expect(accepted.ok).toBe(true);
    }
    const [page, count] = await statementsOf(async () => {
      const list = payload<{ edges: Array<{ node: { businessId: string | null } }> }>(
        await other.client.gql(NOTICES, { first: 10 }),
      );
      // The client's notices reach the provider's BAM through the relationship.
      expect(list.edges.some((edge) => edge.node.businessId === businessId)).toBe(true);
    });
    // One arm for the person, one for Maple, one for all its clients: not an arm per client.
    expect(page.sql.split('UNION ALL')).toHaveLength(3);
    // The client arm sorts its rows (decision 0022); it must still read them through the list index.
    await expectIndexed(page, false);
    await expectIndexed(count, false);
  });
});
