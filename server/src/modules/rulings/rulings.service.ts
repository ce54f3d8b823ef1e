import { randomInt } from 'node:crypto';
import { type DataSource } from 'typeorm';
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
