import { type DataSource, type EntityManager, In } from 'typeorm';
import { entityColumns, hydrate } from '../../common/database/named-sql.js';
import { BusinessRelationship, RelationshipProgramAccount } from './relationships.entities.js';
import { RelationshipStatus } from './relationships.types.js';

// Reads of the relationships module other modules may call (client groups check a client is active; the
// delegation report and node() read relationships): other modules never query its tables (decision 0042).

/** A relationship's row as other modules receive it (type only). */
export type { BusinessRelationship } from './relationships.entities.js';

type Db = DataSource | EntityManager;

/** A relationship by id; null when there is none. */
export function findRelationship(db: Db, id: string): Promise<BusinessRelationship | null> {
  return db.getRepository(BusinessRelationship).findOneBy({ id });
}

/** The ACCEPTED relationships in which the business is the client (only `ids` when given; one statement). */
export function acceptedRelationshipsOfClient(
  db: Db,
  clientBusinessId: string,
  ids?: readonly string[],
): Promise<BusinessRelationship[]> {
  return db.getRepository(BusinessRelationship).findBy({
    clientBusinessId,
    status: RelationshipStatus.ACCEPTED,
    ...(ids ? { id: In([...ids]) } : {}),
  });
}

/** The program accounts program-management relationships name (one statement). */
export async function namedProgramAccounts(
  db: Db,
  relationshipIds: readonly string[],
): Promise<Array<{ relationshipId: string; programAccountId: string }>> {
  if (relationshipIds.length === 0) return [];
  return db.getRepository(RelationshipProgramAccount).findBy({ relationshipId: In([...relationshipIds]) });
}

/**
 * A relationship's columns in another module's one-statement read: prefixed (`columns`) or under their own
 * names (`plainColumns`, for a subquery), and the row back from a prefixed result (`hydrate`).
 */
export const relationshipRow = {
  columns: (dataSource: DataSource, alias: string, prefix: string): string =>
    entityColumns(dataSource, BusinessRelationship, alias, prefix),
  plainColumns: (dataSource: DataSource, alias: string): string =>
    dataSource
      .getMetadata(BusinessRelationship)
      .columns.map((c) => `${alias}.${c.databaseName} AS ${c.databaseName}`)
      .join(', '),
  hydrate: (
    dataSource: DataSource,
    row: Record<string, unknown>,
    prefix: string,
  ): BusinessRelationship | null => hydrate(dataSource, BusinessRelationship, row, prefix),
};

/** Of `clientBusinessIds`, those with an ACCEPTED relationship with the provider. One query. */
export async function acceptedClientIds(
  manager: EntityManager | DataSource,
  providerBusinessId: string,
  clientBusinessIds: string[],
): Promise<Set<string>> {
  if (clientBusinessIds.length === 0) return new Set();
  const rows = await manager.getRepository(BusinessRelationship).find({
    select: { clientBusinessId: true },
    where: {
      providerBusinessId,
      clientBusinessId: In(clientBusinessIds),
      status: RelationshipStatus.ACCEPTED,
    },
  });
  return new Set(rows.map((row) => row.clientBusinessId));
}
