import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';
import {
  type RelationshipEventType,
  type RelationshipStatus,
  type RelationshipType,
} from './relationships.types.js';

// Business relationships (docs/relationships.md): a service provider acts for a client once the client
// accepted. Ids are UUIDs assigned in code (timeOrderedId).

/** A service provider's request for a relationship with a client, and what became of it. */
@Entity('business_relationship')
@Index('IDX_business_relationship_client_list', ['clientBusinessId', 'status', 'requestedAt', 'id'])
@Index('IDX_business_relationship_provider_list', ['providerBusinessId', 'status', 'requestedAt', 'id'])
// A provider's clients, most recently accepted first (Business.clients, docs/decisions/0022): the page's walk.
@Index('IDX_business_relationship_provider_decided', ['providerBusinessId', 'status', 'decidedAt', 'id'])
@Index('IDX_business_relationship_expiry', ['status', 'expiresAt'])
@Index('UQ_business_relationship_open', ['providerBusinessId', 'clientBusinessId', 'open'], { unique: true })
export class BusinessRelationship {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The portal business (business.id) of the service provider. */
  @UuidColumn('provider_business_id')
  providerBusinessId: string;

  /** The portal business (business.id) of the client. */
  @UuidColumn('client_business_id')
  clientBusinessId: string;

  /** Chosen by the client on acceptance; null until then (and for requests never accepted). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  type: RelationshipType | null;

  /** PENDING, ACCEPTED, REJECTED, CANCELLED, EXPIRED or ENDED. A PENDING row past expires_at reads as EXPIRED. */
  @Column({ type: 'varchar', length: 10 })
  status: RelationshipStatus;

  @Column({ type: 'varchar', length: 500, nullable: true })
  message: string | null;

  @UuidColumn('requested_by')
  requestedBy: string;

  @InstantColumn('requested_at')
  requestedAt: Date;

  /** requested_at + RELATIONSHIP_EXPIRY_DAYS: a request not answered by then expires. */
  @InstantColumn('expires_at')
  expiresAt: Date;

  /** When the expiry reminder was published (once, within 7 days of expiry). */
  @InstantColumn('reminder_sent_at', { nullable: true })
  reminderSentAt: Date | null;

  @UuidColumn('decided_by', { nullable: true })
  decidedBy: string | null;

  @InstantColumn('decided_at', { nullable: true })
  decidedAt: Date | null;

  @Column({ name: 'decision_reason', type: 'varchar', length: 500, nullable: true })
  decisionReason: string | null;

  @UuidColumn('ended_by', { nullable: true })
  endedBy: string | null;

  @InstantColumn('ended_at', { nullable: true })
  endedAt: Date | null;

  /**
   * True while PENDING or ACCEPTED, null once settled. With the unique index on (provider, client, open) it makes
   * "at most one open relationship per pair" hold under concurrent requests: MySQL has no partial indexes, and
   * rows with a NULL in a unique index never collide.
   */
  @Column({ type: 'boolean', nullable: true })
  open: true | null;

  @InstantColumn('updated_at')
  updatedAt: Date;
}

/**
 * The client's program accounts (registry_program_account.id) a PROGRAM_MANAGEMENT relationship covers. A
 * BUSINESS_MANAGEMENT relationship has no rows: it covers every account of the client, computed at check time.
 */
@Entity('relationship_program_account')
export class RelationshipProgramAccount {
  @PrimaryColumn({ name: 'relationship_id', type: 'varchar', length: 36 })
  relationshipId: string;

  @PrimaryColumn({ name: 'program_account_id', type: 'varchar', length: 36 })
  programAccountId: string;
}

/** The timeline of a relationship, which both parties see: who did what, when. Inserted only. */
@Entity('relationship_event')
@Index('IDX_relationship_event_relationship', ['relationshipId', 'occurredAt'])
export class RelationshipEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('relationship_id')
  relationshipId: string;

  @Column({ type: 'varchar', length: 20 })
  type: RelationshipEventType;

  /** Who acted; null for the system (expiry). */
  @UuidColumn('actor_id', { nullable: true })
  actorId: string | null;

  @InstantColumn('occurred_at')
  occurredAt: Date;

  /** e.g. the relationship type on acceptance, the reason of a rejection. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  detail: string | null;
}

export const relationshipEntities = [BusinessRelationship, RelationshipProgramAccount, RelationshipEvent];
