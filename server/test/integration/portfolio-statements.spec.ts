import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../support/api-tokens.js';
import { drivers } from '../support/databases.js';
import { growPortfolio, startPortfolio, type Portfolio } from '../support/portfolio.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

// A broker's portfolio request costs the same few SQL statements with 50 clients as with 500
// (docs/decisions/0022-broker-scale-in-sql.md): the clients are paged in SQL, their access computed for the
// page only, what the broker reaches is a join, and the token is one statement. Timings: `npm run bench`.

const PORTFOLIO = `query {
  viewerBusiness {
    id
    clients(first: 100) {
      edges { cursor node { id type since client { id businessNumber name } programAccounts { id accountNumber name } } }
      pageInfo { hasNextPage endCursor }
    }
  }
  notices(first: 100) { edges { cursor node { id subject displayDate accountNumber read } } pageInfo { hasNextPage } }
}`;

const MAX_STATEMENTS = 5;

interface PortfolioAnswer {
  viewerBusiness: {
    clients: {
      edges: Array<{ node: { type: string; client: { id: string }; programAccounts: unknown[] } }>;
      pageInfo: { hasNextPage: boolean };
    };
  };
  notices: { edges: Array<{ node: { subject: string; accountNumber: string | null } }> };
}

describe.each(drivers)('a broker’s portfolio request on %s', (driver) => {
  let t: TestApp;
  let portfolio: Portfolio;
  const recorded: string[] = [];
  let recording = false;

  beforeAll(async () => {
    t = await startTestApp(driver);
    portfolio = await startPortfolio(t, 500);
    // Every statement the data source sends (queries, writes, transactions), whatever builds it.
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

  /** The portfolio request with the broker's token: its answer and the statements it cost. */
  async function portfolioRequest(): Promise<{ answer: PortfolioAnswer; statements: string[] }> {
    // The first request of a token records its use (a write at most once a minute): not what is measured.
    // Growing the portfolio blocks this process's event loop (SQLite is synchronous) past the server's
    // keep-alive timeout: a pooled connection may be reset under the first request, which is then retried.
    await bearer(t, portfolio.secret, '{ viewerBusiness { id } }').catch(() =>
      bearer(t, portfolio.secret, '{ viewerBusiness { id } }'),
    );
    recorded.length = 0;
    recording = true;
    const result = await bearer(t, portfolio.secret, PORTFOLIO);
    recording = false;
    expect(result.body.errors, JSON.stringify(result.body.errors)).toBeUndefined();
    return { answer: result.body.data as unknown as PortfolioAnswer, statements: [...recorded] };
  }

  it('reads a token in one statement, and a browser session in one', async () => {
    const statementsOf = async (send: () => Promise<unknown>) => {
      await send(); // the first use of a token or a session in a minute records it (a write)
      recorded.length = 0;
      recording = true;
      await send();
      recording = false;
      return [...recorded];
    };
    const token = await statementsOf(() =>
      bearer(t, portfolio.secret, '{ __typename }').catch(() =>
        bearer(t, portfolio.secret, '{ __typename }'),
      ),
    );
    expect(token, token.join('\n')).toHaveLength(1);
    const session = await statementsOf(() => portfolio.broker.client.gql('{ __typename }'));
    expect(session, session.join('\n')).toHaveLength(1);
  });

  it('costs the same statements at 50 and 500 clients, and at most five', async () => {
    const counts: Record<number, number> = {};
    // Reported in the assertions' messages: the figures of docs/decisions/0022-broker-scale-in-sql.md.
    const figures: string[] = [];
    for (const size of [50, 500]) {
      await growPortfolio(t, portfolio, size);
      const { answer, statements } = await portfolioRequest();
      const clients = answer.viewerBusiness.clients;
      expect(clients.edges).toHaveLength(50 === size ? 50 : 100);
      expect(clients.pageInfo.hasNextPage).toBe(size > 100);
      // Both kinds of relationship, each with its program accounts in scope.
      expect(new Set(clients.edges.map((e) => e.node.type))).toEqual(
        new Set(['BUSINESS_MANAGEMENT', 'PROGRAM_MANAGEMENT']),
      );
      for (const edge of clients.edges) expect(edge.node.programAccounts).toHaveLength(1);
      // The officer's notices to the clients' importer accounts reach the broker.
      expect(
        answer.notices.edges.filter((e) => e.node.subject.startsWith('Tariff update')).length,
      ).toBeGreaterThan(0);
      counts[size] = statements.length;
      const bytes = statements.reduce((sum, sql) => sum + sql.length, 0);
      figures.push(`${size} clients: ${statements.length} statements, ${bytes} characters of SQL`);
    }
    expect(counts[500], figures.join('; ')).toBe(counts[50]);
    expect(counts[50], figures.join('; ')).toBeLessThanOrEqual(MAX_STATEMENTS);
  }, 600_000);
});
