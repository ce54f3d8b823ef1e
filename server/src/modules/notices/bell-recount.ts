import { type EntityManager } from 'typeorm';
import { afterCommit } from '../../common/database/after-commit.js';
import { type PublishedEvent } from '../../common/events/domain-events.js';
import { type EventHandler, type EventSubscriber } from '../../common/events/event-bus.js';
import { fanoutOf } from '../../common/shared/shared-state.js';
import { activeMemberGrants } from '../businesses/business-directory.service.js';

// The live bell follows a provider's reach (decision 0040): when a relationship starts or stops, or an
// employee's assignments or a client group's clients change, what the provider's people may read changes with
// it, and so may their unread count. Once the change commits, the streams of the provider's active members
// count again (a signal naming no notice); each count is the notices service's, as the `notices` query's.
// New client notices need no subscription change: the writer finds who reaches their business when it writes
// them (notice-writer.ts).

/** Signals, after commit, the live bells of the active members of `businessIds` to count again. */
export async function recountBells(manager: EntityManager, businessIds: string[]): Promise<void> {
  const fanout = fanoutOf(manager.dataSource);
  if (!fanout) return;
  const userIds = [...new Set((await activeMemberGrants(manager, businessIds)).map((m) => m.userId))];
  if (userIds.length)
    afterCommit(manager, () => void fanout.publish({ userIds, noticeIds: [] }).catch(() => undefined));
}

type ProviderEvent =
  | 'RELATIONSHIP_ACCEPTED'
  | 'RELATIONSHIP_ENDED'
  | 'RELATIONSHIP_EXPIRED'
  | 'EMPLOYEE_ASSIGNED'
  | 'EMPLOYEE_UNASSIGNED'
  | 'CLIENT_GROUP_DELETED'
  | 'CLIENT_GROUP_CLIENTS_ADDED'
  | 'CLIENT_GROUP_CLIENTS_REMOVED';

const recountProvider: EventHandler<ProviderEvent> = (
  manager: EntityManager,
  event: PublishedEvent<ProviderEvent>,
) => recountBells(manager, [event.payload.providerBusinessId]);

const handlers: { [T in ProviderEvent]: EventHandler<T> } = {
  RELATIONSHIP_ACCEPTED: recountProvider,
  RELATIONSHIP_ENDED: recountProvider,
  RELATIONSHIP_EXPIRED: recountProvider,
  EMPLOYEE_ASSIGNED: recountProvider,
  EMPLOYEE_UNASSIGNED: recountProvider,
  CLIENT_GROUP_DELETED: recountProvider,
  CLIENT_GROUP_CLIENTS_ADDED: recountProvider,
  CLIENT_GROUP_CLIENTS_REMOVED: recountProvider,
};

export const bellRecountSubscriber: EventSubscriber = {
  name: 'notices-bell',
  handlers,
};
