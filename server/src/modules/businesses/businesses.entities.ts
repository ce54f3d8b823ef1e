import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';
import {
  type AccessRequestStatus,
  type BusinessRole,
  type MembershipStatus,
  type RegistrationStep,
} from './businesses.types.js';

// The portal side of businesses (docs/businesses.md). Registry rows (registry_*) are reference data the
// portal never edits; these tables hold what happens on the portal. Ids are UUIDs assigned in code
// (timeOrderedId, so that id order is creation order).

/** A registry business registered on the portal: at most one per registry business. */
@Entity('business')
export class Business {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('UQ_business_registry_business', { unique: true })
  @UuidColumn('registry_business_id')
  registryBusinessId: string;

  /** BN9, copied from the registry for lookups and display. */
  @Index('UQ_business_number', { unique: true })
  @Column({ name: 'business_number', type: 'varchar', length: 9 })
  businessNumber: string;

  @InstantColumn('registered_at')
  registeredAt: Date;

  /** The person who registered it (or redeemed the activation key that registered it). */
  @UuidColumn('registered_by')
  registeredBy: string;

  /** Portal-side setting kept by the business ('' when none). */
  @Column({ name: 'business_activity', type: 'varchar', length: 500 })
  businessActivity: string;

  /** Portal-side contacts, a JSON array of { name, title, phone, email }. */
  @Column({ name: 'contacts_json', type: 'text' })
  contactsJson: string;

  @InstantColumn('updated_at')
  updatedAt: Date;
}

/** A person's role for a business. One row per person and business; revoking keeps the row (status). */
@Entity('business_membership')
@Index('UQ_business_membership_person', ['businessId', 'userId'], { unique: true })
// A business's employees page, active first then oldest granted (docs/decisions/0033).
@Index('IDX_business_membership_list', ['businessId', 'status', 'grantedAt', 'id'])
export class BusinessMembership {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('business_id')
  businessId: string;

  @Index('IDX_business_membership_user')
  @UuidColumn('user_id')
  userId: string;

  @Column({ type: 'varchar', length: 30 })
  role: BusinessRole;

  @Column({ type: 'varchar', length: 10 })
  status: MembershipStatus;

  @InstantColumn('granted_at')
  grantedAt: Date;

  /** Null when the person registered the business themselves. */
  @UuidColumn('granted_by', { nullable: true })
  grantedBy: string | null;

  @InstantColumn('updated_at')
  updatedAt: Date;
}

/**
 * The program accounts in a non-BAM membership's scope. A BAM has no rows: its scope is every account of the
 * business, computed, so accounts added to the registry later are included.
 */
@Entity('membership_program_account')
export class MembershipProgramAccount {
  @PrimaryColumn({ name: 'membership_id', type: 'varchar', length: 36 })
  membershipId: string;

  @PrimaryColumn({ name: 'program_account_id', type: 'varchar', length: 36 })
  programAccountId: string;
}

/** An employee's request for access to a registered business. */
@Entity('access_request')
@Index('IDX_access_request_business_status', ['businessId', 'status'])
@Index('IDX_access_request_requester', ['requesterId', 'requestedAt'])
@Index('UQ_access_request_pending', ['businessId', 'requesterId', 'pending'], { unique: true })
export class AccessRequest {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('business_id')
  businessId: string;

  @UuidColumn('requester_id')
  requesterId: string;

  @Column({ type: 'varchar', length: 500 })
  reason: string;

  @Column({ type: 'varchar', length: 10 })
  status: AccessRequestStatus;

  @InstantColumn('requested_at')
  requestedAt: Date;

  @InstantColumn('decided_at', { nullable: true })
  decidedAt: Date | null;

  @UuidColumn('decided_by', { nullable: true })
  decidedBy: string | null;

  @Column({ name: 'decision_reason', type: 'varchar', length: 500, nullable: true })
  decisionReason: string | null;

  @Column({ name: 'granted_role', type: 'varchar', length: 30, nullable: true })
  grantedRole: BusinessRole | null;

  /**
   * True while PENDING, null once settled. With the unique index on (business, requester, pending) it makes
   * "one pending request per person and business" hold under concurrent requests too: MySQL has no partial
   * indexes, and rows with a NULL in a unique index never collide.
   */
  @Column({ type: 'boolean', nullable: true })
  pending: true | null;
}

/** An activation key issued by an officer to a business's named contact. Only the key's SHA-256 is stored. */
@Entity('activation_key')
export class ActivationKey {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Index('IDX_activation_key_registry_business')
  @UuidColumn('registry_business_id')
  registryBusinessId: string;

  @Index('UQ_activation_key_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'varchar', length: 64 })
  keyHash: string;

  @Column({ name: 'contact_name', type: 'varchar', length: 175 })
  contactName: string;

  @UuidColumn('issued_by')
  issuedBy: string;

  @InstantColumn('issued_at')
  issuedAt: Date;

  @InstantColumn('expires_at')
  expiresAt: Date;

  @InstantColumn('used_at', { nullable: true })
  usedAt: Date | null;

  @UuidColumn('used_by', { nullable: true })
  usedBy: string | null;
}

/** A person's registration of a registry business, step by step. */
@Entity('business_registration')
@Index('IDX_business_registration_user', ['userId', 'startedAt'])
export class BusinessRegistration {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('user_id')
  userId: string;

  @UuidColumn('registry_business_id')
  registryBusinessId: string;

  @Column({ name: 'business_number', type: 'varchar', length: 9 })
  businessNumber: string;

  /** The RM account named in step 1. */
  @UuidColumn('program_account_id')
  programAccountId: string;

  /** RM + 4 digits. */
  @Column({ name: 'program_account_reference', type: 'varchar', length: 6 })
  programAccountReference: string;

  /** The person's name when they attested (step 1), from their personal profile. */
  @Column({ name: 'attested_by_name', type: 'varchar', length: 201 })
  attestedByName: string;

  @Column({ type: 'varchar', length: 20 })
  step: RegistrationStep;

  /** Question 1's transaction, picked once among the 5 most recent; '' when the account has none. */
  @Column({ name: 'transaction_number', type: 'varchar', length: 14 })
  transactionNumber: string;

  /** Whether question 3 (statement balance) is asked: MONTHLY_STATEMENT accounts. */
  @Column({ name: 'asks_statement_balance', type: 'boolean' })
  asksStatementBalance: boolean;

  @InstantColumn('started_at')
  startedAt: Date;

  @InstantColumn('updated_at')
  updatedAt: Date;

  @UuidColumn('business_id', { nullable: true })
  businessId: string | null;
}

/** Failed registration attempts of a registry business (steps 2 and 3, every person together) and its lock. */
@Entity('registration_lock')
export class RegistrationLock {
  @PrimaryColumn({ name: 'registry_business_id', type: 'varchar', length: 36 })
  registryBusinessId: string;

  @Column({ name: 'failed_attempts', type: 'int' })
  failedAttempts: number;

  /** Set by the failure that reaches the limit; cleared by an officer. */
  @InstantColumn('locked_at', { nullable: true })
  lockedAt: Date | null;

  @InstantColumn('updated_at')
  updatedAt: Date;
}

/**
 * The audit trail of a registry business. Append-only (only inserted; a spec checks no code updates or
 * deletes it). No foreign keys: the trail outlives what it mentions.
 */
@Entity('business_audit_event')
@Index('IDX_business_audit_event_business_time', ['registryBusinessId', 'occurredAt'])
export class BusinessAuditEvent {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('registry_business_id')
  registryBusinessId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 40 })
  type: string;

  /** Who acted; null for the system. */
  @UuidColumn('actor_id', { nullable: true })
  actorId: string | null;

  /** A short, language-neutral detail (e.g. "role=EDITOR accounts=2"); never a secret or an answer. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  detail: string | null;

  @InstantColumn('occurred_at')
  occurredAt: Date;
}

/**
 * The portal's own contacts of a program account, kept by the business (a BAM, or a PAM or Editor within
 * scope). The registry's contacts show until the business sets its own; the rest of the profile is the
 * agency's and is never edited.
 */
@Entity('program_account_settings')
export class ProgramAccountSettings {
  @PrimaryColumn({ name: 'program_account_id', type: 'varchar', length: 36 })
  programAccountId: string;

  @Column({ name: 'contacts_json', type: 'text' })
  contactsJson: string;

  @UuidColumn('updated_by')
  updatedBy: string;

  @InstantColumn('updated_at')
  updatedAt: Date;
}

export const businessEntities = [
  Business,
  BusinessMembership,
  MembershipProgramAccount,
  AccessRequest,
  ActivationKey,
  BusinessRegistration,
  RegistrationLock,
  BusinessAuditEvent,
  ProgramAccountSettings,
];
