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
  eventTypes: string;
}

/** Enabled endpoints of the business, and of its providers through accepted relationships when they may see. */
async function candidateEndpoints(
  manager: EntityManager,
  businessId: string,
  withProviders: boolean,
): Promise<Candidate[]> {
  const providers = withProviders
    ? ' OR e.business_id IN (SELECT r.provider_business_id FROM business_relationship r' +
      " WHERE r.client_business_id = :businessId AND r.status = 'ACCEPTED')"
    : '';
  // Through the transaction's own manager: on MySQL, read inside the publishing transaction.
  const [text, values] = manager.connection.driver.escapeQueryWithParameters(
    'SELECT e.id AS id, e.event_types AS eventTypes FROM webhook_endpoint e' +
      ` WHERE e.status = 'ENABLED' AND (e.business_id = :businessId${providers})`,
    { businessId },
  );
  return manager.query<Candidate[]>(text, values);
}

async function onEvent(manager: EntityManager, event: PublishedEvent): Promise<void> {
  const entries = entriesBySource.get(event.type) ?? [];
  const events: WebhookEvent[] = [];
  const deliveries: WebhookDelivery[] = [];
  for (const entry of entries)
    for (const draft of entry.events(event.payload)) {
      const area = draft.area ?? entry.area;
      const row: WebhookEvent = {
        id: timeOrderedId(),
        type: entry.type,
        version: entry.version,
        businessId: draft.businessId,
        programAccountId: draft.programAccountId,
        area,
        data: JSON.stringify(draft.data),
        sourceEventId: event.id,
        occurredAt: event.occurredAt,
      };
      events.push(row);
      for (const endpoint of await candidateEndpoints(manager, draft.businessId, providersMaySee(area)))
        if ((JSON.parse(endpoint.eventTypes) as string[]).includes(entry.type))
          deliveries.push(newDelivery(endpoint.id, row.id, event.occurredAt));
    }
  for (let i = 0; i < events.length; i += 100)
    await manager
      .createQueryBuilder()
      .insert()
      .into(WebhookEvent)
      .values(events.slice(i, i + 100))
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
