import { Kind, parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationCost } from '../../src/app/api-limits.js';
import { MemoryCostBuckets } from '../../src/common/shared/shared-state.js';
import { buildAppSchema } from '../../src/app/build-schema.js';
import { loadConfig } from '../../src/config/env.js';
import { bearer } from '../support/api-tokens.js';
import { drivers } from '../support/databases.js';
import { type Portfolio, PORTFOLIO_QUERY } from '../support/broker-world.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { portfolioWorld, type PortfolioWorld } from '../support/world-templates.js';

// The default cost budget lets a broker page its portfolio at 2 pages a second, sustained (docs/api.md, "Limits
// and cost"). Counted, not timed: the costs are the server's own figures for the real page, and the bucket is
// driven by a clock the test moves.

interface Cost {
  requestedQueryCost: number;
  actualQueryCost: number;
  throttleStatus: { maximumAvailable: number; restoreRate: number };
}

/** 1 viewerBusiness + (1 + 100 × (node 1 + client 1 + 10 accounts)) clients + (1 + 100) notices; edges and pageInfo 0. */
const PORTFOLIO_REQUESTED = 1 + (1 + 100 * 12) + (1 + 100);

describe('the portfolio page’s static cost', () => {
  it('weighs rows, not the shape of the page: edges and pageInfo are free', async () => {
    const schema = await buildAppSchema();
    const document = parse(PORTFOLIO_QUERY);
    const operation = document.definitions[0];
    if (operation.kind !== Kind.OPERATION_DEFINITION) throw new Error('no operation');
    expect(operationCost(schema, document, operation, {})).toBe(PORTFOLIO_REQUESTED);
  });
});

describe.each(drivers)('the default cost budget on %s', (driver) => {
  let t: TestApp;
  let world: PortfolioWorld | undefined;
  let portfolio: Portfolio;
  beforeAll(async () => {
    // The run's portfolio world (500 clients, 2 notices each: built once through the real services and
    // copied, support/world-templates.ts). Default limits: the point of the test.
    world = await portfolioWorld(driver);
    portfolio = world.portfolio;
    t = await startTestApp(driver, { database: world.database.config, env: { MAIL_WORKER: 'false' } });
  }, 600_000);
  afterAll(async () => {
    await t?.close();
    await world?.database.dispose();
  });

  it('lets a broker page 100 clients and 100 notices twice a second for an hour', async () => {
    const answer = await bearer(t, portfolio.secret, PORTFOLIO_QUERY);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    const data = answer.body.data as {
      viewerBusiness: { clients: { edges: Array<{ node: { programAccounts: unknown[] } }> } };
      notices: { edges: unknown[] };
    };
    const clients = data.viewerBusiness.clients.edges;
    expect(clients).toHaveLength(100);
    expect(data.notices.edges).toHaveLength(100);
    const accounts = clients.reduce((sum, edge) => sum + edge.node.programAccounts.length, 0);
    expect(accounts).toBe(150);
    const cost = (answer.body.extensions as { cost: Cost }).cost;
    expect(cost.requestedQueryCost).toBe(PORTFOLIO_REQUESTED);
    // What the answer holds: viewerBusiness, the two connections, 100 × (node + client), the accounts, 100 notices.
    expect(cost.actualQueryCost).toBe(1 + 1 + 100 * 2 + accounts + 1 + 100);

    const limits = loadConfig({}).apiLimits;
    expect(cost.throttleStatus).toMatchObject({
      maximumAvailable: limits.costBucketSize,
      restoreRate: limits.costRestoreRate,
    });
    // The budget's own arithmetic: the restore rate pays for more than 2 pages a second.
    expect(limits.costRestoreRate / cost.actualQueryCost).toBeGreaterThanOrEqual(2);
    expect(cost.requestedQueryCost).toBeLessThanOrEqual(limits.maxQueryCost);

    // And the bucket itself, on a clock the test moves: a page every `interval` ms for an hour.
    let now = 0;
    const buckets = new MemoryCostBuckets(limits.costBucketSize, limits.costRestoreRate);
    const refusedPages = (caller: string, interval: number) => {
      let refused = 0;
      for (let page = 0; page < 3_600_000 / interval; page += 1) {
        const taken = buckets.takeNow(caller, cost.requestedQueryCost, new Date(now));
        if (taken.ok)
          buckets.refundNow(caller, cost.requestedQueryCost - cost.actualQueryCost, new Date(now));
        else refused += 1;
        now += interval;
      }
      return refused;
    };
    expect(refusedPages('broker', 500)).toBe(0);
    // The budget still bounds: a caller asking 4 pages a second is refused some of them.
    expect(refusedPages('greedy', 250)).toBeGreaterThan(0);
  });
});
