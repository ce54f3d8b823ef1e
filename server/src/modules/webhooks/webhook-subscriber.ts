import { type EntityManager } from 'typeorm';
import { accessTable, type AccessArea } from '../../common/auth/access-table.js';
import { timeOrderedId } from '../../common/database/time-ordered-id.js';
import { type EventHandler, type EventSubscriber } from '../../common/events/event-bus.js';
import { type DomainEventType, type PublishedEvent } from '../../common/events/domain-events.js';
import { entriesBySource } from './event-catalogue.js';
import { WebhookDelivery, WebhookEvent } from './webhooks.entities.js';

// The webhooks' reaction to domain events (decision 0028), in the publishing transaction: each catalogued
// event becomes public events (webhook_event, the changes feed's rows) and one delivery row per endpoint that
// may want it, so the change, its events and their deliveries commit together. Whether an endpoint is told is
// decided again when the delivery is sent (the access table at that moment), not here.

/** Whether a service provider's systems could ever see an event of this area (else no fan-out to them). */
function providersMaySee(area: AccessArea): boolean {
  const row = accessTable[area];
  return row.BUSINESS_MANAGEMENT.VIEW !== 'DENIED' || row.PROGRAM_MANAGEMENT.VIEW !== 'DENIED';
}

interface Candidate {
  id: string;
  businessId: string;
  eventTypes: string;
}

/** Runs named-parameter SQL through the transaction's own manager (on MySQL, inside the transaction). */
function queryIn<T>(manager: EntityManager, sql: string, params: Record<string, unknown>): Promise<T> {
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
  return manager.query<T>(text, values);
}

/**
 * The enabled endpoints that may want events about these businesses: their own, and their providers'
 * through accepted relationships. Two statements per domain event, whatever the number of public events
 * (a registry import's notices are hundreds).
 */
async function candidates(
  manager: EntityManager,
  businessIds: string[],
): Promise<{ endpoints: Candidate[]; providersOf: Map<string, string[]> }> {
  const links = await queryIn<Array<{ clientId: string; providerId: string }>>(
    manager,
    'SELECT r.client_business_id AS clientId, r.provider_business_id AS providerId FROM business_relationship r' +
      " WHERE r.client_business_id IN (:...ids) AND r.status = 'ACCEPTED'",
    { ids: businessIds },
  );
  const providersOf = new Map<string, string[]>();
  for (const link of links)
    providersOf.set(link.clientId, [...(providersOf.get(link.clientId) ?? []), link.providerId]);
  const owners = [...new Set([...businessIds, ...links.map((l) => l.providerId)])];
  const endpoints = await queryIn<Candidate[]>(
    manager,
    'SELECT e.id AS id, e.business_id AS businessId, e.event_types AS eventTypes FROM webhook_endpoint e' +
      " WHERE e.status = 'ENABLED' AND e.business_id IN (:...owners)",
    { owners },
  );
  return { endpoints, providersOf };
}

async function onEvent(manager: EntityManager, event: PublishedEvent): Promise<void> {
  const entries = entriesBySource.get(event.type) ?? [];
  const events: Array<{ row: WebhookEvent; withProviders: boolean }> = [];
  for (const entry of entries)
    for (const draft of entry.events(event.payload)) {
      const area = draft.area ?? entry.area;
      events.push({
        withProviders: providersMaySee(area),
        row: {
          id: timeOrderedId(),
          type: entry.type,
          version: entry.version,
          businessId: draft.businessId,
          programAccountId: draft.programAccountId,
          area,
          data: JSON.stringify(draft.data),
          sourceEventId: event.id,
          occurredAt: event.occurredAt,
        },
      });
    }
  if (events.length === 0) return;
  const { endpoints, providersOf } = await candidates(manager, [
    ...new Set(events.map((e) => e.row.businessId)),
  ]);
  const deliveries: WebhookDelivery[] = [];
  for (const { row, withProviders } of events) {
    const owners = new Set([
      row.businessId,
      ...(withProviders ? (providersOf.get(row.businessId) ?? []) : []),
    ]);
    for (const endpoint of endpoints)
      if (owners.has(endpoint.businessId) && (JSON.parse(endpoint.eventTypes) as string[]).includes(row.type))
        deliveries.push(newDelivery(endpoint.id, row.id, event.occurredAt));
  }
  const rows = events.map((e) => e.row);
  for (let i = 0; i < rows.length; i += 100)
    await manager
      .createQueryBuilder()
      .insert()
      .into(WebhookEvent)
      .values(rows.slice(i, i + 100))
      .updateEntity(false)
      .execute();
  for (let i = 0; i < deliveries.length; i += 100)
    await manager
      .createQueryBuilder()
      .insert()
      .into(WebhookDelivery)
      .values(deliveries.slice(i, i + 100))
      .updateEntity(false)
      .execute();
}

/** A delivery due now. */
export function newDelivery(endpointId: string, eventId: string, now: Date): WebhookDelivery {
  return {
    id: timeOrderedId(),
    endpointId,
    eventId,
    status: 'PENDING',
    attempts: 0,
    nextAttemptAt: now,
    leaseOwner: null,
    leaseUntil: null,
    responseStatus: null,
    lastError: null,
    lastAttemptAt: null,
    createdAt: now,
  };
}

export const webhookSubscriber: EventSubscriber = {
  name: 'webhooks',
  handlers: Object.fromEntries(
    [...entriesBySource.keys()].map((type) => [type, onEvent as EventHandler<DomainEventType>]),
  ),
};
