import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';

/**
 * Consecutive failures (sign-in, password recovery, current password) per username, whether or not the
 * username exists, so that a lockout never tells which usernames exist. Keyed by an HMAC of the normalised
 * username: the table holds nothing a person typed.
 */
@Entity('credential_throttle')
export class CredentialThrottle {
  @PrimaryColumn({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  /** The person, when the username exists; lets officers list and unlock locked credentials. */
  @Index('IDX_credential_throttle_user')
  @UuidColumn('user_id', { nullable: true })
  userId: string | null;

  @Column({ name: 'failed_attempts', type: 'int' })
  failedAttempts: number;

  @InstantColumn('locked_until', { nullable: true })
  lockedUntil: Date | null;

  @InstantColumn('last_failure_at')
  lastFailureAt: Date;
}

/** A fixed-window counter per client address and purpose ('failure:<ip>', 'lookup:<ip>'). */
@Entity('address_throttle')
export class AddressThrottle {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  bucket: string;

  @Column({ type: 'int' })
  count: number;

  @InstantColumn('window_started_at')
  windowStartedAt: Date;
}
