import { type EntityManager } from 'typeorm';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { type DomainEventType } from '../../common/events/domain-events.js';
import { BusinessAuditEvent } from './businesses.entities.js';

/**
 * Types of the business audit trail (business_audit_event.event_type): the name of the domain event the
 * change also publishes, or one of the three audit-only types (a failed registration attempt publishes
 * nothing; a redeemed key and a role change publish MEMBERSHIP_CHANGED). Events that
 * concern no one business's trail (reminders, statement imports) are left out.
 */
export type BusinessAuditType =
  | Exclude<
      DomainEventType,
      'MEMBERSHIP_CHANGED' | 'RELATIONSHIP_EXPIRY_REMINDER' | 'STATEMENTS_ISSUED' | 'NOTICES_CREATED'
    >
  | 'REGISTRATION_FAILED'
  | 'ACTIVATION_KEY_REDEEMED'
  | 'ROLE_CHANGED';

export interface AuditInput {
  registryBusinessId: string;
  type: BusinessAuditType;
  actorId: string | null;
  detail?: string | null;
  occurredAt: Date;
}

/** Appends to the audit trail of a registry business. The only writer of business_audit_event: inserts only. */
export async function recordBusinessAudit(manager: EntityManager, input: AuditInput): Promise<void> {
  await manager.insert(BusinessAuditEvent, {
    id: timeOrderedId(),
    registryBusinessId: input.registryBusinessId,
    type: input.type,
    actorId: input.actorId,
    detail: input.detail ? input.detail.slice(0, 500) : null,
    occurredAt: input.occurredAt,
  });
}
