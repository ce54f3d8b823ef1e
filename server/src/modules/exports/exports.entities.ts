import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';

// Bulk exports (docs/api.md "Bulk exports"; docs/decisions/0029-idempotency-and-exports.md).

/**
 * One export: a paged query (a named report or the caller's own) run in the background over all its pages,
 * its rows written to a file in the document storage. The row is the job: a worker holds it under a lease
 * while it runs, and after each page records how far it got (cursor, pages, rows, bytes written), so that a
 * worker that dies is followed by one that resumes from the last recorded page.
 */
@Entity('export_job')
@Index('IDX_export_job_due', ['status', 'leaseUntil'])
@Index('IDX_export_job_user', ['userId', 'createdAt'])
@Index('IDX_export_job_token', ['tokenId', 'createdAt'])
@Index('IDX_export_job_expires', ['expiresAt'])
export class ExportJob {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The business the export acts for: the token's, or the person's active business when they started it. */
  @UuidColumn('business_id')
  businessId: string;

  /** The API token that started it (the export acts as the token), or null when a person did. */
  @UuidColumn('token_id', { nullable: true })
  tokenId: string | null;

  /** The person who started it, or null when a token did. */
  @UuidColumn('user_id', { nullable: true })
  userId: string | null;

  /** A named report of `npm run report`, or null for the caller's own query. */
  @Column({ name: 'report_name', type: 'varchar', length: 40, nullable: true })
  reportName: string | null;

  @Column({ name: 'query_text', type: 'text' })
  queryText: string;

  /** JSON object of the query's variables (without `after`). */
  @Column({ name: 'variables_json', type: 'text' })
  variablesJson: string;

  /** NDJSON or CSV. */
  @Column({ type: 'varchar', length: 8 })
  format: string;

  /** en or fr: the language of the rows' texts and of the errors. */
  @Column({ type: 'varchar', length: 2 })
  lang: string;

  /** QUEUED, RUNNING, READY, FAILED or EXPIRED. */
  @Column({ type: 'varchar', length: 10 })
  status: string;

  @Column({ name: 'pages_done', type: 'int', default: 0 })
  pagesDone: number;

  @Column({ name: 'rows_done', type: 'int', default: 0 })
  rowsDone: number;

  /** The connection's totalCount, when the query selects it. */
  @Column({ name: 'total_rows', type: 'int', nullable: true })
  totalRows: number | null;

  /** The endCursor of the last page written. */
  @Column({ name: 'after_cursor', type: 'varchar', length: 500, nullable: true })
  afterCursor: string | null;

  /** Bytes of the file written up to the last recorded page (a resumed run cuts the file back to it). */
  @Column({ name: 'bytes_written', type: 'int', default: 0 })
  bytesWritten: number;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @Column({ name: 'lease_owner', type: 'varchar', length: 36, nullable: true })
  leaseOwner: string | null;

  @InstantColumn('lease_until', { nullable: true })
  leaseUntil: Date | null;

  /** Where the finished file is in the document storage (`exports/<id>`), once READY. */
  @Column({ name: 'storage_key', type: 'varchar', length: 100, nullable: true })
  storageKey: string | null;

  @Column({ name: 'size_bytes', type: 'int', nullable: true })
  sizeBytes: number | null;

  /** Why it failed: a stable code (QUERY_FAILED, CALLER_GONE, TOO_MANY_ATTEMPTS, TOO_LARGE). */
  @Column({ name: 'error_code', type: 'varchar', length: 40, nullable: true })
  errorCode: string | null;

  /** The first error's message, in the export's language, when the query failed. */
  @Column({ name: 'error_message', type: 'varchar', length: 500, nullable: true })
  errorMessage: string | null;

  @InstantColumn('created_at')
  createdAt: Date;

  @InstantColumn('updated_at')
  updatedAt: Date;

  @InstantColumn('finished_at', { nullable: true })
  finishedAt: Date | null;

  /** When a READY file is deleted (EXPIRED after). */
  @InstantColumn('expires_at', { nullable: true })
  expiresAt: Date | null;
}

export const exportEntities = [ExportJob];
