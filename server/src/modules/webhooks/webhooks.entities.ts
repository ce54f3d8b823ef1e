import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';

/** A business's webhook endpoint (decision 0028). */
@Entity('webhook_endpoint')
@Index('IDX_webhook_endpoint_business', ['businessId', 'id'])
export class WebhookEndpoint {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('business_id')
  businessId: string;

  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 100 })
  description: string;

  /** JSON array of public event types. */
  @Column({ name: 'event_types', type: 'text' })
  eventTypes: string;

  /** JSON array of client group ids (empty: every client). */
  @Column({ name: 'client_group_ids', type: 'text' })
  clientGroupIds: string;

  /** The signing secret, AES-256-GCM encrypted (iv.tag.ciphertext, base64url). */
  @Column({ name: 'secret_cipher', type: 'varchar', length: 300 })
  secretCipher: string;

  /** ENABLED or DISABLED. */
  @Column({ type: 'varchar', length: 20 })
  status: string;

  /** Why it was disabled: FAILING (by the sender) or BY_USER. */
  @Column({ name: 'disabled_reason', type: 'varchar', length: 20, nullable: true })
  disabledReason: string | null;

  /** The first failure since the last success; an endpoint failing for days is disabled. */
  @InstantColumn('failing_since', { nullable: true })
  failingSince: Date | null;

  @UuidColumn('created_by')
  createdBy: string;

  @InstantColumn('created_at')
  createdAt: Date;

  @InstantColumn('updated_at')
  updatedAt: Date;
}

/** A public event as kept for 30 days: the webhooks' source and the changes feed (decision 0028). */
@Entity('webhook_event')
@Index('IDX_webhook_event_business', ['businessId', 'id'])
@Index('IDX_webhook_event_occurred', ['occurredAt'])
export class WebhookEvent {
  /** Time-ordered: the feed's order and cursor. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 60 })
  type: string;

  @Column({ type: 'int' })
  version: number;

  /** The business the event concerns. */
  @UuidColumn('business_id')
  businessId: string;

  @UuidColumn('program_account_id', { nullable: true })
  programAccountId: string | null;

  /** The access-table area whose VIEW decides who is told. */
  @Column({ type: 'varchar', length: 40 })
  area: string;

  /** JSON of the whole payload; cut per receiver when sent or read. */
  @Column({ type: 'text' })
  data: string;

  /** The domain_event row it came from (null: a test event). */
  @UuidColumn('source_event_id', { nullable: true })
  sourceEventId: string | null;

  @InstantColumn('occurred_at')
  occurredAt: Date;
}

/** One sending of one event to one endpoint: the delivery outbox (leases, retries, dead letter). */
@Entity('webhook_delivery')
@Index('IDX_webhook_delivery_due', ['status', 'nextAttemptAt'])
@Index('IDX_webhook_delivery_endpoint', ['endpointId', 'status', 'id'])
export class WebhookDelivery {
  /** Time-ordered: the order of deliveries to an endpoint. */
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @UuidColumn('endpoint_id')
  endpointId: string;

  @UuidColumn('event_id')
  eventId: string;

  /** PENDING, DELIVERED, DEAD (retries spent), SKIPPED (not visible at delivery, or endpoint disabled). */
  @Column({ type: 'varchar', length: 20 })
  status: string;

  @Column({ type: 'int', default: 0 })
  attempts: number;

  @InstantColumn('next_attempt_at')
  nextAttemptAt: Date;

  @Column({ name: 'lease_owner', type: 'varchar', length: 36, nullable: true })
  leaseOwner: string | null;

  @InstantColumn('lease_until', { nullable: true })
  leaseUntil: Date | null;

  @Column({ name: 'response_status', type: 'int', nullable: true })
  responseStatus: number | null;

  @Column({ name: 'last_error', type: 'varchar', length: 300, nullable: true })
  lastError: string | null;

  @InstantColumn('last_attempt_at', { nullable: true })
  lastAttemptAt: Date | null;

  @InstantColumn('created_at')
  createdAt: Date;
}

export const webhookEntities = [WebhookEndpoint, WebhookEvent, WebhookDelivery];
