import { Check, Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../../common/database/columns.js';
import { CredentialKind, PersonRole } from './user.types.js';

/**
 * A person who signs in. A person has exactly one credential, either LOCAL (username + password) or PARTNER
 * (an OpenID Connect issuer + subject), never both: `credential_kind` says which, the other kind's columns
 * stay null. The CHECK enforces it on SQLite (TypeORM does not manage CHECK constraints on MySQL, where
 * users.service.ts is the only writer and sets either set of columns). Nothing is ever deleted: a revoked
 * credential keeps its username so that it can never be registered again.
 */
@Entity('app_user')
@Check(
  'CHK_app_user_one_credential',
  `(credential_kind = 'LOCAL' AND username IS NOT NULL AND username_key IS NOT NULL AND password_hash IS NOT NULL AND partner_issuer IS NULL AND partner_subject IS NULL) OR (credential_kind = 'PARTNER' AND username IS NULL AND username_key IS NULL AND password_hash IS NULL AND partner_issuer IS NOT NULL AND partner_subject IS NOT NULL)`,
)
@Index('UQ_app_user_partner', ['partnerIssuer', 'partnerSubject'], { unique: true })
export class User {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  role: PersonRole;

  @Column({ name: 'credential_kind', type: 'varchar', length: 16 })
  credentialKind: CredentialKind;

  /** LOCAL: as the person typed it at registration. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  username: string | null;

  /** LOCAL: lower-cased username, unique, so that "MarieT2024" and "mariet2024" are the same person. */
  @Index('UQ_app_user_username_key', { unique: true })
  @Column({ name: 'username_key', type: 'varchar', length: 16, nullable: true })
  usernameKey: string | null;

  /** LOCAL: argon2id (PHC string). Kept after revocation so a right password can be told "revoked". */
  @Column({ name: 'password_hash', type: 'varchar', length: 128, nullable: true })
  passwordHash: string | null;

  @Column({ name: 'partner_issuer', type: 'varchar', length: 255, nullable: true })
  partnerIssuer: string | null;

  @Column({ name: 'partner_subject', type: 'varchar', length: 255, nullable: true })
  partnerSubject: string | null;

  /** The start of the most recent session; copied into the next session as its "previous sign-in". */
  @InstantColumn('last_sign_in_at', { nullable: true })
  lastSignInAt: Date | null;

  /** Set once, never cleared: the credential can never sign in again. */
  @InstantColumn('revoked_at', { nullable: true })
  revokedAt: Date | null;

  @InstantColumn('created_at')
  createdAt: Date;

  @InstantColumn('updated_at')
  updatedAt: Date;
}
