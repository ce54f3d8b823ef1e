import { type AppContext } from '../../app/context.js';
import { ownerFromArg } from '../../common/auth/access-directive.js';
import { AccessAction, AccessArea, decideAccess, type AccessOwner } from '../../common/auth/access-table.js';
import { businessExists } from '../businesses/business-directory.service.js';
import { providerOfGroupId } from '../client-groups/client-groups.service.js';
import { BusinessRelationship } from './relationships.entities.js';

// How the guarded mutations of relationships and client groups find the business they act for (typed:
// `ownerFromArg` in common/auth). Read directly, not through the request's loaders, so that no pre-change row
// is cached.

function relationship({ dataSource }: AppContext, id: string) {
  return dataSource.getRepository(BusinessRelationship).findOne({
    select: { id: true, providerBusinessId: true, clientBusinessId: true },
    where: { id },
  });
}

/** The provider named by `input.providerBusinessId` (requesting, groups, assignments). */
export const providerFromInput = ownerFromArg(
  ['input', 'providerBusinessId'],
  async (id, { dataSource }: AppContext) =>
    (await businessExists(dataSource.manager, id)) ? { businessId: id } : null,
);

/** The client of a relationship (`input.relationshipId`): the side that decides. */
export const clientOfRelationship = ownerFromArg(
  ['input', 'relationshipId'],
  async (id, context: AppContext) => {
    const found = await relationship(context, id);
    return found ? { businessId: found.clientBusinessId } : null;
  },
);

/** The provider of a relationship (`relationshipId`): the side that withdraws a request. */
export const providerOfRelationship = ownerFromArg(['relationshipId'], async (id, context: AppContext) => {
  const found = await relationship(context, id);
  return found ? { businessId: found.providerBusinessId } : null;
});

/**
 * The side of a relationship whose standing allows RELATIONSHIP_MANAGEMENT `action` (the client first), so
 * that a person who is, say, an Editor of the client and the BAM of the provider acts as the provider's BAM.
 * Nobody allowed on either side: the client, and FORBIDDEN.
 */
function sideOf(action: AccessAction) {
  return async (id: string, context: AppContext): Promise<AccessOwner | null> => {
    const found = await relationship(context, id);
    if (!found) return null;
    for (const businessId of [found.clientBusinessId, found.providerBusinessId]) {
      const standing = await context.access.standing(businessId);
      if (decideAccess(standing, AccessArea.RELATIONSHIP_MANAGEMENT, action, { businessId }))
        return { businessId };
    }
    return { businessId: found.clientBusinessId };
  };
}

/** Either side may end a relationship (`relationshipId`). */
export const sideOfRelationship = ownerFromArg(['relationshipId'], sideOf(AccessAction.EDIT));

/** Either side may read a relationship by id (`relationship(id)`). */
export const readerSideOfRelationship = ownerFromArg(['id'], sideOf(AccessAction.VIEW));

async function providerOfGroupOf(id: string, { dataSource }: AppContext): Promise<AccessOwner | null> {
  const providerBusinessId = await providerOfGroupId(dataSource.manager, id);
  return providerBusinessId ? { businessId: providerBusinessId } : null;
}

/** The provider of a client group (`groupId`). */
export const providerOfGroup = ownerFromArg(['groupId'], providerOfGroupOf);

/** The provider of a client group (`input.groupId`). */
export const providerOfGroupInput = ownerFromArg(['input', 'groupId'], providerOfGroupOf);
