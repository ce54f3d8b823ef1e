import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';
import type { User } from '../users/user.entity.js';

/**
 * A server-side session. The browser holds a random 32-byte token in the `passerelle_session` cookie; only
 * its SHA-256 is stored, so a copy of the database cannot be replayed as cookies. Signing out deletes the row.
 */
@Entity('user_session')
export class UserSession {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('UQ_user_session_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @Index('IDX_user_session_user')
  @UuidColumn('user_id')
  userId: string;

  @ManyToOne('User', { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id' })
  user?: Relation<User>;

  /** Sent back in X-CSRF-Token on every mutation; not a secret from the person, only from other sites. */
  @Column({ name: 'csrf_token', type: 'varchar', length: 64 })
  csrfToken: string;

  @InstantColumn('created_at')
  createdAt: Date;

  /** Last recorded activity; written at most once a minute, so the idle timeout may run up to a minute early. */
  @InstantColumn('last_seen_at')
  lastSeenAt: Date;

  @InstantColumn('absolute_expires_at')
  absoluteExpiresAt: Date;

  /** The portal's terms of use are accepted per session (asked at every sign-in). */
  @InstantColumn('terms_accepted_at', { nullable: true })
  termsAcceptedAt: Date | null;

  /** The person's previous sign-in, shown on the welcome page; null on the very first. */
  @InstantColumn('previous_sign_in_at', { nullable: true })
  previousSignInAt: Date | null;

  @Column({ name: 'ip_address', type: 'varchar', length: 45, nullable: true })
  ipAddress: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 255, nullable: true })
  userAgent: string | null;

  /** The business the person acts for in this session (switchBusiness); null: the first membership. */
  @UuidColumn('active_business_id', { nullable: true })
  activeBusinessId: string | null;
}
