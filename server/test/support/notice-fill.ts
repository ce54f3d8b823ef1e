import { randomBytes } from 'node:crypto';
import { type DataSource } from 'typeorm';
import { inTransaction } from '../../src/common/database/transactions.js';
import { agencyDay } from '../../src/common/time/agency-date.js';
import { Notice, NoticeRead } from '../../src/modules/notices/notices.entities.js';
import { NoticeType, noticeAreas } from '../../src/modules/notices/notices.types.js';

// Bulk notices for the benchmark (bench/notices.bench.ts) and the query-plan test: multi-row INSERTs in one
// transaction, straight into the tables. The service writes notices one event at a time with their emails;
// a million of them that way would take an hour, and the list's speed does not depend on how they got there.

/** Who the filled notices are for. */
export interface FillPlan {
  /** Notices per business id (business-addressed, no program account). */
  businesses: ReadonlyArray<{ businessId: string; count: number }>;
  /** Notices per person id (person-addressed). */
  persons: ReadonlyArray<{ userId: string; count: number }>;
  /** Dates spread over this many agency days back from `now` (newest first as i grows). */
  days: number;
  now: Date;
  /** The share of each person's visible notices they have read (notice_read rows), for `readers`. */
  readers?: ReadonlyArray<{ userId: string; businessIds: string[]; share: number }>;
}

export interface FillResult {
  notices: number;
  reads: number;
}

/** The part of better-sqlite3's Database the fill uses. */
interface SqliteConnection {
  prepare(sql: string): { run(...params: unknown[]): unknown };
}

/** Rows per INSERT: 18 columns × 1,000 = 18,000 parameters, under SQLite's 32,766 and MySQL's 65,535. */
const BATCH = 1000;

/** The types a business notice of the fill cycles through (their areas differ, as in real data). */
const TYPES = [
  NoticeType.GENERAL,
  NoticeType.STATEMENT_OF_ACCOUNT_ISSUED,
  NoticeType.DAILY_NOTICE,
  NoticeType.DELEGATION_PENDING_ACCESS,
  NoticeType.RELATIONSHIP_REQUEST_RECEIVED,
  NoticeType.COLLECTIONS,
];

/** A UUIDv7-shaped id whose order follows `sequence` (as timeOrderedId's follows creation). */
function sequentialId(prefix: string, sequence: number): string {
  const hex = prefix + sequence.toString(16).padStart(12, '0') + randomBytes(10).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Inserts the plan's notices (and read rows) in one transaction and answers how many. Display dates are
 * spread evenly over `days` agency days ending today, so a 6-month default range holds a share of them.
 */
export async function fillNotices(dataSource: DataSource, plan: FillPlan): Promise<FillResult> {
  const columns = dataSource.getMetadata(Notice).columns;
  const names = columns.map((c) => dataSource.driver.escape(c.databaseName));
  const createdAt = dataSource.driver.preparePersistentValue(
    plan.now,
    dataSource.getMetadata(Notice).findColumnWithPropertyName('createdAt')!,
  ) as unknown;
  const today = new Date(`${agencyDay(plan.now)}T00:00:00Z`).getTime();
  const dates = Array.from({ length: plan.days }, (_, d) =>
    new Date(today - d * 86_400_000).toISOString().slice(0, 10),
  );
  const prefix = randomBytes(4).toString('hex').slice(0, 8);
  let sequence = 0;
  const readIds = new Map<string, string[]>();
  const rows: unknown[][] = [];
  const add = (owner: { businessId: string | null; userId: string | null }, i: number, count: number) => {
    sequence += 1;
    const type = owner.userId ? NoticeType.ACCESS_AUTHORIZATIONS_CHANGED : TYPES[i % TYPES.length];
    // Newest (i = 0) on today, oldest on the last day; ids grow with i inside a day, as time-ordered ids do.
    const date = dates[Math.min(plan.days - 1, Math.floor((i * plan.days) / count))];
    const values: Record<string, unknown> = {
      id: sequentialId(prefix, sequence),
      type,
      area: noticeAreas[type],
      businessId: owner.businessId,
      programAccountId: null,
      accountNumber: '123456789',
      recipientUserId: owner.userId,
      recipientName: 'Bench Imports Ltd.',
      subjectEn: `Notice ${i}`,
      subjectFr: `Avis ${i}`,
      bodyEn: 'A notice of the benchmark.',
      bodyFr: 'Un avis du banc d’essai.',
      linkPath: null,
      urgent: i % 50 === 0 ? 1 : 0,
      displayDate: date,
      createdAt,
      createdBy: null,
      sourceKey: `fill:${prefix}:${sequence}`,
    };
    rows.push(columns.map((c) => values[c.propertyName]));
    const key = owner.userId ?? owner.businessId!;
    if (!readIds.has(key)) readIds.set(key, []);
    readIds.get(key)!.push(values.id as string);
  };

  let notices = 0;
  let reads = 0;
  await inTransaction(dataSource, async (manager) => {
    const tuple = `(${names.map(() => '?').join(', ')})`;
    const insertSql = (n: number) =>
      `INSERT INTO ${dataSource.driver.escape('notice')} (${names.join(', ')}) VALUES ${Array.from(
        { length: n },
        () => tuple,
      ).join(', ')}`;
    // On SQLite, one statement prepared once and run on better-sqlite3's connection (the transaction's: it
    // has only one): preparing an 18,000-parameter INSERT for each batch costs as much as running it.
    const sqlite =
      dataSource.options.type === 'better-sqlite3'
        ? (dataSource.driver as unknown as { databaseConnection: SqliteConnection }).databaseConnection
        : null;
    const fullBatch = sqlite?.prepare(insertSql(BATCH));
    const flush = async () => {
      if (rows.length === 0) return;
      if (fullBatch && rows.length === BATCH) fullBatch.run(...rows.flat());
      else await manager.query(insertSql(rows.length), rows.flat());
      notices += rows.length;
      rows.length = 0;
    };
    for (const { businessId, count } of plan.businesses)
      for (let i = 0; i < count; i += 1) {
        add({ businessId, userId: null }, i, count);
        if (rows.length === BATCH) await flush();
      }
    for (const { userId, count } of plan.persons)
      for (let i = 0; i < count; i += 1) {
        add({ businessId: null, userId }, i, count);
        if (rows.length === BATCH) await flush();
      }
    await flush();

    const readAt = dataSource.driver.preparePersistentValue(
      plan.now,
      dataSource.getMetadata(NoticeRead).findColumnWithPropertyName('readAt')!,
    ) as unknown;
    for (const reader of plan.readers ?? []) {
      const ids = [reader.userId, ...reader.businessIds].flatMap((key) => readIds.get(key) ?? []);
      // Every 1/share-th notice, so read and unread ones alternate through the list.
      const step = Math.max(1, Math.round(1 / reader.share));
      const chosen = ids.filter((_, i) => i % step === 0);
      for (let i = 0; i < chosen.length; i += BATCH) {
        const part = chosen.slice(i, i + BATCH);
        await manager.query(
          `INSERT INTO ${dataSource.driver.escape('notice_read')} (${['notice_id', 'user_id', 'read_at']
            .map((n) => dataSource.driver.escape(n))
            .join(', ')}) VALUES ${part.map(() => '(?, ?, ?)').join(', ')}`,
          part.flatMap((id) => [id, reader.userId, readAt]),
        );
        reads += part.length;
      }
    }
  });
  // Fresh statistics, as a database that grew to this size over time would have.
  if (dataSource.options.type === 'better-sqlite3') await dataSource.query('ANALYZE');
  else await dataSource.query('ANALYZE TABLE `notice`, `notice_read`');
  return { notices, reads };
}
