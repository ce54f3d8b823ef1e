import { type DataSource, type EntityManager, In } from 'typeorm';
import { BusinessRelationship } from './relationships.entities.js';
import { RelationshipStatus } from './relationships.types.js';

// Reads of the relationships module other modules may call (client groups check a client is active).

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
