import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../common/database/columns.js';

// Idempotency keys of mutations (docs/api.md "Idempotent writes"; docs/decisions/0029-idempotency-and-exports.md).

/**
 * One `Idempotency-Key` a caller sent with a mutation. The key is the caller's (a token or a person) and the
 * row remembers which request it was first used for (`request_hash`) and, once answered, the answer. While
 * the first request runs the row is IN_PROGRESS under a lease; a crash leaves it to be taken over once the
 * lease ends. Rows live 24 hours (`expires_at`), then the sweep deletes them.
 */
@Entity('idempotency_key')
@Index('IDX_idempotency_key_expires', ['expiresAt'])
export class IdempotencyKey {
  /** `token:<api token id>` or `user:<user id>`. */
  @PrimaryColumn({ type: 'varchar', length: 48 })
  caller: string;

  @PrimaryColumn({ name: 'idem_key', type: 'varchar', length: 128 })
  key: string;

  /** SHA-256 (hex) of the operation's text and its variables. */
  @Column({ name: 'request_hash', type: 'varchar', length: 64 })
  requestHash: string;

  /** IN_PROGRESS or DONE. */
  @Column({ type: 'varchar', length: 12 })
  status: string;

  /** Which request holds the key while IN_PROGRESS. */
  @Column({ name: 'lease_owner', type: 'varchar', length: 36, nullable: true })
  leaseOwner: string | null;

  @InstantColumn('lease_until', { nullable: true })
  leaseUntil: Date | null;

  /**
   * The first answer (JSON of `{ data, errors }`), once DONE; null when it was longer than a TEXT column
   * holds (RESPONSE_MAX_BYTES): a retry is then told the first request was done, without its answer.
   */
  @Column({ name: 'response', type: 'text', nullable: true })
  response: string | null;

  @Column({ name: 'http_status', type: 'int', nullable: true })
  httpStatus: number | null;

  @InstantColumn('created_at')
  createdAt: Date;

  @InstantColumn('expires_at')
  expiresAt: Date;
}

export const idempotencyEntities = [IdempotencyKey];
