import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import mysql from 'mysql2/promise';
import { agencyDay } from '../../src/common/time/agency-date.js';
import { defaultFrom } from '../../src/modules/notices/notices.service.js';
import { type DatabaseConfig } from '../../src/database/data-source.js';

// The portfolio page's floor (docs/performance.md): the same answer as PORTFOLIO_QUERY (test/support/
// portfolio.ts) for a broker's API token, from SQL written by hand for this one page, run through the bare
// driver (better-sqlite3 or mysql2) and JSON.stringify. It checks the token, reads a page of clients joined to
// their businesses, the program accounts in scope of that page, and a page of the notices the token's person
// may see (their own, the broker's, and those of each client the relationship's type lets a provider see).
// Four statements. It is what the page costs at least, not a second implementation to maintain: the bench
// compares its answers with the server's page by page, so it cannot drift unnoticed.

type Row = Record<string, unknown>;

/** One way to run a statement with positional parameters, on either driver. */
export interface RawDatabase {
  all(sql: string, params: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
  /** Statements run so far. */
  statements: number;
}

export function openRawDatabase(config: DatabaseConfig): RawDatabase {
  if (config.type === 'sqlite') {
    const db = new Database(config.file, { readonly: true });
    const prepared = new Map<string, Database.Statement>();
    const raw: RawDatabase = {
      statements: 0,
      all(sql, params) {
        raw.statements += 1;
        let statement = prepared.get(sql);
        if (!statement) prepared.set(sql, (statement = db.prepare(sql)));
        return Promise.resolve(statement.all(...params) as Row[]);
      },
      close: () => Promise.resolve(void db.close()),
    };
    return raw;
  }
  // dateStrings: DATE and DATETIME as the text the server formats, as SQLite stores them.
  const pool = mysql.createPool({ uri: config.url, dateStrings: true, connectionLimit: 4 });
  const raw: RawDatabase = {
    statements: 0,
    async all(sql, params) {
      raw.statements += 1;
      const [rows] = await pool.query(sql, params);
      return rows as Row[];
    },
    close: () => pool.end(),
  };
  return raw;
}

/** An instant as both databases store it (UTC, 'YYYY-MM-DD HH:MM:SS.mmm'), and back to ISO. */
const toDb = (at: Date) => at.toISOString().replace('T', ' ').replace('Z', '');
const toIso = (stored: unknown) => `${String(stored).replace(' ', 'T').slice(0, 23)}Z`;

const cursor = (text: string) => Buffer.from(text, 'utf8').toString('base64url');
const uncursor = (value: string) => Buffer.from(value, 'base64url').toString('utf8').split('|');

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

const SINCE = 'COALESCE(r.decided_at, r.requested_at)';

/** The page as JSON text, as the server would send it (its `data`); null when the token is not valid. */
export async function portfolioFloor(
  db: RawDatabase,
  secret: string,
  variables: { after?: string | null; noticesAfter?: string | null },
  now: Date,
): Promise<string | null> {
  const [token] = await db.all(
    'SELECT business_id, created_by FROM api_token WHERE secret_hash = ? AND revoked_at IS NULL AND expires_at > ?',
    [createHash('sha256').update(secret).digest('hex'), toDb(now)],
  );
  if (!token) return null;
  const broker = String(token.business_id);
  const person = String(token.created_by);

  const after = variables.after ? uncursor(variables.after) : null;
  const afterAt = after ? toDb(new Date(after[0])) : null;
  const clients = await db.all(
    `SELECT r.id, r.type, ${SINCE} AS since, b.business_number, rb.operating_name, rb.legal_name
     FROM business_relationship r
     JOIN business b ON b.id = r.client_business_id
     JOIN registry_business rb ON rb.id = b.registry_business_id
     WHERE r.provider_business_id = ? AND r.status = 'ACCEPTED'
     ${after ? `AND (${SINCE} < ? OR (${SINCE} = ? AND r.id < ?))` : ''}
     ORDER BY since DESC, r.id DESC LIMIT 101`,
    after ? [broker, afterAt, afterAt, after[1]] : [broker],
  );
  const page = clients.slice(0, 100);
  const accounts = page.length
    ? await db.all(
        `SELECT r.id AS relationship_id, pa.account_number, pa.name
         FROM business_relationship r
         JOIN business b ON b.id = r.client_business_id
         JOIN registry_program_account pa ON pa.business_id = b.registry_business_id
         WHERE r.id IN (${placeholders(page.length)})
           AND (r.type = 'BUSINESS_MANAGEMENT' OR EXISTS (SELECT 1 FROM relationship_program_account x
             WHERE x.relationship_id = r.id AND x.program_account_id = pa.id))
         ORDER BY pa.account_number`,
        page.map((c) => c.id),
      )
    : [];
  const accountsOf = new Map<unknown, Array<{ accountNumber: unknown; name: unknown }>>();
  for (const a of accounts)
    accountsOf.set(a.relationship_id, [
      ...(accountsOf.get(a.relationship_id) ?? []),
      { accountNumber: a.account_number, name: a.name },
    ]);

  // The notices: the person's own, every notice of the broker, and a client's NOTICES-area notices (under
  // program management: those of no account or of an account the relationship names).
  const position = variables.noticesAfter ? uncursor(variables.noticesAfter) : null;
  const notices = await db.all(
    `SELECT n.id, n.display_date, n.type, n.subject_en, n.urgent, n.account_number, n.business_id
     FROM notice n
     WHERE n.display_date >= ? AND n.display_date <= ?
       ${position ? 'AND n.display_date <= ? AND (n.display_date < ? OR n.id < ?)' : ''}
       AND (n.recipient_user_id = ?
         OR (n.recipient_user_id IS NULL AND n.business_id = ?)
         OR (n.recipient_user_id IS NULL AND n.area = 'NOTICES' AND (
           -- Uncorrelated, each read once (a correlated EXISTS per notice took 16 to 26 s at 5,000 clients
           -- on SQLite: a walk of the broker's relationships for each of 10,000 notices). A relationship
           -- names accounts of its own client only, so an account in the list is a client's.
           n.business_id IN (SELECT r.client_business_id FROM business_relationship r
             WHERE r.provider_business_id = ? AND r.status = 'ACCEPTED' AND r.type = 'BUSINESS_MANAGEMENT')
           OR (n.program_account_id IS NULL AND n.business_id IN (SELECT r.client_business_id
             FROM business_relationship r WHERE r.provider_business_id = ? AND r.status = 'ACCEPTED'))
           OR n.program_account_id IN (SELECT x.program_account_id FROM relationship_program_account x
             JOIN business_relationship r ON r.id = x.relationship_id
             WHERE r.provider_business_id = ? AND r.status = 'ACCEPTED'))))
     ORDER BY n.display_date DESC, n.id DESC LIMIT 101`,
    [
      defaultFrom(now),
      agencyDay(now),
      ...(position ? [position[0], position[0], position[1]] : []),
      person,
      broker,
      broker,
      broker,
      broker,
    ],
  );
  const noticePage = notices.slice(0, 100);

  const clientEdges = page.map((c) => ({
    node: {
      id: c.id,
      type: c.type,
      since: toIso(c.since),
      client: { businessNumber: c.business_number, name: c.operating_name || c.legal_name },
      programAccounts: accountsOf.get(c.id) ?? [],
    },
  }));
  const last = page.at(-1);
  const lastNotice = noticePage.at(-1);
  return JSON.stringify({
    data: {
      viewerBusiness: {
        clients: {
          edges: clientEdges,
          pageInfo: {
            hasNextPage: clients.length > 100,
            endCursor: last ? cursor(`${toIso(last.since)}|${String(last.id)}`) : null,
          },
        },
      },
      notices: {
        edges: noticePage.map((n) => ({
          node: {
            id: n.id,
            displayDate: n.display_date,
            type: n.type,
            subject: n.subject_en,
            urgent: Boolean(n.urgent),
            accountNumber: n.account_number,
            businessId: n.business_id,
          },
        })),
        pageInfo: {
          hasNextPage: notices.length > 100,
          endCursor: lastNotice
            ? cursor(`${String(lastNotice.display_date)}|${String(lastNotice.id)}`)
            : null,
        },
      },
    },
  });
}
