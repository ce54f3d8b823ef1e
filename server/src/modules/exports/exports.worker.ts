import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { execute, type GraphQLSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { type DataSource, In, LessThan } from 'typeorm';
import { createContext } from '../../app/context.js';
import { type AppConfig } from '../../config/env.js';
import { AppError } from '../../common/errors/app-error.js';
import { inTransaction } from '../../common/database/transactions.js';
import { publish } from '../../common/events/event-bus.js';
import { type Language } from '../../common/i18n/language.js';
import { translate } from '../../common/i18n/messages.js';
import { type Logger } from '../../common/logger.js';
import { type DocumentStorage } from '../../common/storage/document-storage.js';
import { liveApiTokenById } from '../api-tokens/api-tokens.service.js';
import { RequestSession } from '../sessions/request-session.js';
import { backgroundPersonSession } from '../sessions/session.service.js';
import { ExportJob } from './exports.entities.js';
import { csvHeader, formatRows, nodeColumns, pagedConnection } from './export-format.js';
import { EXPORT_KEEP_MS, ExportStatus, exportDownloadPath } from './exports.service.js';

// The export worker (decision 0029), on the outbox's pattern (notices/mail-outbox.worker.ts): a job is
// claimed with a lease by a conditional UPDATE, so two workers never run one job. After each page the job
// row records the cursor, the counts and the bytes written, and extends the lease, in one conditional UPDATE
// (a worker that lost its lease stops). A worker that dies leaves the job RUNNING with a lease that runs
// out; the next claim resumes it from the recorded page, cutting the temp file back to the recorded bytes
// (or starting over when the temp file is gone: another machine). The finished file is copied to the
// document storage, then the job becomes READY and EXPORT_READY is published in one transaction; if that
// transaction fails the stored copy is deleted. A job that fails deletes its temp file: no file is left.

/** How long a claim holds a job without a page recorded. */
export const EXPORT_LEASE_MS = 60_000;
/** Claims of one job before it FAILS with TOO_MANY_ATTEMPTS (a job that kills its worker each time). */
export const EXPORT_MAX_ATTEMPTS = 3;
/** The largest file an export may write (bytes_written is an INT; a bigger export asks for a date range). */
export const EXPORT_MAX_BYTES = 1_000_000_000;
const POLL_MS = 2_000;

export interface ExportWorkerDeps {
  dataSource: DataSource;
  config: AppConfig;
  schema: GraphQLSchema;
  storage: DocumentStorage;
  log: Logger;
  /** Where files are written while an export runs (local disk). */
  tempDir: string;
}

class LostLease extends Error {}
class ExportFailure extends Error {
  constructor(
    readonly code: string,
    readonly detail: string | null = null,
  ) {
    super(code);
  }
}

export function exportStorageKey(id: string): string {
  return `exports/${id}`;
}

export class ExportWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;
  /** A test's hook: called after each page is recorded (to simulate a crash between pages). */
  afterPage: ((job: ExportJob) => Promise<void> | void) | null = null;

  constructor(private readonly deps: ExportWorkerDeps) {}

  private now(): Date {
    return this.deps.config.now();
  }

  /** Claims the oldest due job (queued, or running with an ended lease); null when there is none. */
  async claim(): Promise<{ owner: string; job: ExportJob } | null> {
    const repo = this.deps.dataSource.getRepository(ExportJob);
    const now = this.now();
    const due = await repo
      .createQueryBuilder('e')
      .select('e.id', 'id')
      .where('e.status IN (:...statuses)', { statuses: [ExportStatus.QUEUED, ExportStatus.RUNNING] })
      .andWhere('(e.lease_until IS NULL OR e.lease_until < :now)', { now })
      .orderBy('e.created_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(1)
      .getRawOne<{ id: string }>();
    if (!due) return null;
    const owner = randomUUID();
    const won = await repo
      .createQueryBuilder()
      .update(ExportJob)
      .set({
        status: ExportStatus.RUNNING,
        leaseOwner: owner,
        leaseUntil: new Date(now.getTime() + EXPORT_LEASE_MS),
        attempts: () => 'attempts + 1',
        updatedAt: now,
      })
      .where('id = :id AND status IN (:...statuses)', {
        id: due.id,
        statuses: [ExportStatus.QUEUED, ExportStatus.RUNNING],
      })
      .andWhere('(lease_until IS NULL OR lease_until < :now)', { now })
      .execute();
    if (!won.affected) return null;
    return { owner, job: await repo.findOneByOrFail({ id: due.id }) };
  }

  /** One job: claims and runs it to READY or FAILED. Answers whether there was one. */
  async runOnce(): Promise<boolean> {
    const claimed = await this.claim();
    if (!claimed) return false;
    const { owner, job } = claimed;
    const tempPath = path.join(this.deps.tempDir, `${job.id}.part`);
    try {
      if (job.attempts > EXPORT_MAX_ATTEMPTS) throw new ExportFailure('TOO_MANY_ATTEMPTS');
      await this.run(owner, job, tempPath);
    } catch (error) {
      if (error instanceof LostLease) return true;
      const failure = error instanceof ExportFailure ? error : new ExportFailure('INTERNAL_ERROR', null);
      if (!(error instanceof ExportFailure))
        this.deps.log.error({ err: error, exportId: job.id }, 'export failed');
      await this.fail(owner, job, failure);
    } finally {
      // The temp file is done with either way; a resumed run that lost its lease leaves it to the winner.
      const current = await this.deps.dataSource.getRepository(ExportJob).findOneBy({ id: job.id });
      if (current && current.status !== String(ExportStatus.RUNNING)) await rm(tempPath, { force: true });
    }
    return true;
  }

  private async caller(job: ExportJob): Promise<RequestSession> {
    const { dataSource, config } = this.deps;
    if (job.tokenId) {
      const token = await liveApiTokenById(dataSource, config, job.tokenId);
      if (!token || token.token.businessId !== job.businessId) throw new ExportFailure('CALLER_GONE');
      const active = await backgroundPersonSession(dataSource, token.user.id, job.businessId, this.now());
      if (!active) throw new ExportFailure('CALLER_GONE');
      return RequestSession.preloaded({ dataSource, config }, active, token);
    }
    const active = await backgroundPersonSession(dataSource, job.userId!, job.businessId, this.now());
    if (!active) throw new ExportFailure('CALLER_GONE');
    return RequestSession.preloaded({ dataSource, config }, active, null);
  }

  private async run(owner: string, job: ExportJob, tempPath: string): Promise<void> {
    const { dataSource, config, schema, log } = this.deps;
    const document = parse(job.queryText);
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    const connection = pagedConnection(operation)!;
    const { columns, viaEdges } = nodeColumns(connection.field);
    const format = job.format === 'CSV' ? 'CSV' : 'NDJSON';
    const variables = JSON.parse(job.variablesJson) as Record<string, unknown>;
    const session = await this.caller(job);

    // Resume from the last recorded page when its bytes are still on disk; else start over.
    await mkdir(this.deps.tempDir, { recursive: true });
    let resumed = false;
    if (job.pagesDone > 0) {
      const size = await stat(tempPath).then(
        (s) => s.size,
        () => -1,
      );
      if (size >= job.bytesWritten) {
        await truncate(tempPath, job.bytesWritten);
        resumed = true;
      }
    }
    if (!resumed) {
      Object.assign(job, { pagesDone: 0, rowsDone: 0, bytesWritten: 0, afterCursor: null, totalRows: null });
      await writeFile(tempPath, format === 'CSV' ? csvHeader(columns) : '');
      job.bytesWritten = format === 'CSV' ? Buffer.byteLength(csvHeader(columns)) : 0;
    }

    for (;;) {
      const context = createContext({
        requestId: `export:${job.id}`,
        lang: job.lang as Language,
        log,
        config,
        dataSource,
        client: { ipAddress: null, userAgent: null },
        session,
      });
      const result = await execute({
        schema,
        document,
        variableValues: { ...variables, after: job.afterCursor },
        contextValue: context,
      });
      const page = connection.path.reduce<unknown>(
        (value, key) => (value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : null),
        result.data,
      ) as {
        edges?: Array<{ node: unknown }>;
        nodes?: unknown[];
        pageInfo?: { hasNextPage: boolean; endCursor: string | null };
        totalCount?: number;
      } | null;
      if (!page) {
        // The API's own words for what went wrong, in the export's language; our faults stay unsaid.
        const first = result.errors?.[0];
        const original = first?.originalError ?? first;
        const lang = job.lang as Language;
        throw new ExportFailure(
          'QUERY_FAILED',
          original instanceof AppError
            ? translate(lang, original.messageKey, original.params)
            : translate(lang, 'errors.internal'),
        );
      }
      const rows = viaEdges ? (page.edges ?? []).map((e) => e.node) : (page.nodes ?? []);
      const chunk = formatRows(format, columns, rows);
      const bytes = job.bytesWritten + Buffer.byteLength(chunk);
      if (bytes > EXPORT_MAX_BYTES) throw new ExportFailure('TOO_LARGE');
      await appendFile(tempPath, chunk);
      const next = page.pageInfo?.hasNextPage ? page.pageInfo.endCursor : null;
      const now = this.now();
      const recorded = await dataSource
        .getRepository(ExportJob)
        .createQueryBuilder()
        .update(ExportJob)
        .set({
          pagesDone: job.pagesDone + 1,
          rowsDone: job.rowsDone + rows.length,
          totalRows: typeof page.totalCount === 'number' ? page.totalCount : job.totalRows,
          afterCursor: next ?? job.afterCursor,
          bytesWritten: bytes,
          leaseUntil: new Date(now.getTime() + EXPORT_LEASE_MS),
          updatedAt: now,
        })
        .where('id = :id AND lease_owner = :owner', { id: job.id, owner })
        .execute();
      if (!recorded.affected) throw new LostLease();
      Object.assign(job, {
        pagesDone: job.pagesDone + 1,
        rowsDone: job.rowsDone + rows.length,
        totalRows: typeof page.totalCount === 'number' ? page.totalCount : job.totalRows,
        afterCursor: next ?? job.afterCursor,
        bytesWritten: bytes,
      });
      await this.afterPage?.(job);
      if (!next) break;
    }
    await this.finish(owner, job, tempPath);
  }

  private async finish(owner: string, job: ExportJob, tempPath: string): Promise<void> {
    const { dataSource, storage } = this.deps;
    const key = exportStorageKey(job.id);
    const contentType = job.format === 'CSV' ? 'text/csv; charset=utf-8' : 'application/x-ndjson';
    await storage.putFile(key, tempPath, job.bytesWritten, contentType);
    const now = this.now();
    const expiresAt = new Date(now.getTime() + EXPORT_KEEP_MS);
    try {
      await inTransaction(dataSource, async (manager) => {
        const done = await manager
          .createQueryBuilder()
          .update(ExportJob)
          .set({
            status: ExportStatus.READY,
            storageKey: key,
            sizeBytes: job.bytesWritten,
            leaseOwner: null,
            leaseUntil: null,
            finishedAt: now,
            expiresAt,
            updatedAt: now,
          })
          .where('id = :id AND lease_owner = :owner', { id: job.id, owner })
          .execute();
        if (!done.affected) throw new LostLease();
        await publish(
          manager,
          {
            type: 'EXPORT_READY',
            payload: {
              exportId: job.id,
              businessId: job.businessId,
              tokenId: job.tokenId,
              userId: job.userId,
              format: job.format,
              rows: job.rowsDone,
              sizeBytes: job.bytesWritten,
              downloadPath: exportDownloadPath(job.id),
              expiresAt: expiresAt.toISOString(),
            },
          },
          now,
        );
      });
    } catch (error) {
      // Not READY: the stored copy has no row to name it, so it goes (the winner of a lost lease stores its own).
      await storage.delete(key);
      throw error;
    }
  }

  private async fail(owner: string, job: ExportJob, failure: ExportFailure): Promise<void> {
    const now = this.now();
    await inTransaction(this.deps.dataSource, async (manager) => {
      const failed = await manager
        .createQueryBuilder()
        .update(ExportJob)
        .set({
          status: ExportStatus.FAILED,
          errorCode: failure.code,
          errorMessage: failure.detail?.slice(0, 500) ?? null,
          leaseOwner: null,
          leaseUntil: null,
          finishedAt: now,
          updatedAt: now,
        })
        .where('id = :id AND lease_owner = :owner', { id: job.id, owner })
        .execute();
      if (!failed.affected) return;
      await publish(
        manager,
        {
          type: 'EXPORT_FAILED',
          payload: {
            exportId: job.id,
            businessId: job.businessId,
            tokenId: job.tokenId,
            userId: job.userId,
            errorCode: failure.code,
          },
        },
        now,
      );
    });
  }

  /** Deletes the files of READY exports past their expiry; the rows stay, EXPIRED. Answers how many. */
  async expire(): Promise<number> {
    const { dataSource, storage } = this.deps;
    const repo = dataSource.getRepository(ExportJob);
    const now = this.now();
    const old = await repo.find({
      where: { status: ExportStatus.READY, expiresAt: LessThan(now) },
      take: 100,
    });
    for (const row of old) if (row.storageKey) await storage.delete(row.storageKey);
    if (old.length)
      await repo.update(
        { id: In(old.map((row) => row.id)), status: ExportStatus.READY },
        { status: ExportStatus.EXPIRED, storageKey: null, updatedAt: now },
      );
    return old.length;
  }

  /** Runs jobs one after another, polling every 2 s when there is none; expires old files each round. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const tick = () => {
      if (this.stopped) return;
      this.running = (async () => {
        await this.expire();
        return this.runOnce();
      })().catch((error: unknown) => {
        this.deps.log.warn({ err: error }, 'export round failed; next try later');
        return false;
      });
      void this.running.then((busy) => {
        this.running = null;
        if (this.stopped) return;
        this.timer = setTimeout(tick, busy ? 0 : POLL_MS);
        this.timer.unref();
      });
    };
    tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
