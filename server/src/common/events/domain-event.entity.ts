import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn } from '../database/columns.js';

/**
 * The domain-event outbox (table domain_event): every published event, append-only except `consumed_at`.
 * The subscribers run inside the publishing transaction, so an event is recorded as consumed when written
 * (decision 0013); the column stays for a future asynchronous subscriber (webhooks).
 */
@Entity('domain_event')
@Index('IDX_domain_event_pending', ['consumedAt', 'occurredAt'])
export class DomainEventRecord {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'event_type', type: 'varchar', length: 40 })
  type: string;

  /** JSON text of the event's payload. */
  @Column({ type: 'text' })
  payload: string;

  @InstantColumn('occurred_at')
  occurredAt: Date;

  @InstantColumn('consumed_at', { nullable: true })
  consumedAt: Date | null;
}
