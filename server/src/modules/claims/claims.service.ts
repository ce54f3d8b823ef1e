import { randomInt } from 'node:crypto';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { type AppConfig } from '../../config/env.js';
import { ownedBy } from '../../common/auth/access-directive.js';
import { type ProgramScope } from '../../common/auth/access-table.js';
import { inTransaction, isUniqueViolation } from '../../common/database/transactions.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { publish } from '../../common/events/event-bus.js';
import { type Problem } from '../../common/errors/problems.js';
import { entityColumns, hydrate } from '../../common/database/named-sql.js';
import { type ListConnection } from '../../common/graphql/list-connection.js';
import { type SqlListOrder, sqlListConnection, sqlListRows } from '../../common/graphql/sql-list-page.js';
import { type Language } from '../../common/i18n/language.js';
import { characterCount } from '../../common/rules/text-rules.js';
import { agencyDay } from '../../common/time/agency-date.js';
import { recordBusinessAudit, type AuditDetails } from '../businesses/business-audit.service.js';
import { businessIdOfRegistry, registryIdOfBusiness } from '../businesses/business-directory.service.js';
import { type TariffTreatment } from '../calculator/calculator.types.js';
import {
  programAccountSummaries,
  type ProgramAccountSummary,
  transactionSummary,
  type TransactionSummary,
} from '../registry/registry-lookups.service.js';
import { Claim, ClaimEvent, ClaimLine, Repayment } from './claims.entities.js';
import {
  CLAIM_TEXT_MAX_LENGTH,
  type ClaimContentValues,
  computeClaim,
  isCalendarDate,
  APPROVED_STATUSES,
  HELD_STATUSES,
  OPEN_STATUSES,
  PENDING_STATUSES,
  problem,
  transactionProblems,
} from './claims.rules.js';
import {
  type ClaimConnection,
  type ClaimHistoryEntry,
  type ClaimIndicators,
  type ClaimLineNode,
  type ClaimNode,
  ClaimStatus,
  ClaimType,
  type RepaymentConnection,
  RepaymentMethod,
  type RepaymentNode,
  RepaymentStatus,
} from './claims.types.js';

// Claims and repayments (docs/claims.md). Every change is one transaction: the claim, its lines, its history
// entry, the business audit and the domain event commit together or not at all. Status changes are
// conditional UPDATEs (`WHERE status IN (...)`), so of two concurrent changes of one claim exactly one wins.

type Result<T> = ({ ok: true } & T) | { ok: false; problems: Problem[] };

class Refused extends Error {
  constructor(readonly problems: Problem[]) {
    super('refused');
  }
}

async function refusedToProblems<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problems: error.problems };
    throw error;
  }
}

const EMPTY = { edges: [], pageInfo: { hasNextPage: false, endCursor: null }, totalCount: 0 };

// ---- Reading ------------------------------------------------------------------------------------------------

function lineNode(line: ClaimLine): ClaimLineNode {
  return {
    lineNumber: line.lineNumber,
    originalCents: line.originalCents,
    correctedClassification: line.correctedClassification || null,
    correctedValueForDutyCents: line.correctedValueCents || null,
    correctedTreatment: (line.correctedTreatment || null) as TariffTreatment | null,
    quantity: line.quantityThousandths ? line.quantityThousandths / 1000 : null,
    correctedCents: line.correctedCents,
    refundCents: line.refundCents,
  };
}

export function claimNode(
  row: Claim,
  lines: ClaimLine[],
  account: ProgramAccountSummary | null,
  lang: Language,
): ClaimNode {
  const reason = lang === 'fr' ? row.decisionReasonFr : row.decisionReasonEn;
  return ownedBy<ClaimNode>(
    {
      id: row.id,
      caseNumber: row.caseNumber,
      type: row.type,
      correctionKind: row.correctionKind || null,
      exportDate: row.exportDate || null,
      exportDestination: row.exportDestination || null,
      reason: row.reason,
      status: row.status,
      claimedCents: row.claimedCents,
      approvedCents: row.approvedCents,
      decisionReason: reason || null,
      transaction: {
        id: row.transactionId,
        transactionNumber: row.transactionNumber,
        transactionDate: row.transactionDate,
      },
      programAccount: {
        id: row.programAccountId,
        accountNumber: account?.accountNumber ?? '',
        name: account?.name ?? '',
      },
      lines: lines.map(lineNode),
      createdAt: row.createdAt,
      submittedAt: row.submittedAt,
      decidedAt: row.decidedAt,
      updatedAt: row.updatedAt,
      businessId: row.businessId,
      programAccountId: row.programAccountId,
      decisionReasonEn: row.decisionReasonEn,
      decisionReasonFr: row.decisionReasonFr,
    },
    { businessId: row.businessId, programAccountId: row.programAccountId },
  );
}

/** Nodes of claim rows: their lines and accounts in one statement each. */
async function nodesOf(
  manager: EntityManager,
  rows: Claim[],
  lang: Language,
): Promise<Map<string, ClaimNode>> {
  if (!rows.length) return new Map();
  const [lines, accounts] = await Promise.all([
    manager.find(ClaimLine, {
      where: { claimId: In(rows.map((row) => row.id)) },
      order: { lineNumber: 'ASC' },
    }),
    programAccountSummaries(
      manager,
      rows.map((row) => row.programAccountId),
    ),
  ]);
  return new Map(
    rows.map((row) => [
      row.id,
      claimNode(
        row,
        lines.filter((line) => line.claimId === row.id),
        accounts.get(row.programAccountId) ?? null,
        lang,
      ),
    ]),
  );
}

export function findClaim(dataSource: DataSource, id: string): Promise<Claim | null> {
  return dataSource.getRepository(Claim).findOneBy({ id });
}

/** An open claim (documents may still be added) by case number, as the documents module takes a case. */
export async function findOpenClaimByCase(
  dataSource: DataSource,
  caseNumber: string,
): Promise<{
  kind: 'CLAIM';
  id: string;
  caseNumber: string;
  businessId: string;
  programAccountId: string;
} | null> {
  const value = caseNumber.trim();
  if (!/^\d{10}$/.test(value)) return null;
  const row = await dataSource
    .getRepository(Claim)
    .findOneBy({ caseNumber: value, status: In([...OPEN_STATUSES]) });
  return row
    ? {
        kind: 'CLAIM',
        id: row.id,
        caseNumber: row.caseNumber,
        businessId: row.businessId,
        programAccountId: row.programAccountId,
      }
    : null;
}

export function findRepayment(dataSource: DataSource, id: string): Promise<Repayment | null> {
  return dataSource.getRepository(Repayment).findOneBy({ id });
}

export async function claimById(
  dataSource: DataSource,
  id: string,
  lang: Language,
): Promise<ClaimNode | null> {
  const row = await findClaim(dataSource, id);
  return row ? ((await nodesOf(dataSource.manager, [row], lang)).get(row.id) ?? null) : null;
}

/** The timeline of claims (oldest first), for a page of claims: one statement. */
export async function claimHistories(
  dataSource: DataSource,
  claimIds: readonly string[],
  lang: Language,
): Promise<ClaimHistoryEntry[][]> {
  const rows = await dataSource.getRepository(ClaimEvent).find({
    where: { claimId: In([...claimIds]) },
    order: { occurredAt: 'ASC', id: 'ASC' },
  });
  return claimIds.map((id) =>
    rows
      .filter((row) => row.claimId === id)
      .map((row) => ({
        id: row.id,
        status: row.status,
        isAnswer: row.isAnswer,
        byAgency: row.byAgency,
        note: (lang === 'fr' && row.noteFr ? row.noteFr : row.note) || null,
        occurredAt: row.occurredAt,
      })),
  );
}

export interface ClaimFilter {
  businessId: string;
  programAccountId?: string | null;
  scope: ProgramScope;
  status?: ClaimStatus | null;
}

type PageArgs = { first?: number | null; after?: string | null };

const NEWEST_FIRST = (alias: string): SqlListOrder => ({
  keys: [{ sql: `${alias}.created_at`, kind: 'date' }],
  id: `${alias}.id`,
  direction: 'DESC',
});

/**
 * One page of an entity's list through the server's shared SQL paging (sql-list-page.ts): keyset and
 * `LIMIT size + 1` in SQL, the list cursors, and a count that runs only when `totalCount` is selected.
 */
async function entityPage<E, N>(
  dataSource: DataSource,
  entity: new () => E,
  query: { from: string; alias: string; where: string; params: Record<string, unknown>; order: SqlListOrder },
  page: PageArgs,
  at: (row: E) => Date,
  nodes: (rows: E[]) => Promise<Map<string, N>>,
): Promise<ListConnection<N>> {
  const {
    rows: raw,
    size,
    count,
  } = await sqlListRows<Record<string, unknown>>(
    dataSource,
    {
      select: entityColumns(dataSource, entity, query.alias, 'e_'),
      from: `${query.from} ${query.alias}`,
      where: query.where,
      params: query.params,
      order: query.order,
    },
    { first: page.first, after: page.after },
  );
  const rows = raw.map((row) => hydrate(dataSource, entity, row, 'e_')!) as Array<E & { id: string }>;
  const made = await nodes(rows.slice(0, size));
  return sqlListConnection(
    rows,
    size,
    (row) => ({ key: [at(row)], id: row.id }),
    (row) => made.get(row.id)!,
    count,
  );
}

/** A page of a business's claims, newest first, of the accounts in `scope`. */
export async function listClaims(
  dataSource: DataSource,
  filter: ClaimFilter,
  page: PageArgs,
  lang: Language,
): Promise<ClaimConnection> {
  let accounts: string[] | null = filter.scope === 'ALL' ? null : [...filter.scope];
  if (filter.programAccountId) {
    if (accounts && !accounts.includes(filter.programAccountId)) return EMPTY;
    accounts = [filter.programAccountId];
  }
  if (accounts && accounts.length === 0) return EMPTY;
  const where = ['c.business_id = :businessId'];
  if (accounts) where.push('c.program_account_id IN (:...accounts)');
  if (filter.status) where.push('c.status = :status');
  return entityPage(
    dataSource,
    Claim,
    {
      from: 'claim',
      alias: 'c',
      where: where.join(' AND '),
      params: { businessId: filter.businessId, accounts, status: filter.status },
      order: NEWEST_FIRST('c'),
    },
    page,
    (row) => row.createdAt,
    (rows) => nodesOf(dataSource.manager, rows, lang),
  );
}

/** The officer queue: claims in `statuses`, oldest submitted first. */
export function claimQueue(
  dataSource: DataSource,
  statuses: readonly ClaimStatus[],
  page: PageArgs,
  lang: Language,
): Promise<ClaimConnection> {
  return entityPage(
    dataSource,
    Claim,
    {
      from: 'claim',
      alias: 'c',
      where: 'c.status IN (:...statuses)',
      params: { statuses: [...statuses] },
      order: { keys: [{ sql: 'c.submitted_at', kind: 'date' }], id: 'c.id', direction: 'ASC' },
    },
    page,
    (row) => row.submittedAt!,
    (rows) => nodesOf(dataSource.manager, rows, lang),
  );
}

export function repaymentNode(row: Repayment, caseNumber: string, lang: Language): RepaymentNode {
  const reason = lang === 'fr' ? row.unpaidReasonFr : row.unpaidReasonEn;
  return ownedBy<RepaymentNode>(
    {
      id: row.id,
      claimId: row.claimId,
      caseNumber,
      amountCents: row.amountCents,
      status: row.status,
      method: row.method || null,
      paidOn: row.paidOn || null,
      unpaidReason: reason || null,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      businessId: row.businessId,
      programAccountId: row.programAccountId,
    },
    { businessId: row.businessId, programAccountId: row.programAccountId },
  );
}

async function repaymentNodes(manager: EntityManager, rows: Repayment[], lang: Language) {
  const claims = rows.length
    ? await manager.find(Claim, {
        select: { id: true, caseNumber: true },
        where: { id: In(rows.map((row) => row.claimId)) },
      })
    : [];
  const cases = new Map(claims.map((claim) => [claim.id, claim.caseNumber]));
  return new Map(rows.map((row) => [row.id, repaymentNode(row, cases.get(row.claimId) ?? '', lang)]));
}

export async function repaymentOfClaims(
  dataSource: DataSource,
  claimIds: readonly string[],
  lang: Language,
): Promise<Array<RepaymentNode | null>> {
  const rows = await dataSource.getRepository(Repayment).findBy({ claimId: In([...claimIds]) });
  const nodes = await repaymentNodes(dataSource.manager, rows, lang);
  return claimIds.map((id) => {
    const row = rows.find((candidate) => candidate.claimId === id);
    return row ? nodes.get(row.id)! : null;
  });
}

/** A page of a program account's repayments, newest first. */
export function listRepayments(
  dataSource: DataSource,
  programAccountId: string,
  status: RepaymentStatus | null,
  page: PageArgs,
  lang: Language,
): Promise<RepaymentConnection> {
  return entityPage(
    dataSource,
    Repayment,
    {
      from: 'claim_repayment',
      alias: 'r',
      where: `r.program_account_id = :programAccountId${status ? ' AND r.status = :status' : ''}`,
      params: { programAccountId, status },
      order: NEWEST_FIRST('r'),
    },
    page,
    (row) => row.createdAt,
    (rows) => repaymentNodes(dataSource.manager, rows, lang),
  );
}

/**
 * The indicators of the program accounts `accounts` of a business (null: all of them): two grouped
 * statements, whatever the number of claims.
 */
export async function claimIndicators(
  dataSource: DataSource,
  businessId: string,
  accounts: readonly string[] | null,
): Promise<ClaimIndicators> {
  const indicators: ClaimIndicators = {
    inProgressCount: 0,
    submittedCount: 0,
    approvedCount: 0,
    openClaimedCents: 0,
    payableCount: 0,
    payableCents: 0,
    paidCents: 0,
    unpaidCents: 0,
  };
  if (accounts && accounts.length === 0) return indicators;
  const claims = dataSource
    .getRepository(Claim)
    .createQueryBuilder('c')
    .select('c.status', 'status')
    .addSelect('COUNT(*)', 'count')
    .addSelect('SUM(c.claimed_cents)', 'cents')
    .where('c.business_id = :businessId', { businessId })
    .groupBy('c.status');
  const repayments = dataSource
    .getRepository(Repayment)
    .createQueryBuilder('r')
    .select('r.status', 'status')
    .addSelect('COUNT(*)', 'count')
    .addSelect('SUM(r.amount_cents)', 'cents')
    .where('r.business_id = :businessId', { businessId })
    .groupBy('r.status');
  if (accounts) {
    claims.andWhere('c.program_account_id IN (:...accounts)', { accounts });
    repayments.andWhere('r.program_account_id IN (:...accounts)', { accounts });
  }
  const [claimRows, repaymentRows] = await Promise.all([
    claims.getRawMany<{ status: ClaimStatus; count: string | number; cents: string | number | null }>(),
    repayments.getRawMany<{
      status: RepaymentStatus;
      count: string | number;
      cents: string | number | null;
    }>(),
  ]);
  for (const row of claimRows) {
    const count = Number(row.count);
    if (row.status === ClaimStatus.IN_PROGRESS) indicators.inProgressCount += count;
    if (PENDING_STATUSES.includes(row.status)) {
      indicators.submittedCount += count;
      indicators.openClaimedCents += Number(row.cents ?? 0);
    }
    if (row.status === ClaimStatus.APPROVED || row.status === ClaimStatus.PARTIALLY_APPROVED)
      indicators.approvedCount += count;
  }
  for (const row of repaymentRows) {
    const cents = Number(row.cents ?? 0);
    if (row.status === RepaymentStatus.PAYABLE) {
      indicators.payableCount += Number(row.count);
      indicators.payableCents += cents;
    } else if (row.status === RepaymentStatus.PAID) indicators.paidCents += cents;
    else indicators.unpaidCents += cents;
  }
  return indicators;
}

// ---- Filing and changing a claim (the claimant) ---------------------------------------------------------------

/** A new case number: 10 digits starting with 7 (ruling cases start with 8). */
function newCaseNumber(): string {
  return `7${String(randomInt(0, 1_000_000_000)).padStart(9, '0')}`;
}

function lineRows(
  claimId: string,
  transactionId: string,
  now: Date,
  content: ReturnType<typeof computeClaim>,
) {
  if (!content.ok) return [];
  return content.lines.map((line): ClaimLine => ({
    id: timeOrderedId(now.getTime()),
    claimId,
    lineNumber: line.lineNumber,
    openKey: `${transactionId}:${line.lineNumber}`,
    originalCents: line.originalCents,
    correctedClassification: line.correctedClassification,
    correctedValueCents: line.correctedValueCents,
    correctedTreatment: line.correctedTreatment,
    quantityThousandths: line.quantityThousandths,
    correctedCents: line.correctedCents,
    refundCents: line.refundCents,
  }));
}

/**
 * Lines another claim on the transaction holds (open or approved): LINE_ALREADY_CLAIMED for each, named. Read
 * by status rather than `open_key`, so that claims approved before approvals kept their lines count too; the
 * unique index on `open_key` is what holds under concurrency.
 */
async function heldLines(
  manager: EntityManager,
  transactionId: string,
  lineNumbers: number[],
  exceptClaimId: string | null,
): Promise<Problem[]> {
  if (!lineNumbers.length) return [];
  const held = await manager
    .createQueryBuilder(ClaimLine, 'l')
    .innerJoin(Claim, 'c', 'c.id = l.claim_id')
    .select('l.line_number', 'line')
    .addSelect('l.claim_id', 'claimId')
    .where('c.transaction_id = :transactionId', { transactionId })
    .andWhere('c.status IN (:...held)', { held: [...HELD_STATUSES] })
    .andWhere('l.line_number IN (:...lineNumbers)', { lineNumbers })
    .orderBy('l.line_number', 'ASC')
    .getRawMany<{ line: number | string; claimId: string }>();
  return held
    .filter((line) => line.claimId !== exceptClaimId)
    .map((line) => problem(['input', 'lines'], 'LINE_ALREADY_CLAIMED', { line: Number(line.line) }));
}

/**
 * The cap across a transaction's claims: what the lines of its other claims (open or approved) paid, with
 * this claim's lines, may not exceed the transaction's duties and taxes, so the refunds of all its claims
 * together never exceed what was paid on it. OVER_TRANSACTION_CLAIMS says how much is left to claim on.
 */
async function transactionCapProblems(
  manager: EntityManager,
  transaction: TransactionSummary,
  linesPaidCents: number,
  exceptClaimId: string | null,
): Promise<Problem[]> {
  const query = manager
    .createQueryBuilder(ClaimLine, 'l')
    .innerJoin(Claim, 'c', 'c.id = l.claim_id')
    .select('SUM(l.original_cents)', 'cents')
    .where('c.transaction_id = :transactionId', { transactionId: transaction.id })
    .andWhere('c.status IN (:...held)', { held: [...HELD_STATUSES] });
  if (exceptClaimId) query.andWhere('c.id <> :exceptClaimId', { exceptClaimId });
  const row = await query.getRawOne<{ cents: number | string | null }>();
  const others = Number(row?.cents ?? 0);
  if (others + linesPaidCents <= transaction.dutiesAndTaxesCents) return [];
  return [
    problem(['input', 'lines'], 'OVER_TRANSACTION_CLAIMS', {
      cents: Math.max(0, transaction.dutiesAndTaxesCents - others),
    }),
  ];
}

/** What the approved claims on a transaction repay, other than `exceptClaimId`. */
async function approvedOnTransaction(
  manager: EntityManager,
  transactionId: string,
  exceptClaimId: string,
): Promise<number> {
  const row = await manager
    .createQueryBuilder(Claim, 'c')
    .select('SUM(c.approved_cents)', 'cents')
    .where('c.transaction_id = :transactionId', { transactionId })
    .andWhere('c.status IN (:...approved)', { approved: [...APPROVED_STATUSES] })
    .andWhere('c.id <> :exceptClaimId', { exceptClaimId })
    .getRawOne<{ cents: number | string | null }>();
  return Number(row?.cents ?? 0);
}

const linesPaid = (lines: ReadonlyArray<{ originalCents: number }>) =>
  lines.reduce((sum, line) => sum + line.originalCents, 0);

function contentColumns(input: ClaimContentValues) {
  const drawback = input.type === ClaimType.DRAWBACK;
  return {
    type: input.type,
    correctionKind: drawback ? ('' as const) : (input.correctionKind ?? ''),
    exportDate: drawback ? (input.exportDate ?? '').trim() : '',
    exportDestination: drawback ? (input.exportDestination ?? '').trim().toUpperCase() : '',
    reason: input.reason.trim(),
  };
}

async function audit(
  manager: EntityManager,
  claim: Claim,
  type: 'CLAIM_FILED' | 'CLAIM_SUBMITTED' | 'CLAIM_STATUS_CHANGED' | 'REPAYMENT_STATUS_CHANGED',
  actorId: string | null,
  details: AuditDetails,
  now: Date,
) {
  await recordBusinessAudit(manager, {
    registryBusinessId: await registryIdOfBusiness(manager, claim.businessId),
    type,
    actorId,
    details: { case: claim.caseNumber, ...details },
    occurredAt: now,
  });
}

async function history(
  manager: EntityManager,
  claimId: string,
  status: ClaimStatus,
  actorId: string,
  now: Date,
  note = '',
  noteFr = '',
  isAnswer = false,
  byAgency = false,
) {
  await manager.insert(ClaimEvent, {
    id: timeOrderedId(now.getTime()),
    claimId,
    status,
    note,
    noteFr,
    isAnswer,
    byAgency,
    actorId,
    occurredAt: now,
  });
}

/**
 * Files a claim on a transaction as a draft (IN_PROGRESS), its refund computed from the lines. The directive
 * has checked REQUESTS_AND_TRANSACTIONS EDIT on the transaction's program account. Problems: the content's,
 * NOT_CLAIMABLE, TIME_LIMIT_PASSED, LINE_ALREADY_CLAIMED.
 */
export async function fileClaim(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: ClaimContentValues & { transactionId: string; idempotencyKey?: string | null },
  lang: Language,
): Promise<Result<{ claim: ClaimNode }>> {
  const now = config.now();
  const today = agencyDay(now);
  const key = (input.idempotencyKey ?? '').trim();
  if (key && !/^[A-Za-z0-9_-]{1,64}$/.test(key))
    return { ok: false, problems: [problem(['input', 'idempotencyKey'], 'INVALID')] };
  // The key belongs to the person filing (a token files as its creator), never to their business: another
  // member's or provider's key must not answer their claim. A key reused for another transaction is refused.
  const scopedKey = key ? `${actorId}:${key}` : null;
  const keyed = async (): Promise<ClaimNode | 'REUSED' | null> => {
    if (!scopedKey) return null;
    const row = await dataSource.getRepository(Claim).findOneBy({ idempotencyKey: scopedKey });
    if (!row) return null;
    if (row.transactionId !== input.transactionId) return 'REUSED';
    return (await nodesOf(dataSource.manager, [row], lang)).get(row.id) ?? null;
  };
  const earlier = await keyed();
  if (earlier === 'REUSED') return { ok: false, problems: [problem(['input', 'idempotencyKey'], 'REUSED')] };
  if (earlier) return { ok: true, claim: earlier };
  for (let attempt = 0; ; attempt++) {
    try {
      const result = await refusedToProblems(() =>
        inTransaction(dataSource, async (manager) => {
          // Locked: the claims on one transaction are written one at a time (the cap across them).
          const transaction = await transactionSummary(manager, input.transactionId, { forUpdate: true });
          // The access check found the transaction's account: it exists.
          if (!transaction) throw new Error(`claim: transaction ${input.transactionId} not found`);
          const refused = transactionProblems(transaction, input.type, today);
          if (refused.length) throw new Refused(refused);
          const content = computeClaim(input, transaction, today, lang);
          if (!content.ok) throw new Refused(content.problems);
          const held = await heldLines(
            manager,
            transaction.id,
            content.lines.map((line) => line.lineNumber),
            null,
          );
          if (held.length) throw new Refused(held);
          const capped = await transactionCapProblems(manager, transaction, linesPaid(content.lines), null);
          if (capped.length) throw new Refused(capped);
          const account = (await programAccountSummaries(manager, [transaction.programAccountId])).get(
            transaction.programAccountId,
          )!;
          const businessId = await businessIdOfRegistry(manager, account.businessId);
          if (!businessId) throw new Error(`claim: business of account ${account.id} not registered`);
          const claim: Claim = {
            id: timeOrderedId(now.getTime()),
            caseNumber: newCaseNumber(),
            businessId,
            programAccountId: account.id,
            transactionId: transaction.id,
            transactionNumber: transaction.transactionNumber,
            transactionDate: transaction.transactionDate,
            ...contentColumns(input),
            status: ClaimStatus.IN_PROGRESS,
            claimedCents: content.claimedCents,
            approvedCents: null,
            decisionReasonEn: '',
            decisionReasonFr: '',
            attestedBy: null,
            idempotencyKey: scopedKey,
            createdBy: actorId,
            createdAt: now,
            submittedAt: null,
            decidedAt: null,
            updatedAt: now,
          };
          await manager.insert(Claim, claim);
          await manager.insert(ClaimLine, lineRows(claim.id, transaction.id, now, content));
          await history(manager, claim.id, ClaimStatus.IN_PROGRESS, actorId, now);
          await audit(
            manager,
            claim,
            'CLAIM_FILED',
            actorId,
            { transaction: transaction.transactionNumber, type: claim.type, cents: claim.claimedCents },
            now,
          );
          await publish(
            manager,
            {
              type: 'CLAIM_FILED',
              payload: {
                claimId: claim.id,
                businessId,
                programAccountId: account.id,
                caseNumber: claim.caseNumber,
                actorId,
              },
            },
            now,
          );
          return { ok: true as const, claim: (await nodesOf(manager, [claim], lang)).get(claim.id)! };
        }),
      );
      return result;
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 5) {
        // The same key filed concurrently: answer that claim.
        const concurrent = await keyed();
        if (concurrent === 'REUSED')
          return { ok: false, problems: [problem(['input', 'idempotencyKey'], 'REUSED')] };
        if (concurrent) return { ok: true, claim: concurrent };
        // A line taken by a concurrent claim: said as such; else a case number drawn twice: draw again.
        const taken = await heldLines(
          dataSource.manager,
          input.transactionId,
          input.lines.map((line) => line.lineNumber),
          null,
        );
        if (taken.length) return { ok: false, problems: taken };
        continue;
      }
      throw error;
    }
  }
}

/**
 * Replaces a draft's content (IN_PROGRESS only). Not audited: a draft is the claimant's own until it is
 * submitted, and the submission is. Problems: as fileClaim, and NOT_IN_PROGRESS.
 */
export async function updateClaim(
  dataSource: DataSource,
  config: AppConfig,
  input: ClaimContentValues & { claimId: string },
  lang: Language,
): Promise<Result<{ claim: ClaimNode }>> {
  const now = config.now();
  const today = agencyDay(now);
  try {
    return await refusedToProblems(() =>
      inTransaction(dataSource, async (manager) => {
        const claim = await manager.findOneBy(Claim, { id: input.claimId });
        if (!claim) throw new Error(`claim ${input.claimId} not found`);
        if (claim.status !== ClaimStatus.IN_PROGRESS)
          throw new Refused([problem(['input', 'claimId'], 'NOT_IN_PROGRESS')]);
        const transaction = (await transactionSummary(manager, claim.transactionId, { forUpdate: true }))!;
        const refused = transactionProblems(transaction, input.type, today);
        if (refused.length) throw new Refused(refused);
        const content = computeClaim(input, transaction, today, lang);
        if (!content.ok) throw new Refused(content.problems);
        const held = await heldLines(
          manager,
          transaction.id,
          content.lines.map((line) => line.lineNumber),
          claim.id,
        );
        if (held.length) throw new Refused(held);
        const capped = await transactionCapProblems(manager, transaction, linesPaid(content.lines), claim.id);
        if (capped.length) throw new Refused(capped);
        const changed = await manager.update(
          Claim,
          { id: claim.id, status: ClaimStatus.IN_PROGRESS },
          { ...contentColumns(input), claimedCents: content.claimedCents, updatedAt: now },
        );
        if (changed.affected !== 1) throw new Refused([problem(['input', 'claimId'], 'NOT_IN_PROGRESS')]);
        await manager.delete(ClaimLine, { claimId: claim.id });
        await manager.insert(ClaimLine, lineRows(claim.id, transaction.id, now, content));
        const updated = (await manager.findOneBy(Claim, { id: claim.id }))!;
        return { ok: true as const, claim: (await nodesOf(manager, [updated], lang)).get(claim.id)! };
      }),
    );
  } catch (error) {
    if (isUniqueViolation(error))
      return { ok: false, problems: [problem(['input', 'lines'], 'LINE_ALREADY_CLAIMED', { line: '' })] };
    throw error;
  }
}

interface Transition {
  claimId: string;
  from: readonly ClaimStatus[];
  to: ClaimStatus;
  actorId: string;
  /** Extra columns set with the status. */
  set?: Partial<Claim>;
  note?: string;
  noteFr?: string;
  /** The claimant's answer to a request for information (the timeline says so). */
  isAnswer?: boolean;
  /** An officer acts. */
  byAgency?: boolean;
  /** The audit's and the event's words for the change. */
  auditDetails?: AuditDetails;
  refusal: Problem;
}

/** One conditional status change with its history, audit and event; refuses with `refusal` if it lost. */
async function transition(manager: EntityManager, step: Transition, now: Date): Promise<Claim> {
  const claim = await manager.findOneBy(Claim, { id: step.claimId });
  if (!claim) throw new Error(`claim ${step.claimId} not found`);
  const changed = await manager
    .createQueryBuilder()
    .update(Claim)
    .set({ ...step.set, status: step.to, updatedAt: now })
    .where('id = :id AND status IN (:...from)', { id: claim.id, from: [...step.from] })
    .execute();
  if (changed.affected !== 1) throw new Refused([step.refusal]);
  // A rejected or withdrawn claim frees its lines for another claim; an approved one keeps them.
  if (!HELD_STATUSES.includes(step.to))
    await manager.update(ClaimLine, { claimId: claim.id }, { openKey: null });
  await history(
    manager,
    claim.id,
    step.to,
    step.actorId,
    now,
    step.note ?? '',
    step.noteFr ?? '',
    step.isAnswer,
    step.byAgency,
  );
  const updated = { ...claim, ...step.set, status: step.to, updatedAt: now };
  const submitted = step.to === ClaimStatus.SUBMITTED;
  await audit(
    manager,
    updated,
    submitted ? 'CLAIM_SUBMITTED' : 'CLAIM_STATUS_CHANGED',
    step.actorId,
    { from: claim.status, to: step.to, ...step.auditDetails },
    now,
  );
  const base = {
    claimId: claim.id,
    businessId: claim.businessId,
    programAccountId: claim.programAccountId,
    caseNumber: claim.caseNumber,
    actorId: step.actorId,
  };
  if (submitted)
    await publish(
      manager,
      { type: 'CLAIM_SUBMITTED', payload: { ...base, claimedCents: claim.claimedCents } },
      now,
    );
  else
    await publish(
      manager,
      { type: 'CLAIM_STATUS_CHANGED', payload: { ...base, from: claim.status, to: step.to } },
      now,
    );
  return updated;
}

async function withNode(
  dataSource: DataSource,
  lang: Language,
  work: (manager: EntityManager) => Promise<Claim>,
): Promise<Result<{ claim: ClaimNode }>> {
  return refusedToProblems(() =>
    inTransaction(dataSource, async (manager) => {
      const claim = await work(manager);
      return { ok: true as const, claim: (await nodesOf(manager, [claim], lang)).get(claim.id)! };
    }),
  );
}

/**
 * Submits a draft with the claimant's attestation. The time limit is checked again (a draft may wait).
 * Problems: attestation REQUIRED, TIME_LIMIT_PASSED, NOT_IN_PROGRESS (already submitted, e.g. concurrently).
 */
export function submitClaim(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { claimId: string; attestation: boolean },
  lang: Language,
): Promise<Result<{ claim: ClaimNode }>> {
  const now = config.now();
  if (input.attestation !== true)
    return Promise.resolve({ ok: false, problems: [problem(['input', 'attestation'], 'REQUIRED')] });
  return withNode(dataSource, lang, async (manager) => {
    const claim = await manager.findOneBy(Claim, { id: input.claimId });
    if (!claim) throw new Error(`claim ${input.claimId} not found`);
    const transaction = (await transactionSummary(manager, claim.transactionId))!;
    const refused = transactionProblems(transaction, claim.type, agencyDay(now));
    if (refused.length) throw new Refused(refused);
    return transition(
      manager,
      {
        claimId: claim.id,
        from: [ClaimStatus.IN_PROGRESS],
        to: ClaimStatus.SUBMITTED,
        actorId,
        set: { submittedAt: now, attestedBy: actorId },
        auditDetails: { cents: claim.claimedCents },
        refusal: problem(['input', 'claimId'], 'NOT_IN_PROGRESS'),
      },
      now,
    );
  });
}

/** Withdraws an open claim (a draft or one the agency has not decided). Problems: NOT_OPEN. */
export function withdrawClaim(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  claimId: string,
  lang: Language,
): Promise<Result<{ claim: ClaimNode }>> {
  const now = config.now();
  return withNode(dataSource, lang, (manager) =>
    transition(
      manager,
      {
        claimId,
        from: OPEN_STATUSES,
        to: ClaimStatus.WITHDRAWN,
        actorId,
        refusal: problem(['claimId'], 'NOT_OPEN'),
      },
      now,
    ),
  );
}

function answerProblems(text: string, field: string): Problem[] {
  const value = (text ?? '').trim();
  if (!value) return [problem(['input', field], 'REQUIRED')];
  if (characterCount(value) > CLAIM_TEXT_MAX_LENGTH)
    return [problem(['input', field], 'TOO_LONG', { max: CLAIM_TEXT_MAX_LENGTH })];
  return [];
}

/**
 * The claimant's answer to a request for information: the claim goes back to UNDER_REVIEW with the answer
 * on its timeline (documents go to the claim's case number). Problems: answer REQUIRED/TOO_LONG,
 * NO_INFORMATION_REQUESTED.
 */
export function answerClaim(
  dataSource: DataSource,
  config: AppConfig,
  actorId: string,
  input: { claimId: string; answer: string },
  lang: Language,
): Promise<Result<{ claim: ClaimNode }>> {
  const now = config.now();
  const problems = answerProblems(input.answer, 'answer');
  if (problems.length) return Promise.resolve({ ok: false, problems });
  return withNode(dataSource, lang, (manager) =>
    transition(
      manager,
      {
        claimId: input.claimId,
        from: [ClaimStatus.INFORMATION_REQUESTED],
        to: ClaimStatus.UNDER_REVIEW,
        actorId,
        note: input.answer.trim(),
        isAnswer: true,
        auditDetails: { answered: 'YES' },
        refusal: problem(['input', 'claimId'], 'NO_INFORMATION_REQUESTED'),
      },
      now,
    ),
  );
}

// ---- The agency's side (officers) -------------------------------------------------------------------------------

/** An officer takes a submitted claim under review. Problems: NOT_SUBMITTED. */
export function takeClaim(
  dataSource: DataSource,
  config: AppConfig,
  officerId: string,
  claimId: string,
  lang: Language,
): Promise<Result<{ claim: ClaimNode }>> {
  const now = config.now();
  return withNode(dataSource, lang, (manager) =>
    transition(
      manager,
      {
        claimId,
        from: [ClaimStatus.SUBMITTED],
        to: ClaimStatus.UNDER_REVIEW,
        actorId: officerId,
        byAgency: true,
        refusal: problem(['claimId'], 'NOT_SUBMITTED'),
      },
      now,
    ),
  );
}

/** An officer asks for more information (in both languages). Problems: textEn/textFr, NOT_UNDER_REVIEW. */
export function requestClaimInformation(
  dataSource: DataSource,
  config: AppConfig,
  officerId: string,
  input: { claimId: string; textEn: string; textFr: string },
  lang: Language,
): Promise<Result<{ claim: ClaimNode }>> {
  const now = config.now();
  const problems = [...answerProblems(input.textEn, 'textEn'), ...answerProblems(input.textFr, 'textFr')];
  if (problems.length) return Promise.resolve({ ok: false, problems });
  return withNode(dataSource, lang, (manager) =>
    transition(
      manager,
      {
        claimId: input.claimId,
        from: [ClaimStatus.UNDER_REVIEW],
        to: ClaimStatus.INFORMATION_REQUESTED,
        actorId: officerId,
        byAgency: true,
        note: input.textEn.trim(),
        noteFr: input.textFr.trim(),
        refusal: problem(['input', 'claimId'], 'NOT_UNDER_REVIEW'),
      },
      now,
    ),
  );
}

/** An officer rejects a claim under review, with a reason in both languages. */
export function rejectClaim(
  dataSource: DataSource,
  config: AppConfig,
  officerId: string,
  input: { claimId: string; textEn: string; textFr: string },
  lang: Language,
): Promise<Result<{ claim: ClaimNode }>> {
  const now = config.now();
  const problems = [...answerProblems(input.textEn, 'textEn'), ...answerProblems(input.textFr, 'textFr')];
  if (problems.length) return Promise.resolve({ ok: false, problems });
  return withNode(dataSource, lang, (manager) =>
    transition(
      manager,
      {
        claimId: input.claimId,
        from: [ClaimStatus.UNDER_REVIEW],
        to: ClaimStatus.REJECTED,
        actorId: officerId,
        byAgency: true,
        set: { decisionReasonEn: input.textEn.trim(), decisionReasonFr: input.textFr.trim(), decidedAt: now },
        note: input.textEn.trim(),
        noteFr: input.textFr.trim(),
        refusal: problem(['input', 'claimId'], 'NOT_UNDER_REVIEW'),
      },
      now,
    ),
  );
}

/**
 * An officer approves a claim under review, in full (no amount, or the claimed amount) or in part (1 to the
 * claimed refund − 1 cent, with a reason in both languages), and the repayment is created PAYABLE in the same
 * transaction. Problems: approvedCents OVER_CLAIMED/INVALID, reasonEn/reasonFr REQUIRED, NOT_UNDER_REVIEW.
 */
export function approveClaim(
  dataSource: DataSource,
  config: AppConfig,
  officerId: string,
  input: {
    claimId: string;
    approvedCents?: number | null;
    reasonEn?: string | null;
    reasonFr?: string | null;
  },
  lang: Language,
): Promise<Result<{ claim: ClaimNode }>> {
  const now = config.now();
  return withNode(dataSource, lang, async (manager) => {
    const current = await manager.findOneBy(Claim, { id: input.claimId });
    if (!current) throw new Error(`claim ${input.claimId} not found`);
    // Locked: two approvals on one transaction are decided one after the other against its total.
    const transaction = (await transactionSummary(manager, current.transactionId, { forUpdate: true }))!;
    const amount = input.approvedCents ?? current.claimedCents;
    const partial = amount !== current.claimedCents;
    const problems: Problem[] = [];
    if (!Number.isSafeInteger(amount) || amount < 1)
      problems.push(problem(['input', 'approvedCents'], 'INVALID'));
    else if (amount > current.claimedCents)
      problems.push(problem(['input', 'approvedCents'], 'OVER_CLAIMED', { cents: current.claimedCents }));
    else {
      // Never more, over all the approved claims on the transaction, than was paid on it.
      const approved = await approvedOnTransaction(manager, current.transactionId, current.id);
      if (approved + amount > transaction.dutiesAndTaxesCents)
        problems.push(
          problem(['input', 'approvedCents'], 'OVER_TRANSACTION_PAID', {
            cents: Math.max(0, transaction.dutiesAndTaxesCents - approved),
          }),
        );
    }
    if (partial) {
      problems.push(...answerProblems(input.reasonEn ?? '', 'reasonEn'));
      problems.push(...answerProblems(input.reasonFr ?? '', 'reasonFr'));
    }
    if (problems.length) throw new Refused(problems);
    const to = partial ? ClaimStatus.PARTIALLY_APPROVED : ClaimStatus.APPROVED;
    const claim = await transition(
      manager,
      {
        claimId: current.id,
        from: [ClaimStatus.UNDER_REVIEW],
        to,
        actorId: officerId,
        byAgency: true,
        set: {
          approvedCents: amount,
          decisionReasonEn: partial ? (input.reasonEn ?? '').trim() : '',
          decisionReasonFr: partial ? (input.reasonFr ?? '').trim() : '',
          decidedAt: now,
        },
        note: partial ? (input.reasonEn ?? '').trim() : '',
        noteFr: partial ? (input.reasonFr ?? '').trim() : '',
        auditDetails: { approvedCents: amount },
        refusal: problem(['input', 'claimId'], 'NOT_UNDER_REVIEW'),
      },
      now,
    );
    const repayment: Repayment = {
      id: timeOrderedId(now.getTime()),
      claimId: claim.id,
      businessId: claim.businessId,
      programAccountId: claim.programAccountId,
      amountCents: amount,
      status: RepaymentStatus.PAYABLE,
      method: '',
      paidOn: '',
      unpaidReasonEn: '',
      unpaidReasonFr: '',
      createdAt: now,
      updatedAt: now,
      settledBy: null,
    };
    await manager.insert(Repayment, repayment);
    await publish(
      manager,
      {
        type: 'REPAYMENT_CREATED',
        payload: {
          repaymentId: repayment.id,
          claimId: claim.id,
          businessId: claim.businessId,
          programAccountId: claim.programAccountId,
          amountCents: amount,
        },
      },
      now,
    );
    return claim;
  });
}

/** `officerId` null: the agency's payment file (no person; the audit names none). */
async function settleRepayment(
  dataSource: DataSource,
  now: Date,
  officerId: string | null,
  repaymentId: string,
  set: Partial<Repayment> & { status: RepaymentStatus },
  lang: Language,
): Promise<Result<{ repayment: RepaymentNode }>> {
  return refusedToProblems(() =>
    inTransaction(dataSource, async (manager) => {
      const row = await manager.findOneBy(Repayment, { id: repaymentId });
      if (!row) throw new Error(`repayment ${repaymentId} not found`);
      // Conditional: a repayment is settled once; of two concurrent settlements one wins.
      const changed = await manager.update(
        Repayment,
        { id: row.id, status: RepaymentStatus.PAYABLE },
        { ...set, updatedAt: now, settledBy: officerId },
      );
      if (changed.affected !== 1) throw new Refused([problem(['input', 'repaymentId'], 'NOT_PAYABLE')]);
      const claim = (await manager.findOneBy(Claim, { id: row.claimId }))!;
      await audit(
        manager,
        claim,
        'REPAYMENT_STATUS_CHANGED',
        officerId,
        { repayment: row.id, to: set.status, cents: row.amountCents },
        now,
      );
      await publish(
        manager,
        {
          type: 'REPAYMENT_STATUS_CHANGED',
          payload: {
            repaymentId: row.id,
            claimId: row.claimId,
            businessId: row.businessId,
            programAccountId: row.programAccountId,
            from: row.status,
            to: set.status,
            actorId: officerId ?? '',
          },
        },
        now,
      );
      const updated = { ...row, ...set, updatedAt: now, settledBy: officerId };
      return { ok: true as const, repayment: repaymentNode(updated, claim.caseNumber, lang) };
    }),
  );
}

/** An officer marks a payable repayment PAID. Problems: method, paidOn INVALID_DATE/IN_FUTURE, NOT_PAYABLE. */
export function markRepaymentPaid(
  dataSource: DataSource,
  config: AppConfig,
  officerId: string,
  input: { repaymentId: string; method: RepaymentMethod; paidOn: string },
  lang: Language,
): Promise<Result<{ repayment: RepaymentNode }>> {
  const problems: Problem[] = [];
  if (!Object.values(RepaymentMethod).includes(input.method))
    problems.push(problem(['input', 'method'], 'REQUIRED'));
  const paidOn = (input.paidOn ?? '').trim();
  if (!isCalendarDate(paidOn)) problems.push(problem(['input', 'paidOn'], 'INVALID_DATE'));
  else if (paidOn > agencyDay(config.now())) problems.push(problem(['input', 'paidOn'], 'IN_FUTURE'));
  if (problems.length) return Promise.resolve({ ok: false, problems });
  return settleRepayment(
    dataSource,
    config.now(),
    officerId,
    input.repaymentId,
    { status: RepaymentStatus.PAID, method: input.method, paidOn },
    lang,
  );
}

/** An officer withholds a payable repayment (UNPAID) with a reason in both languages. */
export function withholdRepayment(
  dataSource: DataSource,
  config: AppConfig,
  officerId: string,
  input: { repaymentId: string; reasonEn: string; reasonFr: string },
  lang: Language,
): Promise<Result<{ repayment: RepaymentNode }>> {
  const problems = [
    ...answerProblems(input.reasonEn, 'reasonEn'),
    ...answerProblems(input.reasonFr, 'reasonFr'),
  ];
  if (problems.length) return Promise.resolve({ ok: false, problems });
  return settleRepayment(
    dataSource,
    config.now(),
    officerId,
    input.repaymentId,
    {
      status: RepaymentStatus.UNPAID,
      unpaidReasonEn: input.reasonEn.trim(),
      unpaidReasonFr: input.reasonFr.trim(),
    },
    lang,
  );
}

// ---- The agency's payment file ---------------------------------------------------------------------------------

/** One line of the agency's payment file (docs/reference-data.md, `repaymentPayments`). */
export interface RepaymentPaymentLine {
  caseNumber: string;
  amountCents: number;
  paidOn: string;
  method: `${RepaymentMethod}`;
}

export interface RepaymentPaymentResult {
  paid: number;
  /** Lines already applied (the same date and method): importing a file again changes nothing. */
  unchanged: number;
  /** Lines refused, each with its index in the file and why; the other lines are applied. */
  refused: Array<{ index: number; caseNumber: string; message: string }>;
}

/**
 * Marks repayments PAID from the agency's payment file, line by line (each its own transaction, audited and
 * published as an officer's "paid" is): a line names the claim's case number, the amount paid (it must be the
 * repayment's), the date and the method. A line already applied is unchanged; a line that cannot apply
 * (unknown case, no repayment, another amount, withheld, paid otherwise, a future date) is refused with its
 * reason and the others still apply.
 */
export async function importRepaymentPayments(
  dataSource: DataSource,
  now: Date,
  lines: readonly RepaymentPaymentLine[],
): Promise<RepaymentPaymentResult> {
  const result: RepaymentPaymentResult = { paid: 0, unchanged: 0, refused: [] };
  const today = agencyDay(now);
  for (const [index, line] of lines.entries()) {
    const refuse = (message: string) => result.refused.push({ index, caseNumber: line.caseNumber, message });
    if (line.paidOn > today) {
      refuse(`paid on ${line.paidOn}, after today (${today})`);
      continue;
    }
    const claim = await dataSource.getRepository(Claim).findOneBy({ caseNumber: line.caseNumber });
    const repayment = claim
      ? await dataSource.getRepository(Repayment).findOneBy({ claimId: claim.id })
      : null;
    if (!claim) refuse('no claim has this case number');
    else if (!repayment) refuse(`claim ${claim.caseNumber} has no repayment (it is ${claim.status})`);
    else if (repayment.amountCents !== line.amountCents)
      refuse(`the repayment is ${repayment.amountCents} cents, the file says ${line.amountCents}`);
    else if (repayment.status === RepaymentStatus.PAID) {
      if (repayment.paidOn === line.paidOn && String(repayment.method) === line.method) result.unchanged += 1;
      else refuse(`already paid on ${repayment.paidOn} by ${repayment.method}`);
    } else if (repayment.status === RepaymentStatus.UNPAID) refuse('the repayment was withheld (unpaid)');
    else {
      const settled = await settleRepayment(
        dataSource,
        now,
        null,
        repayment.id,
        { status: RepaymentStatus.PAID, method: line.method as RepaymentMethod, paidOn: line.paidOn },
        'en',
      );
      if (settled.ok) result.paid += 1;
      else refuse('the repayment was settled meanwhile');
    }
  }
  return result;
}

/** What a notice about a claim or its repayment says (the notices module's subscriber reads it). */
export interface ClaimNoticeFacts {
  caseNumber: string;
  transactionNumber: string;
  claimedCents: number;
  approvedCents: number | null;
  repaymentCents: number | null;
}

/** The facts of a claim (and its repayment, if any) a notice names; undefined when there is no such claim. */
export async function claimNoticeFacts(
  manager: EntityManager,
  claimId: string,
): Promise<ClaimNoticeFacts | undefined> {
  const [claim, repayment] = await Promise.all([
    manager.findOneBy(Claim, { id: claimId }),
    manager.findOneBy(Repayment, { claimId }),
  ]);
  if (!claim) return undefined;
  return {
    caseNumber: claim.caseNumber,
    transactionNumber: claim.transactionNumber,
    claimedCents: claim.claimedCents,
    approvedCents: claim.approvedCents ?? null,
    repaymentCents: repayment?.amountCents ?? null,
  };
}
