import DataLoader from 'dataloader';
import { type DataSource, In } from 'typeorm';
import { ClientGroup, ClientGroupMember, EmployeeAssignment } from './client-groups.entities.js';

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

/** Per-request loaders of the client-groups module: a list of groups costs one query per relation. */
export function createClientGroupLoaders(dataSource: DataSource) {
  return {
    group: new DataLoader<string, ClientGroup | null>(async (ids) => {
      const rows = await dataSource.getRepository(ClientGroup).findBy({ id: In([...ids]) });
      const map = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => map.get(id) ?? null);
    }),
    members: groupedBy<ClientGroupMember>(
      (ids) => dataSource.getRepository(ClientGroupMember).findBy({ groupId: In(ids) }),
      (row) => row.groupId,
    ),
    groupAssignments: groupedBy<EmployeeAssignment>(
      (ids) =>
        dataSource
          .getRepository(EmployeeAssignment)
          .find({ where: { clientGroupId: In(ids) }, order: { createdAt: 'ASC', id: 'ASC' } }),
      (row) => row.clientGroupId!,
    ),
  };
}

export type ClientGroupLoaders = ReturnType<typeof createClientGroupLoaders>;

const perRequest = new WeakMap<object, ClientGroupLoaders>();

export function clientGroupLoaders(ctx: { dataSource: DataSource }): ClientGroupLoaders {
  let loaders = perRequest.get(ctx);
  if (!loaders) {
    loaders = createClientGroupLoaders(ctx.dataSource);
    perRequest.set(ctx, loaders);
  }
  return loaders;
}
