import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { InstantColumn, UuidColumn } from '../../common/database/columns.js';
import { DateTimeScalar } from '../../common/graphql/date-time.scalar.js';
import { SecurityEventType } from './security-event.types.js';

/**
 * The security audit trail. Append-only: audit.service.ts only ever inserts (a spec checks no code updates
 * or deletes it). No foreign keys: the trail outlives whatever it mentions, and a failed sign-in for an
 * unknown username has no user. Holds no username, password or token: who (ids), what, when, from where.
 */
@ObjectType('SecurityEvent', {
  description: 'A security-relevant event of the signed-in person’s credential.',
})
@Entity('security_event')
@Index('IDX_security_event_user_time', ['userId', 'occurredAt'])
@Index('IDX_security_event_user_type_time', ['userId', 'type', 'occurredAt'])
export class SecurityEvent {
  @Field(() => ID, { description: 'The security event’s id (opaque).' })
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The person the event is about; null when the username did not exist. */
  @UuidColumn('user_id', { nullable: true })
  userId: string | null;

  /** Who acted when it is not the person (an officer unlocking the credential). */
  @UuidColumn('actor_id', { nullable: true })
  actorId: string | null;

  @Field(() => SecurityEventType, {
    description: 'What happened (a password change, a lock, a revocation…).',
  })
  @Column({ name: 'event_type', type: 'varchar', length: 40 })
  type: SecurityEventType;

  @Field(() => DateTimeScalar, { description: 'When it happened.' })
  @InstantColumn('occurred_at')
  occurredAt: Date;

  @Field(() => String, { nullable: true, description: 'The client address the request came from.' })
  @Column({ name: 'ip_address', type: 'varchar', length: 45, nullable: true })
  ipAddress: string | null;
}
