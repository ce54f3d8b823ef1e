import {
  GraphQLError,
  type GraphQLSchema,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  parse,
  validate,
} from 'graphql';
import { type DataSource } from 'typeorm';
import { operationCost } from '../../app/api-limits.js';
import { type AppConfig } from '../../config/env.js';
import { decodeCursor, encodeCursor, keysetBefore, pageSize } from '../../common/graphql/connection.js';
import { type Problem } from '../../common/errors/problems.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { inTransaction } from '../../common/database/transactions.js';
import { ExportJob } from './exports.entities.js';
import { pagedConnection } from './export-format.js';
import { reportNames, reportQuery } from './export-reports.js';

// Bulk exports (docs/api.md "Bulk exports", decision 0029): starting one, reading one's progress, the list
// of a caller's exports. The background run is exports.worker.ts.

export const EXPORT_QUERY_MAX_LENGTH = 20_000;
export const EXPORT_VARIABLES_MAX_LENGTH = 2_000;
/** Exports of one caller waiting or running at once. */
export const EXPORTS_RUNNING_MAX = 5;
/** How long a finished file is kept. */
export const EXPORT_KEEP_MS = 7 * 24 * 60 * 60_000;

export enum ExportStatus {
  QUEUED = 'QUEUED',
  RUNNING = 'RUNNING',
  READY = 'READY',
  FAILED = 'FAILED',
  EXPIRED = 'EXPIRED',
}

export enum ExportFormat {
  NDJSON = 'NDJSON',
  CSV = 'CSV',
}

/** Who starts and reads exports: an API token (acting as its business) or a person. */
export type ExportCaller =
  | { kind: 'token'; tokenId: string; businessId: string }
  | { kind: 'person'; userId: string; businessId: string | null };

export interface StartExportData {
  report?: string | null;
  query?: string | null;
  variables?: string | null;
  format: ExportFormat;
  lang: string;
}

export type StartExportResult = { ok: true; job: ExportJob } | { ok: false; problems: Problem[] };

/** The query's one operation, checked: a query, valid against the schema, paging one connection by $after. */
export function checkExportQuery(
  schema: GraphQLSchema,
  text: string,
  variables: Record<string, unknown>,
  maxCost: number,
): { operation: OperationDefinitionNode } | { problem: Problem } {
  const invalid = (detail: string): { problem: Problem } => ({
    problem: { field: ['query'], code: 'INVALID', messageKey: 'exports.query.INVALID', params: { detail } },
  });
  let document;
  try {
    document = parse(text, { maxTokens: 5000 });
  } catch (error) {
    return invalid(error instanceof GraphQLError ? error.message : 'syntax error');
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== 1 || operations[0].operation !== OperationTypeNode.QUERY)
    return invalid('one query operation is expected');
  const errors = validate(schema, document);
  if (errors.length) return invalid(errors[0].message);
  const operation = operations[0];
  if (!pagedConnection(operation))
    return { problem: { field: ['query'], code: 'NOT_PAGED', messageKey: 'exports.query.NOT_PAGED' } };
  const cost = operationCost(schema, document, operation, variables);
  if (cost > maxCost)
    return {
      problem: {
        field: ['query'],
        code: 'TOO_COSTLY',
        messageKey: 'exports.query.TOO_COSTLY',
        params: { cost, max: maxCost },
      },
    };
  return { operation };
}

/** The caller's column: exports are read back only by whoever started them. */
function ownerWhere(caller: ExportCaller): { column: 'token_id' | 'user_id'; id: string } {
  return caller.kind === 'token'
    ? { column: 'token_id', id: caller.tokenId }
    : { column: 'user_id', id: caller.userId };
}

/** Queues an export; the worker runs it. */
export async function startExport(
  dataSource: DataSource,
  config: AppConfig,
  schema: GraphQLSchema,
  caller: ExportCaller,
  input: StartExportData,
): Promise<StartExportResult> {
  const fail = (problem: Problem): StartExportResult => ({ ok: false, problems: [problem] });
  const report = input.report?.trim() || null;
  const ownQuery = input.query?.trim() || null;
  if (!caller.businessId) return fail({ field: [], code: 'NOT_ALLOWED', messageKey: 'exports.NOT_ALLOWED' });
  if (!report === !ownQuery)
    return fail({ field: ['query'], code: 'REQUIRED', messageKey: 'exports.query.REQUIRED' });
  let text: string;
  if (report) {
    const named = reportQuery(report);
    if (!named)
      return fail({
        field: ['report'],
        code: 'UNKNOWN',
        messageKey: 'exports.report.UNKNOWN',
        params: { name: report.slice(0, 40), names: reportNames().join(', ') },
      });
    text = named;
  } else {
    text = ownQuery!;
    if (text.length > EXPORT_QUERY_MAX_LENGTH)
      return fail({
        field: ['query'],
        code: 'TOO_LONG',
        messageKey: 'exports.query.TOO_LONG',
        params: { max: EXPORT_QUERY_MAX_LENGTH },
      });
  }
  let variables: Record<string, unknown> = {};
  const variablesText = input.variables?.trim() || '{}';
  const badVariables = fail({
    field: ['variables'],
    code: 'INVALID',
    messageKey: 'exports.variables.INVALID',
    params: { max: EXPORT_VARIABLES_MAX_LENGTH },
  });
  if (variablesText.length > EXPORT_VARIABLES_MAX_LENGTH) return badVariables;
  try {
    const parsed: unknown = JSON.parse(variablesText);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return badVariables;
    variables = parsed as Record<string, unknown>;
  } catch {
    return badVariables;
  }
  delete variables.after;
  const checked = checkExportQuery(schema, text, variables, config.apiLimits.maxQueryCost);
  if ('problem' in checked) return fail(checked.problem);

  const owner = ownerWhere(caller);
  const now = config.now();
  return inTransaction(dataSource, async (manager) => {
    const running = await manager
      .getRepository(ExportJob)
      .createQueryBuilder('e')
      .where(`e.${owner.column} = :id AND e.status IN (:...statuses)`, {
        id: owner.id,
        statuses: [ExportStatus.QUEUED, ExportStatus.RUNNING],
      })
      .getCount();
    if (running >= EXPORTS_RUNNING_MAX)
      return fail({
        field: [],
        code: 'TOO_MANY_RUNNING',
        messageKey: 'exports.TOO_MANY_RUNNING',
        params: { max: EXPORTS_RUNNING_MAX },
      });
    const job = manager.create(ExportJob, {
      id: timeOrderedId(now.getTime()),
      businessId: caller.businessId!,
      tokenId: caller.kind === 'token' ? caller.tokenId : null,
      userId: caller.kind === 'person' ? caller.userId : null,
      reportName: report,
      queryText: text,
      variablesJson: JSON.stringify(variables),
      format: input.format,
      lang: input.lang === 'fr' ? 'fr' : 'en',
      status: ExportStatus.QUEUED,
      pagesDone: 0,
      rowsDone: 0,
      totalRows: null,
      afterCursor: null,
      bytesWritten: 0,
      attempts: 0,
      leaseOwner: null,
      leaseUntil: null,
      storageKey: null,
      sizeBytes: null,
      errorCode: null,
      errorMessage: null,
      createdAt: now,
      updatedAt: now,
      finishedAt: null,
      expiresAt: null,
    });
    await manager.insert(ExportJob, job);
    return { ok: true as const, job };
  });
}

/** The caller's export with this id, or null (unknown and someone else's alike). */
export async function findOwnExport(
  dataSource: DataSource,
  caller: ExportCaller,
  id: string,
): Promise<ExportJob | null> {
  const owner = ownerWhere(caller);
  return dataSource
    .getRepository(ExportJob)
    .createQueryBuilder('e')
    .where(`e.id = :exportId AND e.${owner.column} = :owner`, { exportId: id, owner: owner.id })
    .getOne();
}

/** A page of the caller's exports, newest first, keyset-paged in SQL. */
export async function ownExportsPage(
  dataSource: DataSource,
  caller: ExportCaller,
  first: number | null | undefined,
  after: string | null | undefined,
): Promise<{ rows: ExportJob[]; hasNextPage: boolean; cursorOf: (row: ExportJob) => string }> {
  const size = pageSize(first, 25);
  const owner = ownerWhere(caller);
  const query = dataSource
    .getRepository(ExportJob)
    .createQueryBuilder('e')
    .where(`e.${owner.column} = :owner`, { owner: owner.id })
    .orderBy('e.created_at', 'DESC')
    .addOrderBy('e.id', 'DESC')
    .limit(size + 1);
  if (after) {
    const keyset = keysetBefore('e.created_at', 'e.id', decodeCursor(after));
    query.andWhere(keyset.sql, keyset.params);
  }
  const rows = await query.getMany();
  return {
    rows: rows.slice(0, size),
    hasNextPage: rows.length > size,
    cursorOf: (row) => encodeCursor({ at: row.createdAt, id: row.id }),
  };
}

/** The download route of an export's file. */
export function exportDownloadPath(id: string): string {
  return `/api/exports/${id}/download`;
}
