// `npm run bench` (BENCH=portfolio, BENCH=portfolio-5000): a customs broker's system paging its portfolio with
// an API token, over HTTP, against a raw floor (bench/support/portfolio-floor.ts) served by a bare Express 5
// handler, interleaved; on SQLite, and on MySQL/MariaDB with MYSQL_URL (docs/performance.md). The world is
// built through the importer and the services (test/support/broker-world.ts): 500 clients, and 5,000 to show how
// the cost grows with the portfolio.
import { deepStrictEqual } from 'node:assert';
import { appendFileSync } from 'node:fs';
import http from 'node:http';
import { type AddressInfo } from 'node:net';
import express from 'express';
import { bench, describe } from 'vitest';
import { type DriverName } from '../test/support/databases.js';
import { buildPortfolio, type Portfolio, PORTFOLIO_QUERY } from '../test/support/broker-world.js';
import { startTestApp, type TestApp } from '../test/support/test-app.js';
import {
  benchDrivers,
  compare,
  onceOnly,
  scaled,
  selected,
  skippedUnless,
  statementsOf,
} from './support/compare.js';
import { openRawDatabase, portfolioFloor, type RawDatabase } from './support/portfolio-floor.js';

const sizes = [
  { scenario: 'portfolio', clients: 500 },
  { scenario: 'portfolio-5000', clients: 5000 },
].filter((s) => selected(s.scenario));
const once = { iterations: 1, time: 0, warmupIterations: 0, warmupTime: 0 };

interface Variables {
  after: string | null;
  noticesAfter: string | null;
}

interface Fixture {
  t: TestApp;
  portfolio: Portfolio;
  raw: RawDatabase;
  floor: http.Server;
  floorUrl: string;
  /** The variables of each page, as a broker's system walks them. */
  pages: Variables[];
}

async function ask(url: string, secret: string, variables: Variables): Promise<string> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
    body: JSON.stringify({ query: PORTFOLIO_QUERY, variables }),
  });
  const text = await res.text();
  if (res.status !== 200 || text.includes('"errors"')) throw new Error(`${res.status} ${text.slice(0, 500)}`);
  return text;
}

interface PageData {
  viewerBusiness: { clients: { pageInfo: { hasNextPage: boolean; endCursor: string | null } } };
  notices: { pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

async function setUp(driver: DriverName, clients: number): Promise<Fixture> {
  const t = await startTestApp(driver, {
    // LOG_LEVEL error: a failed request's cause reaches the bench's output.
    env: {
      LOG_LEVEL: 'error',
      MAIL_WORKER: 'false',
      // The bench asks hundreds of pages a minute: the budget is docs/api.md's business, not the bench's.
      API_COST_BUCKET_SIZE: '1000000',
      API_COST_RESTORE_RATE: '1000000',
    },
  });
  try {
    return await walk(t, driver, clients);
  } catch (error) {
    const logged = t.logs.find((line) => line.level === 50);
    await t.close();
    throw logged
      ? new Error(
          `${(error as Error).message.slice(0, 120)}; logged: ${JSON.stringify(logged.err ?? logged).slice(0, 300)}`,
        )
      : error;
  }
}

async function walk(t: TestApp, driver: DriverName, clients: number): Promise<Fixture> {
  const portfolio = await buildPortfolio(t, clients, 2, (line) =>
    process.stdout.write(`[${driver}, ${clients} clients] ${line}\n`),
  );
  const raw = openRawDatabase(t.config.database);
  const app = express();
  app.post('/portfolio', express.json(), async (req, res) => {
    const secret = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1] ?? '';
    const body = await portfolioFloor(
      raw,
      secret,
      (req.body as { variables: Variables }).variables,
      new Date(),
    );
    if (body === null) res.status(401).json({ errors: [{ message: 'unauthenticated' }] });
    else res.type('application/json').send(body);
  });
  const floor = http.createServer(app);
  await new Promise<void>((resolve) => floor.listen(0, '127.0.0.1', resolve));
  const floorUrl = `http://127.0.0.1:${(floor.address() as AddressInfo).port}/portfolio`;

  // Walk the portfolio as a broker's system does, comparing each page with the floor's.
  const pages: Variables[] = [];
  let variables: Variables = { after: null, noticesAfter: null };
  for (let i = 0; i < Math.ceil(clients / 100); i += 1) {
    pages.push(variables);
    const real = (
      JSON.parse(await ask(`${t.url}/graphql`, portfolio.secret, variables)) as { data: PageData }
    ).data;
    const raw = (JSON.parse(await ask(floorUrl, portfolio.secret, variables)) as { data: PageData }).data;
    deepStrictEqual(raw, real, `page ${i + 1}: the floor's answer differs from the server's`);
    const { clients: c } = real.viewerBusiness;
    variables = {
      after: c.pageInfo.hasNextPage ? c.pageInfo.endCursor : null,
      noticesAfter: real.notices.pageInfo.hasNextPage ? real.notices.pageInfo.endCursor : null,
    };
  }
  process.stdout.write(
    `[${driver}, ${clients} clients] ${pages.length} pages: the floor answers as the server\n`,
  );
  return { t, portfolio, raw, floor, floorUrl, pages };
}

/** Closes what a world holds (its app, its database, the floor's connections): the next world starts clean. */
async function tearDown(f: Fixture): Promise<void> {
  await new Promise((resolve) => f.floor.close(resolve));
  await f.raw.close();
  await f.t.close();
}

function failedRow(clients: number, driver: DriverName, failure: Error): void {
  const row = `| portfolio page (${clients.toLocaleString('en')} clients) | ${driver} | — | failed: ${failure.message.slice(0, 200)} | | | | | ${new Date().toISOString().slice(0, 10)} | |`;
  process.stdout.write(`${row}\n`);
  if (process.env.BENCH_OUT) appendFileSync(process.env.BENCH_OUT, `${row}\n`);
}

skippedUnless(sizes.length > 0, 'portfolio');
for (const { scenario, clients } of sizes)
  for (const driver of benchDrivers())
    describe(`portfolio, ${clients} clients (${driver})`, () => {
      bench(
        'viewerBusiness.clients(first: 100) + notices(first: 100), API token, vs raw SQL',
        onceOnly(`${scenario} ${driver}`, async () => {
          // Each world is built right before it is timed and closed right after, so that a run prints each
          // result as soon as it is measured (a 5,000-client world takes minutes to build on MariaDB), and one
          // failing world (5,000 clients on SQLite, say) does not cost the others their figures.
          let f: Fixture;
          try {
            f = await setUp(driver, clients);
          } catch (error) {
            console.error(error);
            failedRow(clients, driver, error as Error);
            return;
          }
          try {
            await measure(f, driver, clients);
          } finally {
            await tearDown(f);
          }
        }),
        once,
      );
    });

async function measure(f: Fixture, driver: DriverName, clients: number): Promise<void> {
  const headers = {
    'content-type': 'application/json',
    authorization: `Bearer ${f.portfolio.secret}`,
  };
  const bodies = f.pages.map((variables) => JSON.stringify({ query: PORTFOLIO_QUERY, variables }));
  const before = f.raw.statements;
  await ask(f.floorUrl, f.portfolio.secret, f.pages[0]);
  const floorStatements = f.raw.statements - before;
  const statements = await statementsOf(f.t.dataSource, async () => {
    await ask(`${f.t.url}/graphql`, f.portfolio.secret, f.pages[0]);
  });
  await compare({
    scenario: `portfolio page (${clients.toLocaleString('en')} clients)`,
    driver,
    floorName: 'raw SQL + JSON.stringify',
    real: { url: `${f.t.url}/graphql`, headers, bodies },
    floor: { url: f.floorUrl, headers, bodies },
    requests: scaled(clients > 1000 ? 60 : 200),
    concurrency: 1,
    statements: { real: statements, floor: floorStatements },
    target: { ratio: 0.5, statements: 5 },
  });
}
