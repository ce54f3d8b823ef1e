import { type DataSource, type EntityManager } from 'typeorm';
import { timeOrderedId } from '../database/time-ordered-id.js';
import { DomainEventRecord } from './domain-event.entity.js';
import { type DomainEvent, type DomainEventType, type PublishedEvent } from './domain-events.js';

// The in-transaction event bus (decision 0020). A producer publishes a typed event with the EntityManager
// of its own transaction; the event row and everything its subscribers write (notices and their emails,
// decision 0013) commit or roll back together with the change. Subscribers are the modules' own, bound to
// the data source when it is opened (database/data-source.ts reads them from the module manifests), so no
// module calls another module's reaction and common/ knows no module.

/** One reaction to one event type, in the publisher's transaction. */
export type EventHandler<T extends DomainEventType> = (
  manager: EntityManager,
  event: PublishedEvent<T>,
) => Promise<void>;

/** What a module does about events: one handler per event type it cares about. */
export interface EventSubscriber {
  /** The module's name, for errors. */
  name: string;
  handlers: { [T in DomainEventType]?: EventHandler<T> };
}

const subscribersBySource = new WeakMap<DataSource, readonly EventSubscriber[]>();

/** Binds the application's subscribers to a data source (once, when it is opened). */
export function bindEventSubscribers(dataSource: DataSource, subscribers: readonly EventSubscriber[]): void {
  subscribersBySource.set(dataSource, subscribers);
}

/**
 * Appends the event to the domain_event outbox and runs every subscriber's handler for its type, in the
 * caller's transaction and in the order the manifests list the modules. A subscriber's error fails the
 * change: better no change than a change whose notice is missing. Throws when called outside a
 * transaction or on a data source that was not opened with its subscribers.
 */
export async function publish(
  manager: EntityManager,
  event: DomainEvent,
  occurredAt: Date,
): Promise<PublishedEvent> {
  const subscribers = subscribersBySource.get(manager.dataSource);
  if (!subscribers) throw new Error('publish: no event subscribers are bound to this data source');
  if (!manager.queryRunner?.isTransactionActive)
    throw new Error(`publish ${event.type}: not in a transaction`);
  const published: PublishedEvent = { ...event, id: timeOrderedId(), occurredAt };
  await manager.insert(DomainEventRecord, {
    id: published.id,
    type: event.type,
    payload: JSON.stringify(event.payload),
    occurredAt,
    // Consumed now: every subscriber runs before the transaction commits.
    consumedAt: occurredAt,
  });
  for (const subscriber of subscribers) {
    const handler = subscriber.handlers[event.type] as EventHandler<DomainEventType> | undefined;
    if (handler) await handler(manager, published);
  }
  return published;
}
