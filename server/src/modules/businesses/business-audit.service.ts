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

/**
 * What an entry says besides its type, as named facts (`{ relationship: id, type: 'PROGRAM_MANAGEMENT' }`):
 * stored as `name=value` pairs separated by spaces, each value URI-encoded (`formatAuditDetails`), and
 * answered to the API as a list of facts (`parseAuditDetails`), which the app labels in the officer's
 * language (issue 14, defect 6). Absent facts (null, undefined) are left out. docs/businesses.md lists
 * the names each type uses.
 */
export type AuditDetails = Readonly<Record<string, string | number | null | undefined>>;

export interface AuditDetail {
  name: string;
  value: string;
}

export interface AuditInput {
  registryBusinessId: string;
  type: BusinessAuditType;
  actorId: string | null;
  details?: AuditDetails;
  occurredAt: Date;
}

/** Stored form of `details`: `name=value` pairs, values URI-encoded so a space or `=` in one cannot split it. */
export function formatAuditDetails(details: AuditDetails | undefined): string | null {
  const pairs = Object.entries(details ?? {})
    .filter((entry): entry is [string, string | number] => entry[1] !== null && entry[1] !== undefined)
    .map(([name, value]) => `${name}=${encodeURIComponent(String(value))}`);
  return pairs.length ? pairs.join(' ') : null;
}

/**
 * The facts of a stored detail. Rows written before values were encoded (a contact's name with spaces,
 * `role=A->B`) read as well: a word without `=` belongs to the fact before it, and a value that is not
 * valid URI encoding is kept as written.
 */
export function parseAuditDetails(text: string | null): AuditDetail[] {
  const details: AuditDetail[] = [];
  for (const word of (text ?? '').split(' ').filter(Boolean)) {
    const match = /^([A-Za-z][A-Za-z0-9]*)=(.*)$/.exec(word);
    const last = details.at(-1);
    if (!match) {
      if (last) last.value = `${last.value} ${word}`;
      else details.push({ name: 'text', value: word });
      continue;
    }
    let value = match[2] ?? '';
    try {
      value = decodeURIComponent(value);
    } catch {
      // Kept as written.
    }
    details.push({ name: match[1] ?? '', value });
  }
  return details;
}

/** Appends to the audit trail of a registry business. The only writer of business_audit_event: inserts only. */
export async function recordBusinessAudit(manager: EntityManager, input: AuditInput): Promise<void> {
  await manager.insert(BusinessAuditEvent, {
    id: timeOrderedId(),
    registryBusinessId: input.registryBusinessId,
    type: input.type,
    actorId: input.actorId,
    detail: formatAuditDetails(input.details)?.slice(0, 500) ?? null,
    occurredAt: input.occurredAt,
  });
}
