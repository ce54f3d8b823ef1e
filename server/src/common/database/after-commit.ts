import {
  EventSubscriber,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';

// Work that must wait for the transaction to commit: telling other processes about rows they could not read
// yet (the live bell, decision 0027). A rollback drops it; a savepoint's release keeps it until the outer
// COMMIT. Registered on the data source (data-source.ts) as a TypeORM subscriber, so it works for every
// transaction whoever opened it.

const pending = new WeakMap<QueryRunner, Array<() => void>>();

/** Runs `work` once the manager's transaction has committed (at once outside a transaction). Never throws. */
export function afterCommit(manager: EntityManager, work: () => void): void {
  const runner = manager.queryRunner;
  if (!runner?.isTransactionActive) {
    run([work]);
    return;
  }
  const list = pending.get(runner) ?? [];
  list.push(work);
  pending.set(runner, list);
}

function run(works: Array<() => void>): void {
  for (const work of works)
    try {
      work();
    } catch {
      // What runs after a commit is a courtesy (a signal); the change itself is done.
    }
}

// Decorated: TypeORM instantiates only the listed classes it knows as subscribers.
@EventSubscriber()
export class AfterCommitSubscriber implements EntitySubscriberInterface {
  afterTransactionCommit(event: TransactionCommitEvent): void {
    if (event.queryRunner.isTransactionActive) return;
    const works = pending.get(event.queryRunner);
    pending.delete(event.queryRunner);
    if (works) run(works);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) pending.delete(event.queryRunner);
  }
}
