import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';

// API tokens of a business (docs/api.md, "Authentication"; docs/decisions/0014-broker-api.md).

/**
 * A bearer token a business account manager created for the business's systems. Only the SHA-256 of the
 * secret is stored (the secret is shown once); `prefix` is the secret's first characters, kept to help a
 * person tell tokens apart. Revoking sets `revoked_at`; rows are never deleted (the audit trail names them).
 */
@Entity('api_token')
@Index('IDX_api_token_business', ['businessId', 'createdAt'])
export class ApiToken {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('UQ_api_token_secret_hash', { unique: true })
  @Column({ name: 'secret_hash', type: 'varchar', length: 64 })
  secretHash: string;

  /** The first characters of the secret (`psl_` and 8 more), shown in lists. */
  @Column({ type: 'varchar', length: 16 })
  prefix: string;

  /** The portal business (business.id) the token acts for. */
  @UuidColumn('business_id')
  businessId: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  /** READ or READ_WRITE. */
  @Column({ type: 'varchar', length: 20 })
  scope: string;

  /** The business account manager who created it; the token stops working when they stop being one. */
  @UuidColumn('created_by')
  createdBy: string;

  @InstantColumn('created_at')
  createdAt: Date;

  @InstantColumn('expires_at')
  expiresAt: Date;

  @InstantColumn('revoked_at', { nullable: true })
  revokedAt: Date | null;

  @UuidColumn('revoked_by', { nullable: true })
  revokedBy: string | null;

  /** Last request made with the token; written at most once a minute. */
  @InstantColumn('last_used_at', { nullable: true })
  lastUsedAt: Date | null;
}

/** A client group a token is limited to (none: every client of the business). */
@Entity('api_token_client_group')
export class ApiTokenClientGroup {
  @PrimaryColumn({ name: 'token_id', type: 'varchar', length: 36 })
  tokenId: string;

  @PrimaryColumn({ name: 'client_group_id', type: 'varchar', length: 36 })
  clientGroupId: string;
}

export const apiTokenEntities = [ApiToken, ApiTokenClientGroup];
