import { randomInt } from 'node:crypto';
import { type DataSource, type EntityManager } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { ownedBy } from '../../common/auth/access-directive.js';
import { type ProgramScope } from '../../common/auth/access-table.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { decodeCursor, keysetBefore, pageSize, toConnectionPage } from '../../common/graphql/connection.js';
import { type Problem } from '../../common/errors/problems.js';
import { type MessageKey } from '../../common/i18n/messages.js';
import { publish } from '../../common/events/event-bus.js';
import { recordBusinessAudit } from '../businesses/business-audit.service.js';
import { businessIdOfRegistry } from '../businesses/business-directory.service.js';
import { programAccountSummaries, type ProgramAccountSummary } from '../registry/registry-lookups.service.js';
import { RulingRequest } from './rulings.entities.js';
import { type RulingConnection, type RulingNode, RulingStatus, RulingType } from './rulings.types.js';
import { characterCount } from '../../common/rules/text-rules.js';
import { type ListConnection } from '../../common/graphql/list-connection.js';
import { entityColumns, hydrate } from '../../common/database/named-sql.js';
import { sqlListConnection, sqlListRows } from '../../common/graphql/sql-list-page.js';

export const RULING_TEXT_MAX_LENGTH = 2000;
export const CASE_NUMBER_MAX_LENGTH = 10;
/** `0000.00.00.00`: heading, subheading, tariff item, statistical suffix. */
export const CLASSIFICATION_PATTERN = /^\d{4}\.\d{2}\.\d{2}\.\d{2}$/;

const problem = (field: string[], code: string, params: Record<string, number> = {}): Problem => ({
  field,
  code,
  messageKey: `rulings.${field.at(-1)}.${code}` as MessageKey,
  params,
});

/** A ruling request as other modules receive it (its table stays this module's). */
export type Ruling = RulingRequest;

/** The API shape of a row, marked as its program account's for the guarded fields. */
export function rulingNode(row: RulingRequest, account: ProgramAccountSummary | null): RulingNode {
  return ownedBy<RulingNode>(
    {
      id: row.id,
      caseNumber: row.caseNumber,
      type: row.type,
      status: row.status,
      goodsDescription: row.goodsDescription,
      tariffClassification: row.tariffClassification || null,
      questions: row.questions,
      requestedAt: row.requestedAt,
      updatedAt: row.updatedAt,
      programAccount: {
        id: row.programAccountId,
        accountNumber: account?.accountNumber ?? '',
        name: account?.name ?? '',
      },
      decidedAt: row.decidedAt ?? null,
      agencyNoteEn: row.agencyNoteEn ?? '',
      agencyNoteFr: row.agencyNoteFr ?? '',
      businessId: row.businessId,
      programAccountId: row.programAccountId,
      requestedBy: row.requestedBy,
    },
    { businessId: row.businessId, programAccountId: row.programAccountId },
  );
}

async function nodesOf(dataSource: DataSource, rows: RulingRequest[]): Promise<Map<string, RulingNode>> {
  const byId = await programAccountSummaries(
    dataSource.manager,
    rows.map((row) => row.programAccountId),
  );
  return new Map(rows.map((row) => [row.id, rulingNode(row, byId.get(row.programAccountId) ?? null)]));
}

export function findRuling(dataSource: DataSource, id: string): Promise<RulingRequest | null> {
  return dataSource.getRepository(RulingRequest).findOneBy({ id });
}

/** The ruling of a case number; null for anything that is not one (too long, unknown). */
export function findRulingByCase(dataSource: DataSource, caseNumber: string): Promise<RulingRequest | null> {
  const value = caseNumber.trim();
  if (!value || value.length > CASE_NUMBER_MAX_LENGTH) return Promise.resolve(null);
  return dataSource.getRepository(RulingRequest).findOneBy({ caseNumber: value });
}

export async function rulingById(dataSource: DataSource, id: string): Promise<RulingNode | null> {
  const row = await findRuling(dataSource, id);
  return row ? ((await nodesOf(dataSource, [row])).get(row.id) ?? null) : null;
}

/**
 * A page of a business's ruling requests, newest first: of one program account, or of every account in
 * `scope` (the caller's visible scope). Keyset cursors; BAD_USER_INPUT for a bad `first` or cursor.
 */
export async function listRulings(
  dataSource: DataSource,
  filter: { businessId: string; programAccountId?: string | null; scope: ProgramScope },
  page: { first?: number | null; after?: string | null },
): Promise<RulingConnection> {
  const size = pageSize(page.first, 20);
  const empty = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };
  let accounts: string[] | null = null;
  if (filter.scope !== 'ALL') accounts = [...filter.scope];
  if (filter.programAccountId) {
    if (accounts && !accounts.includes(filter.programAccountId)) return empty;
    accounts = [filter.programAccountId];
  }
  if (accounts && accounts.length === 0) return empty;
  const base = () => {
    const query = dataSource
      .getRepository(RulingRequest)
      .createQueryBuilder('r')
      .where('r.business_id = :businessId', { businessId: filter.businessId });
    if (accounts) query.andWhere('r.program_account_id IN (:...accounts)', { accounts });
    return query;
  };
  const query = base();
  if (page.after) {
    const keyset = keysetBefore('r.requested_at', 'r.id', decodeCursor(page.after));
    query.andWhere(keyset.sql, keyset.params);
  }
  const [rows, totalCount] = await Promise.all([
    query
      .orderBy('r.requested_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .take(size + 1)
      .getMany(),
    base().getCount(),
  ]);
  const nodes = await nodesOf(dataSource, rows);
  return {
    ...toConnectionPage(
      rows,
      size,
      (row) => ({ at: row.requestedAt, id: row.id }),
      (row) => nodes.get(row.id)!,
    ),
    totalCount,
  };
}

export interface RequestRulingValues {
  programAccountId: string;
  type: RulingType;
  goodsDescription: string;
  tariffClassification?: string | null;
  questions: string;
}

function textProblems(value: string, field: string): Problem[] {
  const text = value.trim();
  if (!text) return [problem(['input', field], 'REQUIRED')];
  if (characterCount(text) > RULING_TEXT_MAX_LENGTH)
    return [problem(['input', field], 'TOO_LONG', { max: RULING_TEXT_MAX_LENGTH })];
  return [];
}

/** Problems of a ruling request's input, in field order (nothing is written when there are any). */
export function requestProblems(input: RequestRulingValues): Problem[] {
  const classification = (input.tariffClassification ?? '').trim();
  return [
    ...(Object.values(RulingType).includes(input.type) ? [] : [problem(['input', 'type'], 'REQUIRED')]),
    ...textProblems(input.goodsDescription, 'goodsDescription'),
    ...(classification && !CLASSIFICATION_PATTERN.test(classification)
      ? [problem(['input', 'tariffClassification'], 'INVALID_FORMAT')]
      : []),
    ...textProblems(input.questions, 'questions'),
  ];
}

/** A new case number: 10 digits starting with 8, as the agency's are. */
function newCaseNumber(): string {
  return `8${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

/**
 * Records a ruling request (status SUBMITTED) with a new unique case number, for a program account of a
 * registered business; audit RULING_REQUESTED on the business, domain event RULING_REQUESTED. The
 * directive has checked REQUESTS_AND_TRANSACTIONS EDIT on the account. Problems: REQUIRED, TOO_LONG,
 * INVALID_FORMAT.
 */
export async function requestRuling(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: RequestRulingValues,
): Promise<{ ok: true; ruling: RulingNode } | { ok: false; problems: Problem[] }> {
  const problems = requestProblems(input);
  if (problems.length) return { ok: false, problems };
  const now = config.now();
  for (let attempt = 0; ; attempt++) {
    try {
      const row = await inTransaction(dataSource, async (manager) => {
        const account = (await programAccountSummaries(manager, [input.programAccountId])).get(
          input.programAccountId,
        );
        const businessId = account && (await businessIdOfRegistry(manager, account.businessId));
        // The access check let the caller ask for this account: it exists, and its business is registered.
        if (!account || !businessId)
          throw new Error(`ruling request: program account ${input.programAccountId} not found`);
        const ruling: RulingRequest = {
          id: timeOrderedId(now.getTime()),
          caseNumber: newCaseNumber(),
          businessId,
          programAccountId: account.id,
          type: input.type,
          status: RulingStatus.SUBMITTED,
          goodsDescription: input.goodsDescription.trim(),
          tariffClassification: (input.tariffClassification ?? '').trim(),
          questions: input.questions.trim(),
          requestedBy: actorId,
          requestedAt: now,
          updatedAt: now,
          agencyNoteEn: '',
          agencyNoteFr: '',
          decidedAt: null,
        };
        await manager.insert(RulingRequest, ruling);
        await recordBusinessAudit(manager, {
          registryBusinessId: account.businessId,
          type: 'RULING_REQUESTED',
          actorId,
          details: { case: ruling.caseNumber, account: account.accountNumber, type: ruling.type },
          occurredAt: now,
        });
        await publish(
          manager,
          {
            type: 'RULING_REQUESTED',
            payload: { rulingId: ruling.id, businessId, programAccountId: account.id, actorId },
          },
          now,
        );
        return ruling;
      });
      return { ok: true, ruling: (await nodesOf(dataSource, [row])).get(row.id)! };
    } catch (error) {
      // A case number drawn twice (one in a billion per pair): draw again.
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

// ---- The agency's side (decision 0046) ---------------------------------------------------------------------

/** The statuses an officer still has to act on, oldest request first in the queue. */
export const PENDING_RULING_STATUSES: readonly RulingStatus[] = [
  RulingStatus.SUBMITTED,
  RulingStatus.UNDER_REVIEW,
  RulingStatus.INFORMATION_REQUESTED,
];

/** Which status an officer may move a request to, from each: ISSUED and CLOSED are final. */
export const RULING_TRANSITIONS: Readonly<Record<RulingStatus, readonly RulingStatus[]>> = {
  [RulingStatus.SUBMITTED]: [RulingStatus.UNDER_REVIEW, RulingStatus.CLOSED],
  [RulingStatus.UNDER_REVIEW]: [RulingStatus.INFORMATION_REQUESTED, RulingStatus.ISSUED, RulingStatus.CLOSED],
  [RulingStatus.INFORMATION_REQUESTED]: [RulingStatus.UNDER_REVIEW, RulingStatus.ISSUED, RulingStatus.CLOSED],
  [RulingStatus.ISSUED]: [],
  [RulingStatus.CLOSED]: [],
};

/** The officers' queue: requests awaiting the agency (of `statuses`), oldest requested first; keyset pages. */
export async function rulingQueue(
  dataSource: DataSource,
  statuses: readonly RulingStatus[],
  page: { first?: number | null; after?: string | null },
): Promise<ListConnection<RulingNode>> {
  const {
    rows: raw,
    size,
    count,
  } = await sqlListRows<Record<string, unknown>>(
    dataSource,
    {
      select: entityColumns(dataSource, RulingRequest, 'r', 'e_'),
      from: 'ruling_request r',
      where: 'r.status IN (:...statuses)',
      params: { statuses: [...statuses] },
      order: { keys: [{ sql: 'r.requested_at', kind: 'date' }], id: 'r.id', direction: 'ASC' },
    },
    { first: page.first, after: page.after },
  );
  const rows = raw.map((row) => hydrate<RulingRequest>(dataSource, RulingRequest, row, 'e_')!);
  const nodes = await nodesOf(dataSource, rows.slice(0, size));
  return sqlListConnection(
    rows,
    size,
    (row) => ({ key: [row.requestedAt], id: row.id }),
    (row) => nodes.get(row.id)!,
    count,
  );
}

class Refused extends Error {
  constructor(readonly problems: Problem[]) {
    super('refused');
  }
}

function officerTextProblems(value: string | null | undefined, field: 'textEn' | 'textFr'): Problem[] {
  const text = (value ?? '').trim();
  if (!text) return [problem(['input', field], 'REQUIRED')];
  if (characterCount(text) > RULING_TEXT_MAX_LENGTH)
    return [problem(['input', field], 'TOO_LONG', { max: RULING_TEXT_MAX_LENGTH })];
  return [];
}

export interface DecideRulingValues {
  rulingId: string;
  status: RulingStatus;
  textEn?: string | null;
  textFr?: string | null;
}

/**
 * An officer moves a ruling request (RULING_TRANSITIONS): the change is dated (updated_at, and decided_at
 * when ISSUED or CLOSED), keeps the officer's text in both languages, is audited on the business
 * (RULING_STATUS_CHANGED) and published as the domain event RULING_STATUS_CHANGED, whose subscribers write
 * the webhook event and, for ISSUED and CLOSED, the letter (and so its notice) in the same transaction.
 * Problems: rulingId NOT_FOUND; status TRANSITION_NOT_ALLOWED (also when another officer moved it first);
 * textEn/textFr REQUIRED, TOO_LONG. Nothing is written when there are any.
 */
export async function decideRuling(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: DecideRulingValues,
): Promise<{ ok: true; ruling: RulingNode } | { ok: false; problems: Problem[] }> {
  const needsText = input.status !== RulingStatus.UNDER_REVIEW;
  const problems = needsText
    ? [...officerTextProblems(input.textEn, 'textEn'), ...officerTextProblems(input.textFr, 'textFr')]
    : [];
  if (problems.length) return { ok: false, problems };
  const now = config.now();
  const refused = problem(['input', 'status'], 'TRANSITION_NOT_ALLOWED');
  try {
    const row = await inTransaction(dataSource, async (manager: EntityManager) => {
      const ruling = await manager.findOneBy(RulingRequest, { id: input.rulingId });
      if (!ruling) throw new Refused([problem(['input', 'rulingId'], 'NOT_FOUND')]);
      const from = RULING_TRANSITIONS[ruling.status] ?? [];
      if (!from.includes(input.status)) throw new Refused([refused]);
      const final = input.status === RulingStatus.ISSUED || input.status === RulingStatus.CLOSED;
      const set: Partial<RulingRequest> = {
        status: input.status,
        updatedAt: now,
        ...(needsText
          ? { agencyNoteEn: (input.textEn ?? '').trim(), agencyNoteFr: (input.textFr ?? '').trim() }
          : {}),
        ...(final ? { decidedAt: now } : {}),
      };
      // Conditional on the status read: of two officers deciding at once, one wins, the other is refused.
      const changed = await manager
        .createQueryBuilder()
        .update(RulingRequest)
        .set(set)
        .where('id = :id AND status = :status', { id: ruling.id, status: ruling.status })
        .execute();
      if (changed.affected !== 1) throw new Refused([refused]);
      const updated: RulingRequest = { ...ruling, ...set };
      const account = (await programAccountSummaries(manager, [ruling.programAccountId])).get(
        ruling.programAccountId,
      );
      if (!account)
        throw new Error(`ruling ${ruling.id}: program account ${ruling.programAccountId} not found`);
      await recordBusinessAudit(manager, {
        registryBusinessId: account.businessId,
        type: 'RULING_STATUS_CHANGED',
        actorId,
        details: { case: ruling.caseNumber, from: ruling.status, to: input.status },
        occurredAt: now,
      });
      await publish(
        manager,
        {
          type: 'RULING_STATUS_CHANGED',
          payload: {
            rulingId: ruling.id,
            businessId: ruling.businessId,
            programAccountId: ruling.programAccountId,
            caseNumber: ruling.caseNumber,
            from: ruling.status,
            to: input.status,
            noteEn: updated.agencyNoteEn,
            noteFr: updated.agencyNoteFr,
            actorId,
          },
        },
        now,
      );
      return updated;
    });
    return { ok: true, ruling: (await nodesOf(dataSource, [row])).get(row.id)! };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: error.problems };
    throw error;
  }
}
