import { type EntityManager } from 'typeorm';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { noticesForDomainEvent } from '../notices/notice-sources.js';
import { BusinessAuditEvent, DomainEvent } from './businesses.entities.js';

/** Types of the business audit trail (business_audit_event.event_type). */
export const BusinessAuditType = {
  REGISTRATION_FAILED: 'REGISTRATION_FAILED',
  REGISTRATION_LOCKED: 'REGISTRATION_LOCKED',
  REGISTRATION_UNLOCKED: 'REGISTRATION_UNLOCKED',
  REGISTERED: 'REGISTERED',
  ACTIVATION_KEY_ISSUED: 'ACTIVATION_KEY_ISSUED',
  ACTIVATION_KEY_REDEEMED: 'ACTIVATION_KEY_REDEEMED',
  ACCESS_REQUESTED: 'ACCESS_REQUESTED',
  ACCESS_CANCELLED: 'ACCESS_CANCELLED',
  ACCESS_APPROVED: 'ACCESS_APPROVED',
  ACCESS_REJECTED: 'ACCESS_REJECTED',
  ROLE_CHANGED: 'ROLE_CHANGED',
  MEMBERSHIP_REVOKED: 'MEMBERSHIP_REVOKED',
  SETTINGS_CHANGED: 'SETTINGS_CHANGED',
  PROGRAM_CONTACTS_CHANGED: 'PROGRAM_CONTACTS_CHANGED',
  RULING_REQUESTED: 'RULING_REQUESTED',
  DOCUMENTS_UPLOADED: 'DOCUMENTS_UPLOADED',
  CREDIT_APPLIED: 'CREDIT_APPLIED',
  SECURITY_CHANGE_SUBMITTED: 'SECURITY_CHANGE_SUBMITTED',
  PAD_CREATED: 'PAD_CREATED',
  PAD_CANCELLED: 'PAD_CANCELLED',
  RELATIONSHIP_REQUESTED: 'RELATIONSHIP_REQUESTED',
  RELATIONSHIP_CANCELLED: 'RELATIONSHIP_CANCELLED',
  RELATIONSHIP_ACCEPTED: 'RELATIONSHIP_ACCEPTED',
  RELATIONSHIP_REJECTED: 'RELATIONSHIP_REJECTED',
  RELATIONSHIP_EXPIRED: 'RELATIONSHIP_EXPIRED',
  RELATIONSHIP_ENDED: 'RELATIONSHIP_ENDED',
  CLIENT_GROUP_CREATED: 'CLIENT_GROUP_CREATED',
  CLIENT_GROUP_RENAMED: 'CLIENT_GROUP_RENAMED',
  CLIENT_GROUP_DELETED: 'CLIENT_GROUP_DELETED',
  CLIENT_GROUP_CLIENTS_ADDED: 'CLIENT_GROUP_CLIENTS_ADDED',
  CLIENT_GROUP_CLIENTS_REMOVED: 'CLIENT_GROUP_CLIENTS_REMOVED',
  EMPLOYEE_ASSIGNED: 'EMPLOYEE_ASSIGNED',
  EMPLOYEE_UNASSIGNED: 'EMPLOYEE_UNASSIGNED',
} as const;
export type BusinessAuditType = (typeof BusinessAuditType)[keyof typeof BusinessAuditType];

/** Types of the domain-event outbox (domain_event.event_type), read by the notices module later. */
export const DomainEventType = {
  REGISTERED: 'REGISTERED',
  REGISTRATION_LOCKED: 'REGISTRATION_LOCKED',
  REGISTRATION_UNLOCKED: 'REGISTRATION_UNLOCKED',
  ACTIVATION_KEY_ISSUED: 'ACTIVATION_KEY_ISSUED',
  MEMBERSHIP_CHANGED: 'MEMBERSHIP_CHANGED',
  ACCESS_REQUESTED: 'ACCESS_REQUESTED',
  ACCESS_CANCELLED: 'ACCESS_CANCELLED',
  ACCESS_APPROVED: 'ACCESS_APPROVED',
  ACCESS_REJECTED: 'ACCESS_REJECTED',
  MEMBERSHIP_REVOKED: 'MEMBERSHIP_REVOKED',
  SETTINGS_CHANGED: 'SETTINGS_CHANGED',
  PROGRAM_CONTACTS_CHANGED: 'PROGRAM_CONTACTS_CHANGED',
  RULING_REQUESTED: 'RULING_REQUESTED',
  DOCUMENTS_UPLOADED: 'DOCUMENTS_UPLOADED',
  CREDIT_APPLIED: 'CREDIT_APPLIED',
  SECURITY_CHANGE_SUBMITTED: 'SECURITY_CHANGE_SUBMITTED',
  PAD_CREATED: 'PAD_CREATED',
  PAD_CANCELLED: 'PAD_CANCELLED',
  RELATIONSHIP_REQUESTED: 'RELATIONSHIP_REQUESTED',
  RELATIONSHIP_CANCELLED: 'RELATIONSHIP_CANCELLED',
  RELATIONSHIP_ACCEPTED: 'RELATIONSHIP_ACCEPTED',
  RELATIONSHIP_REJECTED: 'RELATIONSHIP_REJECTED',
  RELATIONSHIP_EXPIRED: 'RELATIONSHIP_EXPIRED',
  RELATIONSHIP_ENDED: 'RELATIONSHIP_ENDED',
  CLIENT_GROUP_CREATED: 'CLIENT_GROUP_CREATED',
  CLIENT_GROUP_RENAMED: 'CLIENT_GROUP_RENAMED',
  CLIENT_GROUP_DELETED: 'CLIENT_GROUP_DELETED',
  CLIENT_GROUP_CLIENTS_ADDED: 'CLIENT_GROUP_CLIENTS_ADDED',
  CLIENT_GROUP_CLIENTS_REMOVED: 'CLIENT_GROUP_CLIENTS_REMOVED',
  EMPLOYEE_ASSIGNED: 'EMPLOYEE_ASSIGNED',
  EMPLOYEE_UNASSIGNED: 'EMPLOYEE_UNASSIGNED',
  RELATIONSHIP_EXPIRY_REMINDER: 'RELATIONSHIP_EXPIRY_REMINDER',
} as const;
export type DomainEventType = (typeof DomainEventType)[keyof typeof DomainEventType];

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

/**
 * Appends to the domain-event outbox, in the caller's transaction so the event exists exactly when the change
 * does. The notices module consumes it right there (notices and their emails, docs/notices.md), so the event
 * is recorded as consumed at once; a rollback undoes the event and its notices together.
 */
export async function publishDomainEvent(
  manager: EntityManager,
  type: DomainEventType,
  payload: Record<string, unknown>,
  occurredAt: Date,
): Promise<void> {
  const id = timeOrderedId();
  await manager.insert(DomainEvent, {
    id,
    type,
    payload: JSON.stringify(payload),
    occurredAt,
    consumedAt: occurredAt,
  });
  await noticesForDomainEvent(manager, { id, type, payload, occurredAt });
}
