import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { RelationshipEvent, RelationshipProgramAccount } from './relationships.entities.js';

function groupedBy<V>(
  load: (keys: string[]) => Promise<V[]>,
  keyOf: (row: V) => string,
): DataLoader<string, V[]> {
  return new DataLoader<string, V[]>(async (keys) => {
    const rows = await load([...keys]);
    const map = new Map<string, V[]>();
    for (const row of rows) map.set(keyOf(row), [...(map.get(keyOf(row)) ?? []), row]);
    return keys.map((key) => map.get(key) ?? []);
  });
}

/** Per-request loaders of relationship lists: timelines and program accounts cost one query per page. */
export function createRelationshipLoaders(dataSource: DataSource) {
  return {
    timeline: groupedBy<RelationshipEvent>(
      (ids) =>
        dataSource
          .getRepository(RelationshipEvent)
          .find({ where: { relationshipId: In(ids) }, order: { occurredAt: 'ASC', id: 'ASC' } }),
      (row) => row.relationshipId,
    ),
    programAccounts: groupedBy<RelationshipProgramAccount>(
      (ids) => dataSource.getRepository(RelationshipProgramAccount).findBy({ relationshipId: In(ids) }),
      (row) => row.relationshipId,
    ),
  };
}

export type RelationshipLoaders = ReturnType<typeof createRelationshipLoaders>;

const perRequest = new WeakMap<object, RelationshipLoaders>();

/** The loaders of this request (the context object is the request). */
export function relationshipLoaders(ctx: { dataSource: DataSource }): RelationshipLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = createRelationshipLoaders(ctx.dataSource);
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
