import { type DataSource, type EntityManager } from 'typeorm';
import { type Statement } from '../../common/database/prepared.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { SecurityEvent } from './security-event.entity.js';
import { SecurityEventType } from './security-event.types.js';

export interface SecurityEventInput {
  type: SecurityEventType;
  occurredAt: Date;
  userId?: string | null;
  actorId?: string | null;
  ipAddress?: string | null;
}

/** The most events `recentSecurityEvents` returns. */
export const RECENT_EVENTS_MAX = 50;

/**
 * Appends events to the security audit trail, inside the caller's transaction so the event and the change it
 * records commit together. The trail is append-only: this module has no update or delete, and a spec checks
 * that no other code writes to it. Throws nothing of its own.
 */
export async function recordSecurityEvents(
  manager: EntityManager,
  events: readonly SecurityEventInput[],
): Promise<void> {
  if (events.length === 0) return;
  await manager.insert(
    SecurityEvent,
    events.map((event) => ({
      // Time-ordered: events written in the same millisecond (a failure and the lock it caused) keep their order.
      id: timeOrderedId(),
      type: event.type,
      occurredAt: event.occurredAt,
      userId: event.userId ?? null,
      actorId: event.actorId ?? null,
      ipAddress: event.ipAddress ?? null,
    })),
  );
}

/**
 * The one statement that appends `events` to the trail (a multi-row INSERT: atomic on its own), for callers
 * that send their statements to the driver (common/database/prepared.ts: a password sign-in, decision 0052).
 */
export function securityEventsStatement(events: readonly SecurityEventInput[]): Statement {
  return {
    sql:
      'INSERT INTO security_event (id, event_type, occurred_at, user_id, actor_id, ip_address) VALUES ' +
      events.map(() => '(?, ?, ?, ?, ?, ?)').join(', '),
    values: events.flatMap((event) => [
      timeOrderedId(),
      event.type,
      event.occurredAt,
      event.userId ?? null,
      event.actorId ?? null,
      event.ipAddress ?? null,
    ]),
  };
}

/** A person's most recent events, newest first, at most RECENT_EVENTS_MAX. Throws nothing of its own. */
export async function listRecentSecurityEvents(
  dataSource: DataSource,
  userId: string,
  first: number,
): Promise<SecurityEvent[]> {
  const take = Math.max(0, Math.min(first, RECENT_EVENTS_MAX));
  if (take === 0) return [];
  return dataSource.getRepository(SecurityEvent).find({
    where: { userId },
    order: { occurredAt: 'DESC', id: 'DESC' },
    take,
  });
}

/**
 * SQL for a person's last successful sign-in (`userIdSql` names their id in the outer query): the newest
 * SIGN_IN_SUCCEEDED of the trail, on the (user_id, event_type, occurred_at) index. Read it back with
 * `lastSignInOf`. Failures of a credential before it no longer count (throttling.service.ts), and it is the
 * "previous sign-in" a new session shows.
 */
export function lastSignInSql(userIdSql: string): string {
  return `(SELECT MAX(se.occurred_at) FROM security_event se WHERE se.user_id = ${userIdSql} AND se.event_type = '${SecurityEventType.SIGN_IN_SUCCEEDED}')`;
}

/** The value `lastSignInSql` selected, as a Date (each driver answers a datetime its own way). */
export function lastSignInOf(dataSource: DataSource, value: unknown): Date | null {
  if (value == null) return null;
  const column = dataSource.getMetadata(SecurityEvent).findColumnWithPropertyName('occurredAt')!;
  return dataSource.driver.prepareHydratedValue(value, column) as Date;
}
