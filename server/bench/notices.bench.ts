// `npm run bench`: the notices list with a million notices, through the real GraphQL path (HTTP, session,
// access table, service), on SQLite, and on MySQL when MYSQL_URL is set. The fill goes straight into the
// tables (test/support/notice-fill.ts); the figures measured are in docs/notices.md. The heaviest scenario:
// BENCH=notices runs it alone, any other BENCH list leaves it out (docs/performance.md).
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { encodeNoticeCursor } from '../src/modules/notices/notices.service.js';
import {
  importReferenceData,
  loadDemoReferenceData,
} from '../src/modules/registry/reference-data.service.js';
import { type DriverName } from '../test/support/databases.js';
import { fillNotices } from '../test/support/notice-fill.js';
import { NOTICES, UNREAD } from '../test/support/notices.js';
import { BN, person, registerDirectly, type Person } from '../test/support/relationships.js';
import { startTestApp, type TestApp } from '../test/support/test-app.js';
import { benchDrivers, selected, skippedUnless } from './support/compare.js';

/** 100,000 for the measured business, 800,000 across 2,000 others, 100,000 addressed to 9,901 persons. */
const OWN = 100_000;
const OTHER_BUSINESSES = 2_000;
const PER_OTHER_BUSINESS = 400;
const OWN_PERSONAL = 1_000;
const OTHER_PERSONS = 9_900;
const PER_OTHER_PERSON = 10;
/** Three years of notices: the default 6-month range holds about a sixth of them. */
const DAYS = 1_095;

const options = { time: 3_000, warmupTime: 500 };

/** The list without its totalCount: the page's own cost (three statements). */
const PAGE_ONLY = NOTICES.replace(' totalCount', '');

function uuid(kind: number, i: number): string {
  return `0000000${kind}-0000-7000-8000-${String(i).padStart(12, '0')}`;
}

interface Fixture {
  t: TestApp;
  bam: Person;
  /** A cursor 15,000 notices down the default range (of about 16,700 in the last 6 months). */
  deepCursor: string;
  rangeFilter: { from: string; to: string; type: string };
}

async function setUp(driver: DriverName): Promise<Fixture> {
  // The cost budget would throttle a bench's hundreds of requests a second (fast 429s, wrong figures).
  const t = await startTestApp(driver, {
    env: {
      LOG_LEVEL: 'silent',
      MAIL_WORKER: 'false',
      API_COST_BUCKET_SIZE: '1000000',
      API_COST_RESTORE_RATE: '1000000',
      // Filling a million notices commits one large transaction: longer than a request's statement may take.
      DB_QUERY_TIMEOUT_MS: '600000',
    },
  });
  await importReferenceData(t.dataSource, await loadDemoReferenceData());
  const bam = await person(t, 'BenchBam2026', 'Bianca', 'Bench');
  const businessId = await registerDirectly(t, BN.NORTHERN, bam.userId);
  const started = performance.now();
  const filled = await fillNotices(t.dataSource, {
    businesses: [
      { businessId, count: OWN },
      ...Array.from({ length: OTHER_BUSINESSES }, (_, i) => ({
        businessId: uuid(1, i),
        count: PER_OTHER_BUSINESS,
      })),
    ],
    persons: [
      { userId: bam.userId, count: OWN_PERSONAL },
      ...Array.from({ length: OTHER_PERSONS }, (_, i) => ({ userId: uuid(2, i), count: PER_OTHER_PERSON })),
    ],
    days: DAYS,
    now: t.clock.now(),
    readers: [{ userId: bam.userId, businessIds: [businessId], share: 0.3 }],
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `[${driver}] filled ${filled.notices} notices and ${filled.reads} reads in ${seconds} s\n`,
  );

  const [deep] = await t.dataSource.query<Array<{ id: string; display_date: string | Date }>>(
    'SELECT id, display_date FROM notice WHERE business_id = ? ORDER BY display_date DESC, id DESC LIMIT 1 OFFSET 15000',
    [businessId],
  );
  const day = deep.display_date instanceof Date ? deep.display_date.toISOString() : deep.display_date;
  const deepCursor = encodeNoticeCursor({ displayDate: day.slice(0, 10), id: deep.id });
  const today = t.clock.now().getTime();
  const dayOf = (back: number) => new Date(today - back * 86_400_000).toISOString().slice(0, 10);
  const rangeFilter = { from: dayOf(730), to: dayOf(365), type: 'DAILY_NOTICE' };
  // The server closed the client's kept-alive connection during the fill: the first request may find it gone.
  const check = await bam.client
    .gql(NOTICES, { first: 10, after: deepCursor })
    .catch(() => bam.client.gql(NOTICES, { first: 10, after: deepCursor }));
  if (check.body.errors) throw new Error(JSON.stringify(check.body.errors));
  return { t, bam, deepCursor, rangeFilter };
}

const fixtures = new Map<DriverName, Fixture>();

/** One request; an answer with errors (a throttled or refused one) fails the bench instead of timing it. */
async function ask(fixture: Fixture, query: string, variables?: Record<string, unknown>): Promise<void> {
  const answer = await fixture.bam.client.gql(query, variables);
  if (answer.status !== 200 || answer.body.errors)
    throw new Error(`${answer.status} ${JSON.stringify(answer.body.errors)}`);
}

// Top-level hooks: vitest 4's bench runner does not run hooks declared inside a describe.
/** The drivers this run fills a million notices in: none unless the notices scenario is selected. */
const drivers: DriverName[] = selected('notices') ? benchDrivers() : [];

beforeAll(async () => {
  try {
    for (const driver of drivers) fixtures.set(driver, await setUp(driver));
  } catch (error) {
    // A failed hook shows only as NaN figures otherwise.
    console.error(error);
    throw error;
  }
}, 1_800_000);
afterAll(async () => {
  for (const fixture of fixtures.values()) await fixture.t.close();
});

skippedUnless(drivers.length > 0, 'notices list, 1,000,000 notices');
for (const driver of drivers)
  describe(`notices list, 1,000,000 notices (${driver})`, () => {
    const f = () => fixtures.get(driver)!;
    bench(
      'first page (10, with totalCount)',
      async () => {
        await ask(f(), NOTICES, { first: 10 });
      },
      options,
    );
    bench(
      'first page (10, no totalCount)',
      async () => {
        await ask(f(), PAGE_ONLY, { first: 10 });
      },
      options,
    );
    bench(
      'deep keyset page (15,000 down, no totalCount)',
      async () => {
        await ask(f(), PAGE_ONLY, { first: 10, after: f().deepCursor });
      },
      options,
    );
    bench(
      'deep keyset page (15,000 down)',
      async () => {
        await ask(f(), NOTICES, { first: 10, after: f().deepCursor });
      },
      options,
    );
    bench(
      'date range (a year, a year ago) + type filter',
      async () => {
        await ask(f(), NOTICES, { first: 10, filter: f().rangeFilter });
      },
      options,
    );
    bench(
      'unread count (the bell)',
      async () => {
        await ask(f(), UNREAD);
      },
      options,
    );
  });
